package org.walletplatform.model.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.walletplatform.model.BusinessLineIds;
import org.walletplatform.model.Versions;

/**
 * A business line's word that a user's assets changed. It carries no amounts: the wallet
 * pulls the latest snapshot from the line, so a lost or reordered notification can never
 * write wrong data. {@code version}, when given, is the line's snapshot version after the
 * change.
 */
public record AssetChangeNotification(@NotNull @Positive Long userId,
        @NotBlank @Pattern(regexp = BusinessLineIds.REGEX, message = "must be a business line id") String businessLine,
        @PositiveOrZero @Max(Versions.MAX) Long version) {

    public static AssetChangeNotification of(long userId, String businessLine, Long version) {
        return new AssetChangeNotification(userId, businessLine, version);
    }

    /**
     * Whether it meets every constraint declared above, checked as plain code: the intake
     * and the sync worker let such notifications through without the validator's
     * reflection and leave the rest to the validator, which names what is wrong.
     */
    public boolean meetsConstraints() {
        return this.userId != null && this.userId > 0 && BusinessLineIds.isValid(this.businessLine)
                && (this.version == null || (this.version >= 0 && this.version <= Versions.MAX));
    }

}
