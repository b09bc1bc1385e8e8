package org.walletplatform.read.home;

/**
 * Where the current display configuration comes from. Today a file (application config);
 * versioned releases in Redis with a fallback store implement the same interface later.
 */
public interface DisplayConfigSource {

    DisplayConfig current();

}
