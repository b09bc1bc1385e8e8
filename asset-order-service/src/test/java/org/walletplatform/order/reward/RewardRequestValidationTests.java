package org.walletplatform.order.reward;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain check accepts exactly the requests that the annotations on
 * {@link RewardRequest} accept, and a refused request names its field as Bean Validation
 * does.
 */
class RewardRequestValidationTests {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static final Long[] IDS = { null, 1L, 42L, Long.MAX_VALUE, 0L, -1L, Long.MIN_VALUE };

    private static final String[] TEXTS = { null, "", " ", "a", "gala", "gala-cash", "A-1", "a_b", "a b",
            "x".repeat(32), "x".repeat(33), "x".repeat(40), "x".repeat(41), "n".repeat(64), "n".repeat(65), "é", "١",
            "a\n", "-", "_" };

    private static final String[] AWARD_TYPES = { null, "", "cash", "coupon", "voucher", "item", "gold", "Cash",
            "cash ", "cashcoupon", "cash|coupon" };

    private static final Integer[] STAGES = { null, 0, 1, Integer.MAX_VALUE, -1, Integer.MIN_VALUE };

    private static final Map<?, ?>[] PAYLOADS = { null, Map.of(), Map.of("template", "t-1"), entries(32), entries(33) };

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void shouldAcceptExactlyWhatTheAnnotationsAccept() {
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 40_000; i++) {
            RewardRequest request = (i % 4 == 0) ? mutatedOnce(random) : anyRequest(random);
            boolean valid = VALIDATOR.validate(request).isEmpty();
            assertThat(RewardRequestValidation.isPlainlyValid(request)).as("%s", request).isEqualTo(valid);
            accepted += valid ? 1 : 0;
        }
        // both answers occur often enough for the comparison to mean something
        assertThat(accepted).isBetween(2_000, 38_000);
    }

    @Test
    void shouldNameTheFieldOfARefusedRequest() {
        RewardRequestValidation validation = new RewardRequestValidation(VALIDATOR);
        RewardRequest valid = new RewardRequest(7L, null, null, "gala", "gala-cash", "r1", "cash", 1, 5L, null);
        RewardRequest badRain = new RewardRequest(7L, null, null, "gala", "gala-cash", "r_1", "cash", 1, 5L, null);
        RewardRequest twoPeople = new RewardRequest(7L, "app1", "u1", "gala", "gala-cash", "r1", "cash", 1, 5L, null);

        assertThat(refusedFields(validation, valid)).isEmpty();
        assertThat(refusedFields(validation, badRain)).containsExactly("rainId");
        assertThat(refusedFields(validation, twoPeople)).containsExactly("onePerson");
    }

    private static List<String> refusedFields(RewardRequestValidation validation, RewardRequest request) {
        Errors errors = new BeanPropertyBindingResult(request, "request");
        validation.validate(request, errors);
        return errors.getFieldErrors().stream().map(FieldError::getField).toList();
    }

    /**
     * A valid request (the person named by actID or by app account) with one field
     * replaced by any sample: edge cases one at a time.
     */
    private static RewardRequest mutatedOnce(Random random) {
        Object[] fields = random.nextBoolean()
                ? new Object[] { 7L, null, null, "gala", "gala-cash", "r1", "cash", 1, 5L, null }
                : new Object[] { null, "app-1", "user_1", "gala", "gala-cash", "r1", "cash", 1, 5L, null };
        int field = random.nextInt(fields.length);
        fields[field] = switch (field) {
            case 0, 8 -> pick(random, IDS);
            case 6 -> pick(random, AWARD_TYPES);
            case 7 -> pick(random, STAGES);
            case 9 -> pick(random, PAYLOADS);
            default -> pick(random, TEXTS);
        };
        return request(fields);
    }

    private static RewardRequest anyRequest(Random random) {
        boolean byAccount = random.nextInt(4) == 0;
        return request(new Object[] { pick(random, IDS), byAccount ? pick(random, TEXTS) : null,
                byAccount ? pick(random, TEXTS) : null, pick(random, TEXTS), pick(random, TEXTS), pick(random, TEXTS),
                pick(random, AWARD_TYPES), pick(random, STAGES), pick(random, IDS), pick(random, PAYLOADS) });
    }

    @SuppressWarnings("unchecked")
    private static RewardRequest request(Object[] f) {
        return new RewardRequest((Long) f[0], (String) f[1], (String) f[2], (String) f[3], (String) f[4], (String) f[5],
                (String) f[6], (Integer) f[7], (Long) f[8], (Map<String, Object>) f[9]);
    }

    private static <T> T pick(Random random, T[] samples) {
        // valid values sit near the front of each list: favoured, whole requests are
        // often valid
        return samples[Math.min(random.nextInt(samples.length), random.nextInt(samples.length))];
    }

    private static Map<String, Object> entries(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toMap((i) -> "k" + i, (i) -> i));
    }

}
