package org.walletplatform.gateway.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.gateway.auth.EdgeAuthentication;
import org.walletplatform.gateway.system.EdgeFilter;
import org.walletplatform.gateway.system.GatewayProblems;
import org.walletplatform.model.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Audits every admin request: who (the token's subject), what (method, path, query) and
 * when is appended to the Redis stream {@value #STREAM} before the request goes on, and
 * its outcome (the status) after. The audit fails closed: if the attempt cannot be
 * recorded, the action is not run (503). The stream keeps about the last {@value #KEPT}
 * entries; {@code GET /admin/audit} lists the newest.
 */
@Component
public class AdminAudit implements EdgeFilter {

    static final String STREAM = "wallet:audit";

    private static final long KEPT = 1_000_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveStringRedisTemplate redis;

    private final MeterRegistry meters;

    AdminAudit(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/admin/")) {
            return chain.filter(exchange);
        }
        JwtAuthenticationToken caller = EdgeAuthentication.callerOf(exchange);
        String actor = (caller != null) ? caller.getName() : "anonymous";
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("actor", actor);
        entry.put("method", exchange.getRequest().getMethod().name());
        entry.put("uri",
                exchange.getRequest().getURI().getRawPath() + ((exchange.getRequest().getURI().getRawQuery() != null)
                        ? "?" + exchange.getRequest().getURI().getRawQuery() : ""));
        entry.put("phase", "attempt");
        return append(entry).then(Mono.defer(() -> chain.filter(exchange)))
            .onErrorResume(AuditUnavailable.class,
                    (ex) -> GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                            ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                            "Admin actions are audited and the audit log cannot be written now; nothing was done."))
            .doFinally((signal) -> {
                Map<String, String> outcome = new LinkedHashMap<>(entry);
                outcome.put("phase", "outcome");
                outcome.put("status", String.valueOf((exchange.getResponse().getStatusCode() != null)
                        ? exchange.getResponse().getStatusCode().value() : 0));
                append(outcome).subscribe(null, (ex) -> this.meters.counter("gateway.audit.failures").increment());
            });
    }

    private Mono<Void> append(Map<String, String> entry) {
        MapRecord<String, String, String> record = StreamRecords.mapBacked(new LinkedHashMap<>(entry))
            .withStreamKey(STREAM);
        return this.redis.opsForStream()
            .add(record,
                    org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions.maxlen(KEPT)
                        .approximateTrimming(true))
            .timeout(TIMEOUT)
            .onErrorMap((ex) -> new AuditUnavailable(ex))
            .then();
    }

    /** The newest entries, newest first. */
    Mono<List<Map<String, String>>> newest(int count) {
        return this.redis.opsForStream()
            .reverseRange(STREAM, Range.unbounded(),
                    org.springframework.data.redis.connection.Limit.limit().count(count))
            .map((record) -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("id", record.getId().getValue());
                record.getValue().forEach((k, v) -> entry.put(String.valueOf(k), String.valueOf(v)));
                return entry;
            })
            .collectList();
    }

    @Override
    public int getOrder() {
        // after EdgeAuthentication (admins only get here) and the rate limits
        return -40;
    }

    static final class AuditUnavailable extends RuntimeException {

        AuditUnavailable(Throwable cause) {
            super(cause);
        }

    }

}
