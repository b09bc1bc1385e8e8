package org.walletplatform.support.validation;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class PlainFirstValidatorTests {

    private static final Validator BEANS = Validation.buildDefaultValidatorFactory().getValidator();

    private final AtomicInteger asked = new AtomicInteger();

    /**
     * Plainly valid: an even count (stricter than the annotation, which takes any
     * positive one).
     */
    private final PlainFirstValidator validator = new PlainFirstValidator(counting(),
            (target) -> target instanceof Body body && body.count() > 0 && body.count() % 2 == 0) {
    };

    @Test
    void shouldLetAPlainlyValidBodyThroughWithoutBeanValidation() {
        assertThat(fields(new Body(2))).isEmpty();
        assertThat(this.asked).hasValue(0);
    }

    @Test
    void shouldLeaveEveryOtherBodyToBeanValidation() {
        assertThat(fields(new Body(-1))).containsExactly("count");
        assertThat(fields(new Body(3))).as("too strict a plain check refuses nothing").isEmpty();
        assertThat(fields("not a body")).isEmpty();
        assertThat(this.asked).hasValue(3);
    }

    private List<String> fields(Object target) {
        Errors errors = new BeanPropertyBindingResult(target, "body");
        this.validator.validate(target, errors);
        return errors.getFieldErrors().stream().map(FieldError::getField).toList();
    }

    private Validator counting() {
        return (Validator) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Validator.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("validate")) {
                        this.asked.incrementAndGet();
                    }
                    return method.invoke(BEANS, args);
                });
    }

    record Body(@Positive int count) {
    }

}
