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
    private static final String WALLET_PREFIX = "wallet:v4:";

    /**
     * The key of a user's cached wallet hash. A method, not a public constant: javac
     * copies constants into the classes that use them, and an incremental build of
     * another module would keep reading the old version's keys.
     */
    public static String wallet(long userId) {
        return WALLET_PREFIX + userId;
    }

    /** Matches every cached wallet's key, for a SCAN. */
    public static String walletPattern() {
        return WALLET_PREFIX + "*";
    }

    /**
     * The user a cached wallet's key names.
     * @throws NumberFormatException for a key that names none
     */
    public static long walletUser(String key) {
        return Long.parseLong(key.substring(WALLET_PREFIX.length()));
    }

    /** The presence journal, a Redis stream (PresenceJournal). */
    public static final String PRESENCE_JOURNAL = "wallet:presence:deltas";

    private RedisKeys() {
    }

}
