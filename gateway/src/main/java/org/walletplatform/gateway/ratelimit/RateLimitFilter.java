package org.walletplatform.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies {@link RateLimitProperties}: past the limit a request is answered 429
 * problem+json with {@code Retry-After} (seconds to the next window). When Redis cannot
 * count in time, a fail-open policy lets the request through and a fail-closed one
 * answers 503 with {@code Retry-After: 1}; both are counted in
 * {@code gateway.ratelimit.redis.failures}. Runs after authentication, so per-user limits
 * count the token's subject.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private static final Pattern LINE_ID = Pattern.compile("[a-z0-9-]{1,32}");

    private final RateLimitProperties properties;

    private final WindowCounter counter;

    private final MeterRegistry meters;

    private final Clock clock = Clock.systemUTC();

    private final List<Matcher> matchers = new ArrayList<>();

    RateLimitFilter(RateLimitProperties properties, WindowCounter counter, MeterRegistry meters) {
        this.properties = properties;
        this.counter = counter;
        this.meters = meters;
        for (RateLimitProperties.Policy policy : properties.policies()) {
            this.matchers.add(new Matcher(policy,
                    policy.paths().stream().map(PathPatternParser.defaultInstance::parse).toList()));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<RateLimitProperties.Policy> policy = this.properties.enabled() ? policyOf(exchange) : Optional.empty();
        if (policy.isEmpty()) {
            return chain.filter(exchange);
        }
        RateLimitProperties.Policy p = policy.get();
        long windowMillis = p.window().toMillis();
        long now = this.clock.millis();
        long window = now / windowMillis;
        long retryAfter = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
        return callerOf(exchange, p).flatMap((caller) -> {
            List<String> keys = new ArrayList<>(List.of("rl:" + p.name() + ":" + caller + ":" + window));
            if (p.routeLimit() > 0) {
                keys.add("rl:" + p.name() + ":*:" + window);
            }
            return this.counter.increment(keys, windowMillis)
                .timeout(this.properties.redisTimeout())
                .map((counts) -> counts.get(0) <= p.limit() && (p.routeLimit() <= 0 || counts.get(1) <= p.routeLimit()))
                .map(Verdict::of)
                .onErrorResume((ex) -> {
                    this.meters.counter("gateway.ratelimit.redis.failures", "policy", p.name()).increment();
                    return Mono.just((p.whenRedisFails() == RateLimitProperties.FailPolicy.OPEN) ? Verdict.PASS
                            : Verdict.UNAVAILABLE);
                });
        }).flatMap((verdict) -> switch (verdict) {
            case PASS -> chain.filter(exchange);
            case LIMITED -> {
                this.meters.counter("gateway.ratelimit.refused", "policy", p.name()).increment();
                exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
                yield GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                        "Too many requests", "At most " + p.limit() + " requests per " + p.window().toSeconds()
                                + " s on this route; retry after " + retryAfter + " s.");
            }
            case UNAVAILABLE -> {
                exchange.getResponse().getHeaders().set("Retry-After", "1");
                yield GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "This route moves money and its rate limit cannot be checked now; retry shortly.");
            }
        });
    }

    private Optional<RateLimitProperties.Policy> policyOf(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String method = exchange.getRequest().getMethod().name();
        return this.matchers.stream()
            .filter((m) -> m.policy().methods().isEmpty() || m.policy().methods().contains(method))
            .filter((m) -> m.patterns().stream().anyMatch((pattern) -> pattern.matches(path)))
            .map(Matcher::policy)
            .findFirst();
    }

    private Mono<String> callerOf(ServerWebExchange exchange, RateLimitProperties.Policy policy) {
        String address = Optional.ofNullable(exchange.getRequest().getRemoteAddress())
            .map(InetSocketAddress::getAddress)
            .map((a) -> "ip:" + a.getHostAddress())
            .orElse("ip:unknown");
        return switch (policy.key()) {
            case USER -> exchange.getPrincipal().map((p) -> "user:" + p.getName()).defaultIfEmpty(address);
            case LINE -> {
                String line = exchange.getRequest().getHeaders().getFirst("X-Wallet-Line");
                yield Mono.just((line != null && LINE_ID.matcher(line).matches()) ? "line:" + line : address);
            }
            case ADDRESS -> Mono.just(address);
        };
    }

    @Override
    public int getOrder() {
        // after the caller is known (EdgeAuthentication, -90), before routing
        return -50;
    }

    private record Matcher(RateLimitProperties.Policy policy, List<PathPattern> patterns) {
    }

    private enum Verdict {

        PASS, LIMITED, UNAVAILABLE;

        static Verdict of(boolean within) {
            return within ? PASS : LIMITED;
        }

    }

}
