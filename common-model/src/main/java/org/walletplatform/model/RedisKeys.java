package org.walletplatform.model;

/**
 * Redis keys read outside the module that writes them (the sync benchmark follows the
 * presence journal and checks cached wallets), defined once.
 */
public final class RedisKeys {

    /**
     * Prefix of a user's cached wallet hash (WalletCache); the version moves when the
     * hash's fields change meaning, so older hashes are ignored until they expire.
     */
    public static final String WALLET_PREFIX = "wallet:v3:";

    /** The presence journal, a Redis stream (PresenceJournal). */
    public static final String PRESENCE_JOURNAL = "wallet:presence:deltas";

    private RedisKeys() {
    }

}
