package org.walletplatform.write.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.Versions;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationBatchRequest;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationValidatorTests {

    private static final Validator BEANS = Validation.buildDefaultValidatorFactory().getValidator();

    private static final List<Long> USER_IDS = Arrays.asList(null, Long.MIN_VALUE, -1L, 0L, 1L, 42L, Long.MAX_VALUE);

    private static final List<String> LINES = Arrays.asList(null, "", " ", "a", "coins", "cash-back", "c0ins", "A",
            "Coins", "1coins", "-coins", "co_ins", "co ins", "coins\n", "cöins", "a".repeat(32), "a".repeat(33),
            "a" + "-".repeat(31));

    private static final List<Long> VERSIONS = Arrays.asList(null, Long.MIN_VALUE, -1L, 0L, 1L, Versions.MAX,
            Versions.MAX + 1, Long.MAX_VALUE);

    @Test
    void shouldAnswerAsBeanValidationForEveryEdgeOfANotification() {
        NotificationValidator validator = new NotificationValidator(BEANS);
        int valid = 0;
        for (AssetChangeNotification notification : edges()) {
            List<String> expected = fields(beanValidation(notification));
            List<String> actual = fields(validated(validator, notification));

            assertThat(actual).as(notification.toString()).isEqualTo(expected);
            assertThat(notification.meetsConstraints()).as(notification.toString()).isEqualTo(expected.isEmpty());
            valid += expected.isEmpty() ? 1 : 0;
        }
        assertThat(valid).as("both answers are exercised").isBetween(10, edges().size() - 10);
    }

    @Test
    void shouldReportABadNotificationInABatchByItsPlaceAsBeanValidationDoes() {
        NotificationValidator validator = new NotificationValidator(BEANS);
        List<AssetChangeNotification> good = new ArrayList<>(
                Collections.nCopies(NotificationBatchRequest.MAX_SIZE, AssetChangeNotification.of(7, "coins", 3L)));
        List<List<AssetChangeNotification>> bodies = new ArrayList<>();
        bodies.add(null);
        bodies.add(List.of());
        bodies.add(good);
        for (AssetChangeNotification bad : Arrays.asList(null, new AssetChangeNotification(0L, "coins", 1L),
                new AssetChangeNotification(7L, "Coins", 1L), new AssetChangeNotification(7L, "coins", -1L))) {
            List<AssetChangeNotification> body = new ArrayList<>(good);
            body.set(321, bad);
            bodies.add(body);
        }
        for (List<AssetChangeNotification> notifications : bodies) {
            NotificationBatchRequest batch = new NotificationBatchRequest(notifications);

            assertThat(fields(validated(validator, batch))).isEqualTo(fields(beanValidation(batch)));
        }
        assertThat(fields(validated(validator, new NotificationBatchRequest(bodies.get(4)))))
            .containsExactly("notifications[321].userId");
    }

    /**
     * What the plain check accepts never reaches Bean Validation
     * (PlainFirstValidatorTests); a well-formed body must be among it.
     */
    @Test
    void shouldAcceptAWellFormedBodyWithThePlainCheck() {
        assertThat(NotificationValidator
            .isPlainlyValid(new NotificationBatchRequest(List.of(AssetChangeNotification.of(7, "coins", 3L)))))
            .isTrue();
        assertThat(NotificationValidator.isPlainlyValid(AssetChangeNotification.of(7, "coins", null))).isTrue();
        assertThat(NotificationValidator.isPlainlyValid(AssetChangeNotification.of(7, "Coins", null))).isFalse();
        assertThat(NotificationValidator.isPlainlyValid("not a body")).isFalse();
    }

    private static List<AssetChangeNotification> edges() {
        List<AssetChangeNotification> all = new ArrayList<>();
        for (Long userId : USER_IDS) {
            for (String line : LINES) {
                for (Long version : VERSIONS) {
                    all.add(new AssetChangeNotification(userId, line, version));
                }
            }
        }
        return all;
    }

    private static Errors beanValidation(Object target) {
        Errors errors = new BeanPropertyBindingResult(target, "body");
        new SpringValidatorAdapter(BEANS).validate(target, errors);
        return errors;
    }

    private static Errors validated(NotificationValidator validator, Object target) {
        Errors errors = new BeanPropertyBindingResult(target, "body");
        validator.validate(target, errors);
        return errors;
    }

    private static List<String> fields(Errors errors) {
        return errors.getFieldErrors().stream().map(FieldError::getField).sorted().toList();
    }

}
