package org.walletplatform.simulator.push;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

/**
 * A run of changes: every user in [firstUserId, firstUserId + userCount) changes
 * {@code changesPerUser} times in each named line, one user after the other (a user's
 * changes are a burst), and (if {@code push}) each change is notified to the wallet's
 * intake, at most {@code ratePerSecond} notifications a second in batches of
 * {@code batchSize}.
 */
public record ChangeRequest(@Positive long firstUserId, @Positive @Max(10_000_000) int userCount,
        @NotEmpty List<String> lines, @Min(1) @Max(100) int changesPerUser, @Positive int ratePerSecond,
        @Min(1) @Max(500) int batchSize, boolean push) {
}
