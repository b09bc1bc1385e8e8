package org.walletplatform.support.validation;

import java.util.function.Predicate;

import jakarta.validation.Validator;

import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * {@code @Valid} for hot request bodies: a body that a plain-code check of its
 * constraints accepts goes through without Bean Validation's reflection, and any other
 * body is validated as usual, so a refusal keeps its field errors (the same 400). Set it
 * on a controller's binder with {@code @InitBinder}. The plain check must never accept
 * what the annotations refuse: each use has a test comparing the two on generated bodies.
 */
public class PlainFirstValidator implements SmartValidator {

    private final SpringValidatorAdapter beanValidation;

    private final Predicate<Object> plainlyValid;

    protected PlainFirstValidator(Validator validator, Predicate<Object> plainlyValid) {
        this.beanValidation = new SpringValidatorAdapter(validator);
        this.plainlyValid = plainlyValid;
    }

    @Override
    public boolean supports(Class<?> type) {
        return true; // a body the plain check does not know goes to Bean Validation as it
                     // is
    }

    @Override
    public void validate(Object target, Errors errors) {
        validate(target, errors, new Object[0]);
    }

    @Override
    public void validate(Object target, Errors errors, Object... validationHints) {
        if (!this.plainlyValid.test(target)) {
            this.beanValidation.validate(target, errors, validationHints);
        }
    }

}
