package org.walletplatform.store.presence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.walletplatform.model.RedisKeys;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The presence deltas, as a Redis stream ({@code wallet:presence:deltas}): the sync
 * worker appends one entry per stored batch, every read instance follows the stream from
 * the position its snapshot was taken at. Trimmed approximately to
 * {@code journalMaxLength}; a follower that falls further behind reloads the snapshot.
 */
@Component
public class PresenceJournal {

    static final String KEY = RedisKeys.PRESENCE_JOURNAL;

    /** The position before the first entry. */
    public static final String START = "0-0";

    private final StringRedisTemplate redis;

    private final PresenceProperties properties;

    public PresenceJournal(StringRedisTemplate redis, PresenceProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /**
     * Appends where each of {@code users} stands after a write begun at
     * {@code writtenAt}: in {@code present}, or holding nothing.
     */
    public void append(Collection<Long> users, Set<Long> present, Instant writtenAt) {
        Map<Boolean, List<Long>> split = users.stream().collect(Collectors.partitioningBy(present::contains));
        this.redis.opsForStream()
            .add(StreamRecords.string(Map.of("at", Long.toString(writtenAt.toEpochMilli()), "in", join(split.get(true)),
                    "out", join(split.get(false))))
                .withStreamKey(KEY), XAddOptions.maxlen(this.properties.journalMaxLength()).approximateTrimming(true));
    }

    /** Up to {@code count} entries after position {@code after}, oldest first. */
    public List<PresenceDelta> readAfter(String after, int count) {
        List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
            .read(StreamReadOptions.empty().count(count), StreamOffset.create(KEY, ReadOffset.from(after)));
        if (records == null) {
            return List.of();
        }
        return records.stream()
            .map((r) -> new PresenceDelta(r.getId().getValue(), Long.parseLong(r.getValue().get("at").toString()),
                    split(r.getValue().get("in")), split(r.getValue().get("out"))))
            .toList();
    }

    /** The position of the newest entry: a snapshot taken after this includes it. */
    public String head() {
        List<MapRecord<String, Object, Object>> newest = this.redis.opsForStream()
            .reverseRange(KEY, Range.unbounded(), Limit.limit().count(1));
        return (newest == null || newest.isEmpty()) ? START : newest.get(0).getId().getValue();
    }

    /**
     * Whether every entry after {@code position} is still held. Trimming drops the oldest
     * entries first and entries are never deleted otherwise, so they are if the entry at
     * {@code position} itself is still there; before the first entry they always are
     * (assumed: more than {@code journalMaxLength} entries never pass between two
     * snapshots).
     */
    public boolean holdsEverythingAfter(String position) {
        if (START.equals(position)) {
            return true;
        }
        List<MapRecord<String, Object, Object>> at = this.redis.opsForStream()
            .range(KEY, Range.closed(position, position), Limit.limit().count(1));
        return at != null && !at.isEmpty();
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static long[] split(Object field) {
        String text = (field != null) ? field.toString() : "";
        return text.isEmpty() ? new long[0] : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

}
