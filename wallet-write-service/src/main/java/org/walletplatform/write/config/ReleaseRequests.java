package org.walletplatform.write.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.model.config.IntegrationConfig;

/**
 * The bodies of the release operations. Each names the configuration's revision the
 * operator decided on ({@code GET /admin/config/{name}} shows it).
 */
final class ReleaseRequests {

    /** The most users a gray release may name. */
    static final int MAX_WHITELIST = 10_000;

    private ReleaseRequests() {
    }

    /**
     * @param whitelist the users who see it first (a gray release); absent or empty:
     * everyone at once
     */
    record DisplayRelease(@NotNull @PositiveOrZero Long revision, @NotNull @Valid DisplayConfig config,
            @Size(max = MAX_WHITELIST) List<@NotNull @Positive Long> whitelist) {

        List<Long> users() {
            return (this.whitelist != null) ? this.whitelist : List.of();
        }

    }

    /**
     * @param whitelist the users who are pulled with it first (a gray release); absent or
     * empty: everyone at once
     */
    record IntegrationRelease(@NotNull @PositiveOrZero Long revision, @NotNull @Valid IntegrationConfig config,
            @Size(max = MAX_WHITELIST) List<@NotNull @Positive Long> whitelist) {

        List<Long> users() {
            return (this.whitelist != null) ? this.whitelist : List.of();
        }

    }

    /** The gray release's users from now on, in place of those before. */
    record WhitelistChange(@NotNull @PositiveOrZero Long revision,
            @NotNull @Size(min = 1, max = MAX_WHITELIST) List<@NotNull @Positive Long> whitelist) {
    }

    /** Promote or abort the gray release. */
    record GrayDecision(@NotNull @PositiveOrZero Long revision) {
    }

    /** Everyone back on {@code version}. */
    record Rollback(@NotNull @PositiveOrZero Long revision, @NotNull @Positive Long version) {
    }

}
