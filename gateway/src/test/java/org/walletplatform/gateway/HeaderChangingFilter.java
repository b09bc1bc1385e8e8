package org.walletplatform.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;

/**
 * Replaces {@value #TRIGGER} on the requests that carry it, as a route's filter might.
 */
@TestConfiguration(proxyBeanMethods = false)
class HeaderChangingFilter {

    static final String TRIGGER = "X-Test-Change-Me";

    @Bean
    GlobalFilter headerChangingFilter() {
        return (exchange,
                chain) -> (exchange.getRequest().getHeaders().containsHeader(TRIGGER)) ? chain.filter(exchange.mutate()
                    .request((request) -> request.headers((headers) -> headers.set(TRIGGER, "changed by a filter")))
                    .build()) : chain.filter(exchange);
    }

}
