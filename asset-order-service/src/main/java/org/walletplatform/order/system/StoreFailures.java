package org.walletplatform.order.system;

import java.sql.SQLTransientConnectionException;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failed write that cannot have reached the store from one whose outcome is
 * unknown, for code that must undo a step taken before it (a budget amount).
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * No connection to the store at all: nothing was written. Any other failure (a
     * timeout above all) may have written it.
     */
    public static boolean nothingWritten(RuntimeException ex) {
        return ex instanceof CannotGetJdbcConnectionException || ex instanceof CannotCreateTransactionException
                || ex instanceof RedisConnectionFailureException
                // HikariCP had no connection to give, behind a statement
                || ex.getCause() instanceof SQLTransientConnectionException;
    }

}
