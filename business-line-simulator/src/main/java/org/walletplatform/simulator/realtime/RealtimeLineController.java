package org.walletplatform.simulator.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.line.RealtimeContract;
import org.walletplatform.simulator.SimulatorProperties;
import org.walletplatform.simulator.line.Fault;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated lines that do not push but answer real-time queries
 * (docs/business-line-contract.md): each user has a fixed history of 30 point movements
 * over the last 90 days (from the seed), a balance that is their sum, and monthly
 * summaries computed from it. Faults: {@code slow} and {@code fail}.
 */
@RestController
class RealtimeLineController {

    private static final int HISTORY = 30;

    private final Set<String> lines;

    private final long seed;

    private final Clock clock = Clock.systemUTC();

    private volatile Fault fault = Fault.NONE;

    RealtimeLineController(SimulatorProperties properties) {
        this.lines = Set.copyOf(properties.realtimeLines());
        this.seed = properties.seed();
    }

    @GetMapping("/lines/{line}/v1/balances/{userId}")
    ResponseEntity<Object> balance(@PathVariable String line, @PathVariable long userId) throws InterruptedException {
        return answer(line,
                () -> new RealtimeContract.Balance(userId, line,
                        Math.max(0, history(userId).stream().mapToLong(RealtimeContract.DetailItem::amountMinor).sum()),
                        "POINT"));
    }

    @GetMapping("/lines/{line}/v1/details/{userId}")
    ResponseEntity<Object> details(@PathVariable String line, @PathVariable long userId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit)
            throws InterruptedException {
        return answer(line, () -> {
            List<RealtimeContract.DetailItem> items = history(userId);
            int from = (cursor != null && cursor.matches("c\\d{1,3}")) ? Integer.parseInt(cursor.substring(1)) : 0;
            int to = Math.min(items.size(), from + Math.max(1, Math.min(limit, 100)));
            return new RealtimeContract.DetailPage(items.subList(Math.min(from, to), to),
                    (to < items.size()) ? "c" + to : null);
        });
    }

    @GetMapping("/lines/{line}/v1/summaries/{userId}/{month}")
    ResponseEntity<Object> summary(@PathVariable String line, @PathVariable long userId, @PathVariable String month)
            throws InterruptedException {
        return answer(line, () -> {
            YearMonth wanted = YearMonth.parse(month);
            List<RealtimeContract.DetailItem> inMonth = history(userId).stream()
                .filter((i) -> YearMonth.from(i.occurredAt().atOffset(ZoneOffset.UTC)).equals(wanted))
                .toList();
            return new RealtimeContract.MonthSummary(month,
                    inMonth.stream().mapToLong(RealtimeContract.DetailItem::amountMinor).filter((a) -> a > 0).sum(),
                    -inMonth.stream().mapToLong(RealtimeContract.DetailItem::amountMinor).filter((a) -> a < 0).sum(),
                    inMonth.size());
        });
    }

    @PutMapping("/sim/realtime/fault")
    Fault setFault(@RequestBody Fault fault) {
        this.fault = fault;
        return fault;
    }

    private ResponseEntity<Object> answer(String line, Supplier<Object> body) throws InterruptedException {
        if (!this.lines.contains(line)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Unknown line",
                    "The simulator has no real-time line '" + line + "'.");
        }
        if ("slow".equals(this.fault.mode())) {
            Thread.sleep(this.fault.delayMs());
        }
        if ("fail".equals(this.fault.mode())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok(body.get());
    }

    /**
     * Newest first; fixed per user, anchored to today's date so it always spans the last
     * three months.
     */
    private List<RealtimeContract.DetailItem> history(long userId) {
        SplittableRandom random = new SplittableRandom(this.seed * 7919 + userId);
        Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<RealtimeContract.DetailItem> items = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            long amount = random.nextInt(4) == 0 ? -random.nextLong(10, 500) : random.nextLong(10, 2_000);
            items.add(new RealtimeContract.DetailItem("p" + userId + "-" + i,
                    today.minus(Duration.ofDays(3L * i)).minusSeconds(random.nextInt(86_400)), amount,
                    (amount > 0) ? "Points earned" : "Points redeemed"));
        }
        return items;
    }

}
