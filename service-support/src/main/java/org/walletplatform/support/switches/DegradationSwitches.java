package org.walletplatform.support.switches;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Runtime switches that turn an optional dependency off without a restart (the seed's 26
 * degradation switches), one mechanism for every service. A switch is on unless turned
 * off. The state lives in Redis (hash {@code platform:switches}), so turning a switch
 * flips it on every instance; each instance answers {@link #isOn} from memory, refreshed
 * every second, so checking a switch costs nothing on the request path and a Redis outage
 * keeps the last known state. Every change is audited (log and the Redis list
 * {@code platform:switches:audit}).
 */
public class DegradationSwitches {

    static final String KEY = "platform:switches";

    static final String AUDIT_KEY = "platform:switches:audit";

    private static final Logger log = LoggerFactory.getLogger(DegradationSwitches.class);

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    private final Set<String> declared;

    private volatile Map<String, SwitchState> states = Map.of();

    private final Map<String, List<Consumer<Boolean>>> followers = new ConcurrentHashMap<>();

    public DegradationSwitches(StringRedisTemplate redis, JsonMapper json, Clock clock, Set<String> declared) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.declared = Set.copyOf(declared);
    }

    /** Whether {@code name} is on (the default for a switch never turned off). */
    public boolean isOn(String name) {
        SwitchState state = this.states.get(name);
        return state == null || state.on();
    }

    /**
     * Has {@code follower} told the state of {@code name} now, after every refresh (each
     * second, on the refresher's own thread) and whenever it is set here: for what must
     * act on a switch rather than ask it, such as pausing a consumer.
     */
    public void follow(String name, Consumer<Boolean> follower) {
        this.followers.computeIfAbsent(name, (n) -> new CopyOnWriteArrayList<>()).add(follower);
        tell(name, follower);
    }

    private void tellFollowers() {
        this.followers.forEach((name, list) -> list.forEach((follower) -> tell(name, follower)));
    }

    private void tell(String name, Consumer<Boolean> follower) {
        try {
            follower.accept(isOn(name));
        }
        catch (RuntimeException ex) {
            log.warn("A follower of switch {} failed; it is told again at the next refresh: {}", name, ex.toString());
        }
    }

    /** Every switch this service declares or that has been set, with its state. */
    public Map<String, SwitchState> all() {
        Map<String, SwitchState> all = new TreeMap<>();
        this.declared.forEach((name) -> all.put(name, SwitchState.DEFAULT));
        all.putAll(this.states);
        return all;
    }

    /** Turns {@code name} on or off everywhere, and audits it. */
    public SwitchState set(String name, boolean on, String actor, String reason) {
        SwitchState state = new SwitchState(on, actor, reason, this.clock.instant());
        String value = this.json.writeValueAsString(state);
        this.redis.opsForHash().put(KEY, name, value);
        this.redis.opsForList()
            .leftPush(AUDIT_KEY, this.json.writeValueAsString(Map.of("switch", name, "state", state)));
        this.redis.opsForList().trim(AUDIT_KEY, 0, 999);
        log.warn("Switch {} turned {} by {}: {}", name, on ? "on" : "off", actor, reason);
        Map<String, SwitchState> next = new ConcurrentHashMap<>(this.states);
        next.put(name, state);
        this.states = next;
        tellFollowers();
        return state;
    }

    /** Reloads every switch from Redis; the last known state stays if Redis fails. */
    public void refresh() {
        try {
            Map<String, SwitchState> loaded = new ConcurrentHashMap<>();
            this.redis.opsForHash()
                .entries(KEY)
                .forEach((name, value) -> loaded.put(name.toString(),
                        this.json.readValue(value.toString(), SwitchState.class)));
            this.states = loaded;
        }
        catch (RuntimeException ex) {
            log.debug("Switches not refreshed, keeping the last known: {}", ex.toString());
        }
        tellFollowers();
    }

    /** A switch's state and who set it, when and why. */
    public record SwitchState(boolean on, String actor, String reason, Instant at) {

        static final SwitchState DEFAULT = new SwitchState(true, null, null, null);

    }

}
