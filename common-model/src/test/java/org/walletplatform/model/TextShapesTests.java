package org.walletplatform.model;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scans agree with the regular expressions they replaced, edge cases included. */
class TextShapesTests {

    private static final String[] SAMPLES = { null, "", "0", "7", "1234567890123456789", "12345678901234567890", "-1",
            "1a", "٣", "１", "abc", "ABC-xyz", "a_b", "a b", "gala-cash", "x".repeat(40), "x".repeat(41),
            "abcdefghijklmnop", "abcdefghijklmno", "A1_b2-C3_d4-E5_f6", "é".repeat(20), "n".repeat(64), "n".repeat(65),
            "a\n" };

    @Test
    void digitsAsTheRegularExpression() {
        Pattern digits = Pattern.compile("[0-9]{1,19}");
        for (String sample : SAMPLES) {
            assertThat(TextShapes.isDigits(sample, 19)).as("%s", sample)
                .isEqualTo(sample != null && digits.matcher(sample).matches());
        }
    }

    @Test
    void tokensAsTheRegularExpressions() {
        Pattern part = Pattern.compile("[A-Za-z0-9-]{1,40}");
        Pattern nonce = Pattern.compile("[A-Za-z0-9_-]{16,64}");
        for (String sample : SAMPLES) {
            assertThat(TextShapes.isToken(sample, 1, 40, "-")).as("%s", sample)
                .isEqualTo(sample != null && part.matcher(sample).matches());
            assertThat(TextShapes.isToken(sample, 16, 64, "_-")).as("%s", sample)
                .isEqualTo(sample != null && nonce.matcher(sample).matches());
        }
    }

}
