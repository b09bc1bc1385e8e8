package org.walletplatform.gateway.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeFiltersTests {

    private final List<String> ran = new ArrayList<>();

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x"));

    @Test
    void stepsRunInTheirOrderThenSpringsChainWithTheExchangeTheLastPassedOn() {
        EdgeFilters filters = new EdgeFilters(List.of(passing("c", 30), passing("a", 10), passing("b", 20)));
        filters.filter(this.exchange, springsChain()).block();
        assertThat(this.ran).containsExactly("a", "b", "c", "spring saw a,b,c");
    }

    @Test
    void aStepThatAnswersStopsTheChain() {
        EdgeFilter answering = step("answers", 20, (exchange, chain) -> Mono.empty());
        EdgeFilters filters = new EdgeFilters(List.of(passing("a", 10), answering, passing("c", 30)));
        filters.filter(this.exchange, springsChain()).block();
        assertThat(this.ran).containsExactly("a", "answers");
    }

    @Test
    void aStepThatThrowsIsAnErrorTheStepsBeforeCanHandle() {
        EdgeFilter handling = step("handles", 10,
                (exchange, chain) -> chain.filter(exchange).onErrorResume(IllegalStateException.class, (ex) -> {
                    this.ran.add("handled " + ex.getMessage());
                    return Mono.empty();
                }));
        EdgeFilter throwing = step("throws", 20, (exchange, chain) -> {
            throw new IllegalStateException("boom");
        });
        new EdgeFilters(List.of(throwing, handling, passing("c", 30))).filter(this.exchange, springsChain()).block();
        assertThat(this.ran).containsExactly("handles", "throws", "handled boom");
    }

    private WebFilterChain springsChain() {
        return (exchange) -> {
            this.ran.add("spring saw " + exchange.getAttribute("seen"));
            return Mono.empty();
        };
    }

    /** A step that records its name on the exchange it passes on. */
    private EdgeFilter passing(String name, int order) {
        return step(name, order, (exchange, chain) -> {
            String seen = exchange.getAttribute("seen");
            ServerWebExchange next = exchange.mutate().build();
            next.getAttributes().put("seen", (seen != null) ? seen + "," + name : name);
            return chain.filter(next);
        });
    }

    private EdgeFilter step(String name, int order, Body body) {
        return new EdgeFilter() {

            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                EdgeFiltersTests.this.ran.add(name);
                return body.filter(exchange, chain);
            }

            @Override
            public int getOrder() {
                return order;
            }

        };
    }

    private interface Body {

        Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain);

    }

}
