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
 * Where and how the wallet calls the business lines, released as versions by the write
 * service's configuration admin over the built-in integration config
 * ({@code wallet-business-lines.yml}): a line named here is called with these settings, a
 * line not named with its built-in ones. Which lines exist, and how each syncs, is not
 * released: a line's signing secrets and sync mode are deployed with the services.
 *
 * @param pushLines push line → how the sync worker pulls its snapshots (absent: none)
 * @param realtimeLines real-time line → how the read service queries it (absent: none)
 */
public record IntegrationConfig(@Size(max = 64) Map<@NotBlank String, @NotNull @Valid LinePull> pushLines,
        @Size(max = 64) Map<@NotBlank String, @NotNull @Valid LineQuery> realtimeLines) {

    /** An http or https URL of host, port and path only. */
    private static final String URL = "https?://[A-Za-z0-9._~:/%-]+";

    public IntegrationConfig {
        pushLines = (pushLines != null) ? pushLines : Map.of();
        realtimeLines = (realtimeLines != null) ? realtimeLines : Map.of();
    }

    /**
     * @param snapshotUrl base URL of the line's snapshot API
     * @param batchSnapshots whether the line offers the batch form
     * @param rateLimitPerSecond calls per second one worker may make to the line
     * @param timeoutMillis how long one call may take
     * @param maxConcurrency calls in flight at once from one worker
     */
    public record LinePull(@NotNull @Size(max = 512) @Pattern(regexp = URL) String snapshotUrl,
            @NotNull Boolean batchSnapshots, @NotNull @Positive @Max(1_000_000) Integer rateLimitPerSecond,
            @NotNull @Positive @Max(60_000) Integer timeoutMillis,
            @NotNull @Positive @Max(1024) Integer maxConcurrency) {
    }

    /**
     * @param queryUrl base URL of the line's real-time query API
     * @param timeoutMillis how long one call may take
     * @param maxConcurrent calls in flight at once from one read instance
     */
    public record LineQuery(@NotNull @Size(max = 512) @Pattern(regexp = URL) String queryUrl,
            @NotNull @Positive @Max(60_000) Integer timeoutMillis,
            @NotNull @Positive @Max(1024) Integer maxConcurrent) {
    }

}
