package org.walletplatform.write.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.caller.Callers;
import org.walletplatform.support.configrelease.ReleaseState;
import org.walletplatform.support.configrelease.ReleaseState.Gray;
import org.walletplatform.support.configrelease.ReleaseState.Release;
import org.walletplatform.support.problem.ApiProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The release operations on a configuration. Each names the revision it was decided on:
 * made against another, it is refused (409 {@code config-revision-conflict}), unless it
 * is the very request that made the current revision, whose retry answers the current
 * state. Each change is committed to the MySQL mirror first, then published to Redis.
 */
@Service
class ConfigReleases {

    private final ReleaseMirror mirror;

    private final ReleasePublisher publisher;

    private final TransactionTemplate transactions;

    private final JsonMapper json;

    private final Clock clock;

    ConfigReleases(ReleaseMirror mirror, ReleasePublisher publisher, TransactionTemplate transactions, JsonMapper json,
            ObjectProvider<Clock> clock) {
        this.mirror = mirror;
        this.publisher = publisher;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ConfigView view(String name) {
        ReleaseState state = this.mirror.state(name).orElseGet(() -> new ReleaseState(name, 0, null, null));
        return new ConfigView(state, state.revision() == 0 || this.publisher.isPublished(state));
    }

    /**
     * A new version: to everyone, or to the whitelist's users only (gray) if it names
     * any.
     */
    ConfigView release(String name, long revision, JsonNode config, List<Long> whitelist, Object request) {
        return change(name, "release", revision, request, (state, now) -> {
            if (state.gray() != null) {
                throw conflict("Version " + state.gray().version()
                        + " is in gray release: promote or abort it before releasing another.");
            }
            long version = this.mirror.addVersion(name, config, now);
            if (whitelist.isEmpty()) {
                return new Transition("release", version, new Release(version, config, now), null);
            }
            return new Transition("gray-release", version, state.stable(),
                    new Gray(version, config, sorted(whitelist), now));
        });
    }

    ConfigView changeWhitelist(String name, long revision, List<Long> whitelist, Object request) {
        return change(name, "whitelist", revision, request, (state, now) -> {
            Gray gray = runningGray(state);
            return new Transition("whitelist", gray.version(), state.stable(),
                    new Gray(gray.version(), gray.config(), sorted(whitelist), gray.startedAt()));
        });
    }

    ConfigView promote(String name, long revision, Object request) {
        return change(name, "promote", revision, request, (state, now) -> {
            Gray gray = runningGray(state);
            return new Transition("promote", gray.version(), new Release(gray.version(), gray.config(), now), null);
        });
    }

    ConfigView abort(String name, long revision, Object request) {
        return change(name, "abort", revision, request, (state, now) -> {
            Gray gray = runningGray(state);
            return new Transition("abort", gray.version(), state.stable(), null);
        });
    }

    /**
     * Everyone back on an earlier version; a gray release must be promoted or aborted
     * first.
     */
    ConfigView rollback(String name, long revision, long version, Object request) {
        return change(name, "rollback", revision, request, (state, now) -> {
            if (state.gray() != null) {
                throw conflict("Version " + state.gray().version()
                        + " is in gray release: abort it (or promote it) before rolling back.");
            }
            if (state.stable() != null && state.stable().version() == version) {
                throw conflict("Version " + version + " is the one in force.");
            }
            JsonNode config = this.mirror.version(name, version).orElseThrow(() -> noSuchVersion(name, version));
            return new Transition("rollback", version, new Release(version, config, now), null);
        });
    }

    List<ConfigChange> changes(String name, long beforeRevision, int limit) {
        return this.mirror.changes(name, beforeRevision, limit);
    }

    JsonNode version(String name, long version) {
        return this.mirror.version(name, version).orElseThrow(() -> noSuchVersion(name, version));
    }

    private ConfigView change(String name, String operation, long revision, Object request,
            BiFunction<ReleaseState, Instant, Transition> transition) {
        String fingerprint = fingerprint(name, operation, request);
        Instant now = this.clock.instant();
        ReleaseState changed = this.transactions.execute((tx) -> {
            ReleaseMirror.Stored stored = this.mirror.lock(name, now);
            ReleaseState state = stored.state();
            if (state.revision() == revision + 1 && stored.lastChange().equals(fingerprint)) {
                return state; // the retry of the request that made this revision
            }
            if (state.revision() != revision) {
                throw new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFIG_REVISION_CONFLICT,
                        "Revision conflict", "Configuration '" + name + "' is at revision " + state.revision()
                                + ", not " + revision + ": read it again and decide anew.",
                        Map.of("revision", state.revision()));
            }
            Transition next = transition.apply(state, now);
            ReleaseState nextState = new ReleaseState(name, revision + 1, next.stable(), next.gray());
            this.mirror.save(nextState, fingerprint, new ConfigChange(revision + 1, next.action(), next.version(),
                    (next.gray() != null) ? next.gray().whitelist().size() : 0, Callers.actor(), now), now);
            return nextState;
        });
        return new ConfigView(changed, this.publisher.publish(changed));
    }

    private static Gray runningGray(ReleaseState state) {
        if (state.gray() == null) {
            throw conflict("No gray release runs.");
        }
        return state.gray();
    }

    private static ApiProblemException noSuchVersion(String name, long version) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such version",
                "Configuration '" + name + "' has no version " + version + ".");
    }

    private static ApiProblemException conflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFIG_RELEASE_CONFLICT, "Release conflict",
                detail);
    }

    private static List<Long> sorted(List<Long> users) {
        return users.stream().distinct().sorted().toList();
    }

    private String fingerprint(String name, String operation, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((name + ':' + operation + ':').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(this.json.writeValueAsBytes(request)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What a change makes of the state, and how the history names it. */
    private record Transition(String action, long version, Release stable, Gray gray) {
    }

}
