package org.walletplatform.loadtest;

import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end clock's stop on a real Redis stream: the stamp of the newest journal
 * entry naming one of the round's users, counting only entries after the tail began.
 */
class JournalTailIT {

    private static RedisClient client;

    private static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(EndToEndRunIT.REDIS);
        redis = client.connect();
    }

    @AfterAll
    static void close() {
        redis.close();
        client.shutdown();
    }

    @Test
    void stopsAtTheNewestEntryNamingOneOfTheRoundsUsers() {
        append("101", "");
        JournalTail tail = JournalTail.fromHead(redis.sync(), 100, 10);
        assertThat(tail.readNew()).isZero();
        assertThat(tail.lastNamingMillis()).as("the entry before the tail began").isZero();

        append("5,99,110", "");
        long left = append("", "103");
        append("110,111", "");
        assertThat(tail.readNew()).isEqualTo(3);
        assertThat(tail.lastNamingMillis()).as("103 left holding nothing; 110 and 111 are not the round's")
            .isEqualTo(left);

        long joined = append("42,109", "");
        assertThat(tail.readNew()).isEqualTo(1);
        assertThat(tail.lastNamingMillis()).isEqualTo(joined);
        assertThat(tail.readNew()).isZero();
    }

    /** Appends an entry as the sync worker does; answers Redis's stamp on it. */
    private static long append(String in, String out) {
        String id = redis.sync().xadd(RedisKeys.PRESENCE_JOURNAL, Map.of("at", "0", "in", in, "out", out));
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

}
