package org.walletplatform.support.redis;

import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real Redis: a pipeline reaches Redis in a few large writes, not one write per
 * command, which Redis's own count of socket reads shows.
 */
class PipelineFlushingIT {

    private static final int COMMANDS = 2_000;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withPropertyValues("spring.data.redis.database=1");

    @Test
    void shouldSendAPipelineInAFewWritesWithTheFlushingConfigured() {
        this.contexts
            .withConfiguration(
                    AutoConfigurations.of(DataRedisAutoConfiguration.class, PipelineFlushingConfiguration.class))
            .run((context) -> assertThat(readsByRedis(context.getBean(StringRedisTemplate.class)))
                .as("Redis reads for %d pipelined commands", COMMANDS)
                .isLessThan(100));
    }

    @Test
    void shouldSeeOneWriteByCommandWithoutIt() {
        // the control: without the configuration the same count sees Redis read each
        // command apart (or nearly), so the test above measures the flushing
        this.contexts.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .run((context) -> assertThat(readsByRedis(context.getBean(StringRedisTemplate.class))).isGreaterThan(200));
    }

    /** Socket reads Redis made while one pipeline of {@link #COMMANDS} ran. */
    private static long readsByRedis(StringRedisTemplate redis) {
        String key = "pipeline-flushing-it";
        redis.delete(key);
        long before = reads(redis);
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) (connection) -> {
            IntStream.range(0, COMMANDS)
                .forEach((i) -> connection.hashCommands().hSet(key.getBytes(), ("f" + i).getBytes(), "1".getBytes()));
            return null;
        });
        long after = reads(redis);
        assertThat(answers).hasSize(COMMANDS).containsOnly(true);
        assertThat(redis.opsForHash().size(key)).isEqualTo(COMMANDS);
        redis.delete(key);
        return after - before;
    }

    private static long reads(StringRedisTemplate redis) {
        Properties stats = redis.execute((RedisCallback<Properties>) (c) -> c.serverCommands().info("stats"));
        return Long.parseLong(stats.getProperty("total_reads_processed"));
    }

}
