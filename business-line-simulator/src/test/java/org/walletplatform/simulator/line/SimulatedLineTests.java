package org.walletplatform.simulator.line;

import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.simulator.SimulatorProperties.LineSpec;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedLineTests {

    private final SimulatedLine coupons = new SimulatedLine("coupons", new LineSpec("coupon", "CNY", false, "secret"),
            7);

    @Test
    void shouldHoldNothingAtVersionZeroUntilTheFirstChange() {
        AssetSnapshot snapshot = this.coupons.snapshot(5);

        assertThat(snapshot.version()).isZero();
        assertThat(snapshot.assets()).isEmpty();
    }

    @Test
    void shouldIncreaseTheVersionWithEveryChangeEvenWithinOneMillisecond() {
        long first = this.coupons.change(5);
        long second = this.coupons.change(5);
        long third = this.coupons.change(5);

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(this.coupons.snapshot(5).version()).isEqualTo(third);
    }

    @Test
    void shouldServeTheSameContentForTheSameVersion() {
        this.coupons.change(9);
        AssetSnapshot once = this.coupons.snapshot(9);

        assertThat(this.coupons.snapshot(9)).isEqualTo(once);
        assertThat(once.assets()).isNotEmpty().allSatisfy((a) -> {
            assertThat(a.amountMinor()).isPositive();
            assertThat(a.unit()).isEqualTo("CNY");
        });
    }

    @Test
    void shouldHoldNothingAfterBeingEmptiedUntilTheNextChange() {
        long changed = this.coupons.change(11);
        long emptied = this.coupons.empty(11);

        assertThat(emptied).isGreaterThan(changed);
        assertThat(this.coupons.snapshot(11).version()).isEqualTo(emptied);
        assertThat(this.coupons.snapshot(11).assets()).isEmpty();
        this.coupons.change(11);
        assertThat(this.coupons.snapshot(11).assets()).isNotEmpty();
    }

}
