package org.walletplatform.support.configrelease;

import java.util.Optional;

/**
 * Reads a configuration's released state from one store.
 */
@FunctionalInterface
public interface ReleaseStateReader {

    /**
     * The state if the store holds one newer than {@code revision}.
     * @throws RuntimeException when the store does not answer
     */
    Optional<ReleaseState> newerThan(String name, long revision);

}
