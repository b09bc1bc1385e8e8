package org.walletplatform.simulator.push;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of one change run, as {@code GET /sim/changes/{id}} shows it.
 */
public final class ChangeRun {

    private final long id;

    private final long total;

    private final AtomicLong pushed = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private volatile boolean done;

    ChangeRun(long id, long total) {
        this.id = id;
        this.total = total;
    }

    public long getId() {
        return this.id;
    }

    public long getTotal() {
        return this.total;
    }

    public long getPushed() {
        return this.pushed.get();
    }

    public long getFailed() {
        return this.failed.get();
    }

    public boolean isDone() {
        return this.done;
    }

    void pushed(int count) {
        this.pushed.addAndGet(count);
    }

    void failed(int count) {
        this.failed.addAndGet(count);
    }

    void finish() {
        this.done = true;
    }

}
