package org.walletplatform.store.reconcile;

import java.time.Instant;

/**
 * One reconciliation of the wallet cache against MySQL, as ops watch it.
 *
 * @param id the run's id
 * @param state {@code running}, {@code done} or {@code failed}
 * @param startedAt when it began
 * @param finishedAt when it ended; null while it runs
 * @param usersChecked users with rows in MySQL whose cached wallet was compared so far
 * @param keysChecked cached wallets checked for a user MySQL has no rows of
 * @param drifted cached wallets that differed from MySQL and were dropped
 * @param error why a failed run stopped
 */
public record ReconciliationRun(String id, String state, Instant startedAt, Instant finishedAt, long usersChecked,
        long keysChecked, long drifted, String error) {

    static final String RUNNING = "running";

    static final String DONE = "done";

    static final String FAILED = "failed";

    ReconciliationRun progressed(long users, long keys, long dropped) {
        return new ReconciliationRun(this.id, this.state, this.startedAt, null, this.usersChecked + users,
                this.keysChecked + keys, this.drifted + dropped, null);
    }

    ReconciliationRun ended(String endState, Instant at, String why) {
        return new ReconciliationRun(this.id, endState, this.startedAt, at, this.usersChecked, this.keysChecked,
                this.drifted, why);
    }

}
