package org.walletplatform.gateway.routing;

import java.util.Set;
import java.util.function.BiFunction;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's header filters for proxied calls: {@link ProxiedHeaders} each way, in
 * place of Spring Cloud Gateway's defaults, whose bean definitions are removed before any
 * bean is made (it offers no switch for them). {@code GatewaySecurityIT} checks that no
 * other header filter is left but the caller assertion's.
 */
@Configuration(proxyBeanMethods = false)
class ProxiedHeadersConfiguration {

    /**
     * Spring Cloud Gateway's default header filters that {@link ProxiedHeaders} replaces.
     */
    static final Set<Class<?>> REPLACED = Set.of(RemoveForwardedHeadersFilter.class,
            RemoveXForwardedHeadersFilter.class, RemoveHopByHopHeadersFilter.class,
            TransferEncodingNormalizationHeadersFilter.class, GRPCRequestHeadersFilter.class,
            GRPCResponseHeadersFilter.class);

    @Bean
    static BeanFactoryPostProcessor withoutDefaultHeaderFilters() {
        return (beanFactory) -> {
            for (String name : beanFactory.getBeanNamesForType(HttpHeadersFilter.class, true, false)) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null && REPLACED.contains(type)) {
                    ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition(name);
                }
            }
        };
    }

    @Bean
    HttpHeadersFilter requestHeadersToServices() {
        return new OneWay(HttpHeadersFilter.Type.REQUEST,
                (input, exchange) -> ProxiedHeaders.toService(input, exchange.getRequest()));
    }

    @Bean
    HttpHeadersFilter responseHeadersToClients() {
        return new OneWay(HttpHeadersFilter.Type.RESPONSE, (input, exchange) -> ProxiedHeaders.toClient(input));
    }

    /** A header filter of one direction that runs before any other. */
    private record OneWay(Type type,
            BiFunction<HttpHeaders, ServerWebExchange, HttpHeaders> rule) implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return this.rule.apply(input, exchange);
        }

        @Override
        public boolean supports(Type type) {
            return this.type == type;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

    }

}
