package org.walletplatform.model;

/**
 * Kafka topic and header names, defined once for every producer and consumer.
 */
public final class Topics {

    /**
     * Asset change notifications from business lines, keyed by user id so one user's
     * changes stay in order.
     */
    public static final String NOTIFICATIONS = "wallet.notifications";

    /**
     * Notifications the sync worker gave up on: poison payloads and pulls that failed
     * after their retries.
     */
    public static final String NOTIFICATIONS_DLT = "wallet.notifications.dlt";

    /**
     * Issued cash red packets waiting to be settled into the ledger, keyed by actID so
     * one account's packets are settled in order by one consumer.
     */
    public static final String REDPACKET_SETTLEMENTS = "order.redpacket.settlements";

    /** Header on a dead-lettered record naming why it was dead-lettered. */
    public static final String HEADER_DLT_REASON = "wallet-dlt-reason";

    /** Header on a dead-lettered record with a human-readable detail. */
    public static final String HEADER_DLT_DETAIL = "wallet-dlt-detail";

    /**
     * Header on a dead-lettered record naming where it was consumed:
     * {@code topic-partition@offset}.
     */
    public static final String HEADER_DLT_ORIGIN = "wallet-dlt-origin";

    private Topics() {
    }

}
