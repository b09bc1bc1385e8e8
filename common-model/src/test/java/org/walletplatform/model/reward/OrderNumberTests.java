package org.walletplatform.model.reward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.reward.OrderNumber.InvalidOrderNumberException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderNumberTests {

    @Test
    void shouldReadBackWhatItWrites() {
        OrderNumber number = new OrderNumber(123456789L, "gala-coupon", "rain-7", AwardType.COUPON, 2);

        assertThat(number.toString()).isEqualTo("123456789_gala-coupon_rain-7_coupon_2");
        assertThat(OrderNumber.parse(number.toString())).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1_s_r_coupon", "1_s_r_coupon_2_extra", "0_s_r_coupon_1", "-1_s_r_coupon_1",
            "x_s_r_coupon_1", "1__r_coupon_1", "1_s_r_gold_1", "1_s_r_coupon_10000", "1_s_r_coupon_-1",
            "1_s c_r_coupon_1", "1_s_r_COUPON_1", "99999999999999999999_s_r_coupon_1",
            "1_ssssssssssssssssssssssssssssssssssssssss1_r_coupon_1", "1_s_r_coupon_1.5", "1_s;drop_r_coupon_1" })
    void shouldRefuseAnythingButFiveWellFormedParts(String text) {
        assertThatExceptionOfType(InvalidOrderNumberException.class).isThrownBy(() -> OrderNumber.parse(text))
            .withMessageNotContaining("null");
    }

}
