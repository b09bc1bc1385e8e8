package org.walletplatform.support.configrelease;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A configuration as released by the write service, held in memory: a request asks for
 * its user's version without I/O ({@link #forUser}), and a poll takes newer releases from
 * Redis, or from the MySQL mirror while Redis does not answer. Before any release is
 * found it serves the built-in configuration (the service's application config), and
 * whatever fails it keeps serving the last one it took.
 *
 * @param <T> the configuration's type
 */
public final class ReleasedConfig<T> implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(ReleasedConfig.class);

    /** Gauge: the revision in force, tagged with the configuration's name. */
    public static final String REVISION_METRIC = "wallet.config.revision";

    /**
     * Gauge: 1 for where the configuration in force was read from ({@code source} tag), 0
     * for the others. {@code mirror} turns to {@code redis} once Redis answers with the
     * revision in force (or a later one).
     */
    public static final String SOURCE_METRIC = "wallet.config.source";

    /** Where the configuration in force came from. */
    public enum Source {

        BUILT_IN, REDIS, MIRROR

    }

    private final String name;

    private final Class<T> type;

    private final T builtIn;

    private final ReleaseStateReader redis;

    private final ReleaseStateReader mirror;

    private final JsonMapper json;

    private volatile Loaded<T> current;

    private volatile long refusedRevision;

    private ScheduledExecutorService poller;

    public ReleasedConfig(String name, Class<T> type, T builtIn, ReleaseStateReader redis, ReleaseStateReader mirror,
            JsonMapper json) {
        this.name = name;
        this.type = type;
        this.builtIn = builtIn;
        this.redis = redis;
        this.mirror = mirror;
        this.json = json;
        this.current = new Loaded<>(0, Source.BUILT_IN, new Versioned<>(0, builtIn), null, new long[0]);
    }

    /**
     * A configuration read the way every service reads one: Redis, then the MySQL mirror
     * of {@code properties}; its gauges registered and its polling started.
     */
    public static <T> ReleasedConfig<T> polling(String name, Class<T> type, T builtIn,
            ReleaseReaderProperties properties, StringRedisTemplate redis, JsonMapper json, MeterRegistry registry) {
        ReleaseReaderProperties.Mirror mirror = properties.mirror();
        return new ReleasedConfig<>(name, type, builtIn, new RedisReleaseStates(redis, json),
                new MirroredReleaseStates(
                        new DriverManagerDataSource(mirror.url(), mirror.username(), mirror.password()), json),
                json)
            .bindTo(registry)
            .start(properties.pollInterval());
    }

    /** The configuration this user sees: the gray one if the user is on its whitelist. */
    public T forUser(long userId) {
        return versionFor(userId).config();
    }

    /** The same with its version (0 for the built-in configuration). */
    public Versioned<T> versionFor(long userId) {
        Loaded<T> loaded = this.current;
        return (loaded.gray() != null && Arrays.binarySearch(loaded.whitelist(), userId) >= 0) ? loaded.gray()
                : loaded.stable();
    }

    public long revision() {
        return this.current.revision();
    }

    public Source source() {
        return this.current.source();
    }

    /**
     * Takes a newer released state if Redis holds one, or the mirror when Redis fails.
     * After the mirror, Redis's copy of the same revision is taken too, so the source
     * gauge says when Redis serves again. Never throws: a store that fails leaves the
     * configuration in force.
     */
    public void refresh() {
        long revision = this.current.revision();
        long knownToRedis = (this.current.source() == Source.MIRROR) ? revision - 1 : revision;
        try {
            this.redis.newerThan(this.name, knownToRedis).ifPresent((state) -> take(state, Source.REDIS));
        }
        catch (RuntimeException redisFailed) {
            try {
                this.mirror.newerThan(this.name, revision).ifPresent((state) -> take(state, Source.MIRROR));
            }
            catch (RuntimeException mirrorFailed) {
                logger.debug("Neither Redis nor the mirror answered for configuration '" + this.name + "'",
                        mirrorFailed);
            }
        }
    }

    private void take(ReleaseState state, Source source) {
        try {
            this.current = new Loaded<>(state.revision(), source,
                    (state.stable() != null) ? versioned(state.stable().version(), state.stable().config())
                            : new Versioned<>(0, this.builtIn),
                    (state.gray() != null) ? versioned(state.gray().version(), state.gray().config()) : null,
                    (state.gray() != null)
                            ? state.gray().whitelist().stream().mapToLong(Long::longValue).sorted().toArray()
                            : new long[0]);
        }
        catch (JacksonException ex) {
            // a release this reader cannot take (an older build of it): keep the one in
            // force, and say so once
            if (this.refusedRevision != state.revision()) {
                this.refusedRevision = state.revision();
                logger.warn("Configuration '" + this.name + "' revision " + state.revision()
                        + " does not fit this service; keeping revision " + this.current.revision(), ex);
            }
        }
    }

    private Versioned<T> versioned(long version, JsonNode config) {
        return new Versioned<>(version, this.json.treeToValue(config, this.type));
    }

    /** Registers this configuration's gauges. */
    public ReleasedConfig<T> bindTo(MeterRegistry registry) {
        Gauge.builder(REVISION_METRIC, this, ReleasedConfig::revision).tag("config", this.name).register(registry);
        for (Source source : Source.values()) {
            Gauge.builder(SOURCE_METRIC, this, (c) -> (c.source() == source) ? 1 : 0)
                .tag("config", this.name)
                .tag("source", source.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry);
        }
        return this;
    }

    /**
     * Takes the released state now, so the first request sees it, then polls every
     * {@code interval} on a thread of its own.
     */
    public synchronized ReleasedConfig<T> start(Duration interval) {
        if (this.poller == null) {
            refresh();
            this.poller = Executors
                .newSingleThreadScheduledExecutor(Thread.ofVirtual().name("config-" + this.name).factory());
            this.poller.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (this.poller != null) {
            this.poller.shutdownNow();
        }
    }

    /** A configuration with the version it was released as. */
    public record Versioned<T>(long version, T config) {
    }

    private record Loaded<T>(long revision, Source source, Versioned<T> stable, Versioned<T> gray, long[] whitelist) {
    }

}
