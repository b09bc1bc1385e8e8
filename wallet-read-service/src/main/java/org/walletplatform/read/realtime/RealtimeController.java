package org.walletplatform.read.realtime;

import java.util.function.LongFunction;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.config.IntegrationConfig;
import org.walletplatform.model.wallet.RealtimeViews.BalanceView;
import org.walletplatform.model.wallet.RealtimeViews.DetailsView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Real-time query of lines that do not push: balance (stale fallback) and details with
 * monthly summaries.
 */
@RestController
class RealtimeController {

    private final RealtimeLinesProperties lines;

    private final LongFunction<IntegrationConfig> released;

    private final BalanceReader balances;

    private final DetailReader details;

    RealtimeController(RealtimeLinesProperties lines, LongFunction<IntegrationConfig> released, BalanceReader balances,
            DetailReader details) {
        this.lines = lines;
        this.released = released;
        this.balances = balances;
        this.details = details;
    }

    @Operation(
            summary = "A real-time line's balance; the last good one, marked stale with its age, while the line fails",
            description = "400 for an unknown line or bad user id; 503 if the line fails and nothing is cached.")
    @GetMapping("/v1/wallet/{userId}/lines/{line}/balance")
    BalanceView balance(@PathVariable @Positive long userId, @PathVariable String line) {
        return this.balances.read(line, config(line, userId), userId);
    }

    @Operation(summary = "A page of a real-time line's details with the summaries of the months it spans",
            description = "cursor is opaque (from the previous page); limit 1-100. 400 for bad input; 503 if the line fails.")
    @GetMapping("/v1/wallet/{userId}/lines/{line}/details")
    DetailsView details(@PathVariable @Positive long userId, @PathVariable String line,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$",
                    message = "must be a cursor from a previous page") String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return this.details.read(line, config(line, userId), userId, cursor, limit);
    }

    private RealtimeLinesProperties.Line config(String line, long userId) {
        RealtimeLinesProperties.Line config = this.lines.realtime(line, this.released.apply(userId));
        if (config == null) {
            throw RealtimeProblems.unknownLine(line);
        }
        return config;
    }

}
