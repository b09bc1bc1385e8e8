package org.walletplatform.gateway.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeFiltersTests {

    private final List<String> ran = new ArrayList<>();

    /** The exchange the last passing step handed on, and the one Spring's chain got. */
    private ServerWebExchange passedOn;

    private ServerWebExchange springGot;

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x"));

    @Test
    void stepsRunInTheirOrderThenSpringsChainWithTheExchangeTheLastPassedOn() {
        EdgeFilters filters = new EdgeFilters(List.of(passing("c", 30), passing("a", 10), passing("b", 20)));
        filters.filter(this.exchange, springsChain()).block();
        assertThat(this.ran).containsExactly("a", "b", "c", "spring");
        assertThat(this.springGot).isSameAs(this.passedOn).isNotSameAs(this.exchange);
    }

    @Test
    void aStepThatAnswersStopsTheChain() {
        EdgeFilter answering = step("answers", 20, (exchange, chain) -> Mono.empty());
        EdgeFilters filters = new EdgeFilters(List.of(passing("a", 10), answering, passing("c", 30)));
        filters.filter(this.exchange, springsChain()).block();
        assertThat(this.ran).containsExactly("a", "answers");
        assertThat(this.springGot).isNull();
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
            this.ran.add("spring");
            this.springGot = exchange;
            return Mono.empty();
        };
    }

    /** A step that passes on an exchange of its own. */
    private EdgeFilter passing(String name, int order) {
        return step(name, order, (exchange, chain) -> {
            this.passedOn = exchange.mutate().build();
            return chain.filter(this.passedOn);
        });
    }

    private EdgeFilter step(String name, int order, BiFunction<ServerWebExchange, WebFilterChain, Mono<Void>> body) {
        return new EdgeFilter() {

            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                EdgeFiltersTests.this.ran.add(name);
                return body.apply(exchange, chain);
            }

            @Override
            public int getOrder() {
                return order;
            }

        };
    }

}
