package org.walletplatform.order.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Merges the flow sources into one page: each is asked, in parallel, for up to
 * {@code limit} items after the cursor; the merge keeps the newest {@code limit}. A
 * source that fails, or has not answered within the page timeout, is left out and the
 * page marked partial: a stuck source (a starved connection pool, a hung downstream) must
 * not hold the whole page.
 */
@Service
class WalletFlow {

    private static final Logger log = LoggerFactory.getLogger(WalletFlow.class);

    private final List<FlowSource> sources;

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration pageTimeout;

    WalletFlow(List<FlowSource> sources, FlowProperties properties) {
        this.sources = sources;
        this.pageTimeout = properties.pageTimeout();
    }

    FlowPage page(long actId, String cursor, int limit) {
        FlowPosition after = position(cursor);
        List<Future<List<FlowItem>>> answers = new ArrayList<>();
        for (FlowSource source : this.sources) {
            FlowPosition.Bound bound = (after != null) ? after.boundFor(source.name()) : FlowPosition.Bound.NONE;
            answers.add(this.calls.submit(() -> source.items(actId, bound, limit)));
        }
        List<FlowItem> merged = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        boolean more = false;
        long deadline = System.nanoTime() + this.pageTimeout.toNanos();
        for (int i = 0; i < this.sources.size(); i++) {
            try {
                List<FlowItem> items = answers.get(i)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                more |= items.size() == limit;
                merged.addAll(items);
            }
            catch (Exception ex) {
                answers.get(i).cancel(true);
                unavailable.add(this.sources.get(i).name());
                log.debug("Flow source {} unavailable: {}", this.sources.get(i).name(), ex.toString());
            }
        }
        merged.sort(FlowPosition.NEWEST_FIRST);
        List<FlowItem> page = List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
        more |= merged.size() > limit;
        String next = (more && !page.isEmpty()) ? page.get(page.size() - 1).position().encode() : null;
        return new FlowPage(page, next, !unavailable.isEmpty(), unavailable);
    }

    private static FlowPosition position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return FlowPosition.decode(cursor);
        }
        catch (IllegalArgumentException ex) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_CURSOR, "Invalid cursor",
                    "The cursor is not one a flow page handed out.", Map.of());
        }
    }

    @PreDestroy
    void close() {
        this.calls.shutdownNow();
    }

}
