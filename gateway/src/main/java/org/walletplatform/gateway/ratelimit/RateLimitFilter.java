package org.walletplatform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.gateway.auth.EdgeAuthentication;
import org.walletplatform.gateway.ratelimit.WindowCounter.Limit;
import org.walletplatform.gateway.system.EdgeFilter;
import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies {@link RateLimitProperties} over sliding windows ({@link SlidingWindow}): past
 * the limit a request is answered 429 problem+json with {@code Retry-After} (seconds
 * until a request would pass). An exact policy counts the request in Redis first; when
 * Redis cannot count in time, a fail-open policy lets the request through and a
 * fail-closed one answers 503 with {@code Retry-After: 1} (both counted in
 * {@code gateway.ratelimit.redis.failures}). A batched policy is judged at once by
 * {@link BatchedWindowCounter}. Runs after authentication, so per-user limits count the
 * token's subject.
 */
@Component
class RateLimitFilter implements EdgeFilter {

    private static final Pattern LINE_ID = Pattern.compile("[a-z0-9-]{1,32}");

    private final RateLimitProperties properties;

    private final WindowCounter counter;

    private final BatchedWindowCounter batched;

    private final MeterRegistry meters;

    private final Clock clock = Clock.systemUTC();

    private final List<Matcher> matchers = new ArrayList<>();

    /** What an exact count answers when Redis did not count in time (never a wait). */
    private static final long REDIS_FAILED = -1;

    RateLimitFilter(RateLimitProperties properties, WindowCounter counter, BatchedWindowCounter batched,
            MeterRegistry meters) {
        this.properties = properties;
        this.counter = counter;
        this.batched = batched;
        this.meters = meters;
        for (RateLimitProperties.Policy policy : properties.policies()) {
            this.matchers
                .add(new Matcher(policy, policy.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        new SlidingWindow(policy.window().toMillis())));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Matcher> matched = this.properties.enabled() ? matcherOf(exchange) : Optional.empty();
        if (matched.isEmpty()) {
            return chain.filter(exchange);
        }
        RateLimitProperties.Policy p = matched.get().policy();
        SlidingWindow window = matched.get().window();
        long now = this.clock.millis();
        List<Limit> limits = limitsOf(p, callerOf(exchange, p));
        if (p.counting() == RateLimitProperties.Counting.BATCHED) {
            long wait = this.batched.admit(p.name(), window, limits, now);
            return (wait == 0) ? chain.filter(exchange) : refuse(exchange, p, wait);
        }
        return this.counter.admit(window, limits, now).timeout(this.properties.redisTimeout()).onErrorResume((ex) -> {
            this.meters.counter("gateway.ratelimit.redis.failures", "policy", p.name()).increment();
            return Mono.just((p.whenRedisFails() == RateLimitProperties.FailPolicy.OPEN) ? 0L : REDIS_FAILED);
        }).flatMap((wait) -> {
            if (wait == 0) {
                return chain.filter(exchange);
            }
            if (wait != REDIS_FAILED) {
                return refuse(exchange, p, wait);
            }
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "This route moves money and its rate limit cannot be checked now; retry shortly.");
        });
    }

    /**
     * The caller's counter and, with a route limit, the route's. A counter's key carries
     * its window's index after the braces: the hash tag keeps a counter's two windows in
     * one Redis Cluster slot, so an exact policy without a route limit counts in one
     * slot, as it did with one fixed window. (The route's counters are in another slot:
     * on a Cluster the counters judge them in a call of their own.)
     */
    static List<Limit> limitsOf(RateLimitProperties.Policy p, String caller) {
        List<Limit> limits = new ArrayList<>(2);
        limits.add(new Limit("rl:{" + p.name() + ":" + caller + "}", p.limit()));
        if (p.routeLimit() > 0) {
            limits.add(new Limit("rl:{" + p.name() + ":*}", p.routeLimit()));
        }
        return limits;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimitProperties.Policy p, long waitMillis) {
        long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
        this.meters.counter("gateway.ratelimit.refused", "policy", p.name()).increment();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many requests", "At most " + p.limit() + " requests in any " + p.window().toSeconds()
                        + " s on this route; retry after " + retryAfter + " s.");
    }

    private Optional<Matcher> matcherOf(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String method = exchange.getRequest().getMethod().name();
        for (Matcher matcher : this.matchers) {
            RateLimitProperties.Policy policy = matcher.policy();
            if ((policy.methods().isEmpty() || policy.methods().contains(method))
                    && matcher.patterns().stream().anyMatch((pattern) -> pattern.matches(path))) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    private static String callerOf(ServerWebExchange exchange, RateLimitProperties.Policy policy) {
        return switch (policy.key()) {
            case USER -> {
                JwtAuthenticationToken caller = EdgeAuthentication.callerOf(exchange);
                yield (caller != null) ? "user:" + caller.getName() : addressOf(exchange);
            }
            case LINE -> {
                String line = exchange.getRequest().getHeaders().getFirst("X-Wallet-Line");
                yield (line != null && LINE_ID.matcher(line).matches()) ? "line:" + line : addressOf(exchange);
            }
            case ADDRESS -> addressOf(exchange);
        };
    }

    private static String addressOf(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getRemoteAddress())
            .map(InetSocketAddress::getAddress)
            .map((a) -> "ip:" + a.getHostAddress())
            .orElse("ip:unknown");
    }

    @Override
    public int getOrder() {
        // after the caller is known (EdgeAuthentication, -90), before routing
        return -50;
    }

    private record Matcher(RateLimitProperties.Policy policy, List<PathPattern> patterns, SlidingWindow window) {
    }

}
