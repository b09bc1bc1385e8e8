package org.walletplatform.presence;

import org.walletplatform.presence.internal.ShardedRoaringPresenceSet;

/**
 * Reads the binary form of a {@link PresenceSet}: magic {@code WPS1}, shard count, then
 * per shard its high 32 bits, byte length and a serialized 32-bit RoaringBitmap
 * ({@code runOptimize}d), then a CRC-32 of all that precedes. Bytes from storage may be
 * corrupt: the CRC, every length and every bitmap's {@code validate()} are checked, and
 * any failure is an {@link InvalidPresenceSetException}, never a wrong set.
 */
public final class PresenceSetFormat {

    private PresenceSetFormat() {
    }

    public static PresenceSet read(byte[] bytes) {
        return ShardedRoaringPresenceSet.read(bytes);
    }

    /** Bytes that are not a valid presence set. */
    public static class InvalidPresenceSetException extends RuntimeException {

        public InvalidPresenceSetException(String message) {
            super(message);
        }

        public InvalidPresenceSetException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
