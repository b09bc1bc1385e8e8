package org.walletplatform.gateway.system;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * One step of the gateway's own handling of a request (firewall, size caps, token, rate
 * limit, audit, security headers, timing), run in {@link #getOrder() order} by
 * {@link EdgeFilters} as a single web filter. A step has a web filter's contract: pass
 * the exchange on with {@code chain.filter}, or answer and stop. One difference: the next
 * step runs when {@code chain.filter} is called, not when its answer is subscribed to, so
 * a step that must first wait for something calls it inside {@code defer} or
 * {@code flatMap} (as {@code AdminAudit} and the Redis-counted rate limits do).
 */
public interface EdgeFilter extends Ordered {

    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);

}
