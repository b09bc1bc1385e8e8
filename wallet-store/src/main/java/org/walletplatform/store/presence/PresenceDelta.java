package org.walletplatform.store.presence;

/**
 * One entry of the presence journal: the membership, right after a database write, of
 * every user that write touched. It states where each user now stands rather than what
 * changed, so applying an entry twice, or entries a snapshot already holds, is harmless.
 *
 * @param id the entry's stream id, the position a follower resumes after
 * @param writtenAtMs when the database write began (the sync time stored with the rows)
 * @param present users who hold at least one asset after the write
 * @param absent users who hold none after the write
 */
public record PresenceDelta(String id, long writtenAtMs, long[] present, long[] absent) {

}
