package org.walletplatform.loadtest;

import java.util.List;
import java.util.Map;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.walletplatform.model.RedisKeys;

/**
 * The presence journal ({@link RedisKeys#PRESENCE_JOURNAL}) as read so far by the
 * end-to-end run: its position, and when Redis stamped the newest entry that names one of
 * the round's users (the stamp is the millisecond part of the entry's id).
 */
final class JournalTail {

    private final RedisClusterCommands<String, String> redis;

    private final long firstUser;

    private final int users;

    private String position;

    private long lastNamingMillis;

    private JournalTail(RedisClusterCommands<String, String> redis, String after, long firstUser, int users) {
        this.redis = redis;
        this.position = after;
        this.firstUser = firstUser;
        this.users = users;
    }

    /**
     * A tail from the journal's newest entry, for the {@code users} users from
     * {@code firstUser}.
     */
    static JournalTail fromHead(RedisClusterCommands<String, String> redis, long firstUser, int users) {
        List<StreamMessage<String, String>> newest = redis.xrevrange(RedisKeys.PRESENCE_JOURNAL, Range.create("-", "+"),
                Limit.from(1));
        return new JournalTail(redis, newest.isEmpty() ? "0-0" : newest.get(0).getId(), firstUser, users);
    }

    /** Reads every entry appended since the last read; answers how many. */
    int readNew() {
        List<StreamMessage<String, String>> entries = this.redis.xread(XReadArgs.Builder.count(100_000),
                XReadArgs.StreamOffset.from(RedisKeys.PRESENCE_JOURNAL, this.position));
        for (StreamMessage<String, String> entry : entries) {
            this.position = entry.getId();
            if (namesOneOfTheUsers(entry.getBody())) {
                this.lastNamingMillis = Long.parseLong(entry.getId().substring(0, entry.getId().indexOf('-')));
            }
        }
        return entries.size();
    }

    int users() {
        return this.users;
    }

    long lastNamingMillis() {
        return this.lastNamingMillis;
    }

    private boolean namesOneOfTheUsers(Map<String, String> body) {
        for (String field : List.of("in", "out")) {
            for (String id : body.getOrDefault(field, "").split(",")) {
                long user = id.isEmpty() ? -1 : Long.parseLong(id) - this.firstUser;
                if (user >= 0 && user < this.users) {
                    return true;
                }
            }
        }
        return false;
    }

}
