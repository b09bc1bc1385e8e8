package org.walletplatform.simulator.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PreDestroy;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.simulator.line.SimulatedLine;
import org.walletplatform.simulator.line.SimulatedLines;

import org.springframework.stereotype.Component;

/**
 * Runs change requests in the background: changes the simulated data, then pushes the
 * notifications, paced to the requested rate with a few batches in flight.
 */
@Component
class ChangeRunner {

    private static final int IN_FLIGHT = 8;

    private final SimulatedLines lines;

    private final IntakeClient intake;

    private final Map<Long, ChangeRun> runs = new ConcurrentHashMap<>();

    private final AtomicLong ids = new AtomicLong();

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ChangeRunner(SimulatedLines lines, IntakeClient intake) {
        this.lines = lines;
        this.intake = intake;
    }

    ChangeRun start(ChangeRequest request) {
        List<SimulatedLine> targets = request.lines().stream().map(this.lines::get).toList();
        long total = (long) request.userCount() * targets.size() * request.changesPerUser();
        ChangeRun run = new ChangeRun(this.ids.incrementAndGet(), total);
        this.runs.put(run.getId(), run);
        this.executor.execute(() -> execute(request, targets, run));
        return run;
    }

    ChangeRun get(long id) {
        return this.runs.get(id);
    }

    private void execute(ChangeRequest request, List<SimulatedLine> targets, ChangeRun run) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long nanosPerBatch = 1_000_000_000L * request.batchSize() / request.ratePerSecond();
        long next = System.nanoTime();
        // a line signs for itself only, so each line's notifications travel in batches of
        // their own
        Map<SimulatedLine, List<AssetChangeNotification>> batches = new LinkedHashMap<>();
        // a user's changes come in a burst, as when one user plays an activity:
        // consecutive notifications
        for (long u = request.firstUserId(); u < request.firstUserId() + request.userCount(); u++) {
            for (SimulatedLine line : targets) {
                List<AssetChangeNotification> batch = batches.computeIfAbsent(line, (l) -> new ArrayList<>());
                for (int change = 0; change < request.changesPerUser(); change++) {
                    batch.add(AssetChangeNotification.of(u, line.id(), line.change(u)));
                    if (batch.size() == request.batchSize()) {
                        next = pace(next, nanosPerBatch);
                        send(request.push(), line, List.copyOf(batch), run, inFlight);
                        batch.clear();
                    }
                }
            }
        }
        batches.forEach((line, batch) -> {
            if (!batch.isEmpty()) {
                send(request.push(), line, List.copyOf(batch), run, inFlight);
            }
        });
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        run.finish();
    }

    private void send(boolean push, SimulatedLine line, List<AssetChangeNotification> batch, ChangeRun run,
            Semaphore inFlight) {
        if (!push) {
            run.pushed(batch.size());
            return;
        }
        inFlight.acquireUninterruptibly();
        this.executor.execute(() -> {
            try {
                if (this.intake.push(line.id(), line.secret(), batch)) {
                    run.pushed(batch.size());
                }
                else {
                    run.failed(batch.size());
                }
            }
            finally {
                inFlight.release();
            }
        });
    }

    private static long pace(long next, long nanosPerBatch) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return Math.max(next, System.nanoTime() - nanosPerBatch) + nanosPerBatch;
    }

    @PreDestroy
    void close() {
        this.executor.shutdownNow();
    }

}
