package org.walletplatform.order.scene;

import java.time.Duration;
import java.util.Map;

import org.walletplatform.model.reward.AwardType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scenes, by id ({@code order.scenes.<id>.*}).
 */
@ConfigurationProperties("order")
public record ScenesProperties(Map<String, SceneSpec> scenes) {

    public ScenesProperties {
        scenes = (scenes != null) ? scenes : Map.of();
    }

    /** One scene's settings; see {@link Scene}. */
    public record SceneSpec(AwardType awardType, long budgetMinor, long perTransactionLimitMinor,
            @DefaultValue("0.10") double reserveRatio, @DefaultValue("0") long leaseChunkMinor,
            @DefaultValue("0") int ratePerSecond, Duration reconcileDeadGrace) {

        Scene toScene(String id) {
            long chunk = (this.leaseChunkMinor > 0) ? this.leaseChunkMinor
                    : Math.max(this.perTransactionLimitMinor, this.budgetMinor / 1000);
            return new Scene(id, this.awardType, this.budgetMinor, this.perTransactionLimitMinor, this.reserveRatio,
                    chunk, this.ratePerSecond, this.reconcileDeadGrace);
        }

    }

}
