package org.walletplatform.write.config;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes release states to Redis, where the services read them. A state replaces the
 * one there only if its revision is higher, so a late or repeated publish never undoes a
 * newer change. The mirror's states are published again every few seconds: a change made
 * while Redis was down, or lost by a Redis that restarted empty, reaches it that way.
 */
@Component
class ReleasePublisher {

    private static final Log logger = LogFactory.getLog(ReleasePublisher.class);

    // KEYS: revision, state; ARGV: revision, state JSON. Returns the revision Redis holds
    // afterwards.
    private static final RedisScript<Long> PUBLISH = RedisScript.of("""
            local held = tonumber(redis.call('GET', KEYS[1]) or '-1')
            local revision = tonumber(ARGV[1])
            if revision <= held then return held end
            redis.call('SET', KEYS[2], ARGV[2])
            redis.call('SET', KEYS[1], ARGV[1])
            return revision
            """, Long.class);

    private final StringRedisTemplate redis;

    private final ReleaseMirror mirror;

    private final JsonMapper json;

    ReleasePublisher(StringRedisTemplate redis, ReleaseMirror mirror, JsonMapper json) {
        this.redis = redis;
        this.mirror = mirror;
        this.json = json;
    }

    /**
     * Whether Redis holds this revision now. Redis ahead of it means the MySQL record
     * went back (restored from a backup): the services keep the newer state Redis holds
     * until the record's revision passes it, which the answer's {@code published: false}
     * and a warning show.
     */
    boolean publish(ReleaseState state) {
        try {
            Long held = this.redis.execute(PUBLISH,
                    List.of(ReleaseKeys.revision(state.name()), ReleaseKeys.state(state.name())),
                    Long.toString(state.revision()), this.json.writeValueAsString(state));
            if (held != null && held > state.revision()) {
                logger.warn("Redis holds configuration '" + state.name() + "' at revision " + held
                        + ", ahead of MySQL's " + state.revision() + ": was MySQL restored?");
            }
            return held != null && held == state.revision();
        }
        catch (RuntimeException ex) {
            logger.warn("Could not publish configuration '" + state.name() + "' revision " + state.revision()
                    + " to Redis; it is published again within seconds: " + ex);
            return false;
        }
    }

    /** Whether Redis holds this revision. */
    boolean isPublished(ReleaseState state) {
        try {
            return held(state.name()) == state.revision();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    /**
     * Compares revisions first (two small reads), and reads and sends the state, up to a
     * few hundred KB with a large whitelist, only to a Redis that does not hold the one
     * in MySQL.
     */
    @Scheduled(fixedDelayString = "${wallet.config-releases.republish-every:5s}")
    void republish() {
        for (String name : ReleaseKeys.NAMES) {
            try {
                long stored = this.mirror.revision(name);
                if (stored > 0 && held(name) != stored) {
                    this.mirror.state(name).ifPresent(this::publish);
                }
            }
            catch (RuntimeException ex) {
                logger.debug("Could not compare configuration '" + name + "' in MySQL and Redis", ex);
            }
        }
    }

    /** The revision Redis holds, -1 for none. */
    private long held(String name) {
        String held = this.redis.opsForValue().get(ReleaseKeys.revision(name));
        return (held != null) ? Long.parseLong(held) : -1;
    }

}
