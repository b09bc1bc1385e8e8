package org.walletplatform.model.config;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * How the sync worker pulls push lines' snapshots, released as versions by the write
 * service's configuration admin over the built-in integration config
 * ({@code wallet-business-lines.yml}): a line named here is pulled with these settings, a
 * line not named with its built-in ones. Which lines exist, and how each syncs, is not
 * released: a line's signing secrets and sync mode are deployed with the services.
 *
 * @param lines push line → its pull settings
 */
public record IntegrationConfig(@NotNull @Size(max = 64) Map<@NotBlank String, @NotNull @Valid LinePull> lines) {

    /**
     * @param snapshotUrl base URL of the line's snapshot API: http or https, host, port
     * and path only
     * @param batchSnapshots whether the line offers the batch form
     * @param rateLimitPerSecond calls per second one worker may make to the line
     * @param timeoutMillis how long one call may take
     * @param maxConcurrency calls in flight at once from one worker
     */
    public record LinePull(
            @NotNull @Size(max = 512) @Pattern(regexp = "https?://[A-Za-z0-9._~:/%-]+") String snapshotUrl,
            @NotNull Boolean batchSnapshots, @NotNull @Positive @Max(1_000_000) Integer rateLimitPerSecond,
            @NotNull @Positive @Max(60_000) Integer timeoutMillis,
            @NotNull @Positive @Max(1024) Integer maxConcurrency) {
    }

}
