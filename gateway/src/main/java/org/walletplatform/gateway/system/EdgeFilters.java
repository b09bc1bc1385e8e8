package org.walletplatform.gateway.system;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs every {@link EdgeFilter} in order as one web filter. Spring's web filter chain
 * wraps each filter it calls in two reactive layers (a deferral and a checkpoint), and
 * the proxied call's every context lookup walks through all of them: seven filters of
 * ours were fourteen layers, two here (BENCHMARKS.md, "Gateway overhead"). The steps run
 * when this filter runs, one after the other, each passing the exchange on as it would in
 * Spring's chain; after the last comes the rest of Spring's chain (routing).
 */
@Component
class EdgeFilters implements WebFilter, Ordered {

    private final List<EdgeFilter> steps;

    EdgeFilters(List<EdgeFilter> steps) {
        this.steps = steps.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return new Step(0, chain).filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * The chain as the step at {@code index} sees it: the steps after it, then Spring's.
     */
    private final class Step implements WebFilterChain {

        private final int index;

        private final WebFilterChain rest;

        Step(int index, WebFilterChain rest) {
            this.index = index;
            this.rest = rest;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            if (this.index == EdgeFilters.this.steps.size()) {
                return this.rest.filter(exchange);
            }
            try {
                return EdgeFilters.this.steps.get(this.index).filter(exchange, new Step(this.index + 1, this.rest));
            }
            catch (RuntimeException ex) {
                // as in Spring's chain: an error of the steps before to handle, not a
                // throw
                return Mono.error(ex);
            }
        }

    }

}
