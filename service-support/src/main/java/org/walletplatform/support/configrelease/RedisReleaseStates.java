package org.walletplatform.support.configrelease;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The released states in Redis, where the write service publishes them: one GET of the
 * revision per poll, a second for the state when it moved.
 */
public final class RedisReleaseStates implements ReleaseStateReader {

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    public RedisReleaseStates(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<ReleaseState> newerThan(String name, long revision) {
        String published = this.redis.opsForValue().get(ReleaseKeys.revision(name));
        if (published == null || Long.parseLong(published) <= revision) {
            return Optional.empty();
        }
        String state = this.redis.opsForValue().get(ReleaseKeys.state(name));
        return Optional.ofNullable(state).map((s) -> this.json.readValue(s, ReleaseState.class));
    }

}
