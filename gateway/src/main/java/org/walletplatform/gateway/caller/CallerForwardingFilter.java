package org.walletplatform.gateway.caller;

import java.net.URI;
import java.time.Clock;

import org.walletplatform.gateway.auth.EdgeAuthentication;
import org.walletplatform.gateway.auth.RolesConverter;
import org.walletplatform.model.caller.Caller;
import org.walletplatform.model.caller.CallerAssertion;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who the request acts for: for a request with a verified token, adds a
 * {@link CallerAssertion} signed for the exact method and path the service will see
 * (after any rewrite). Caller headers sent from outside (a service must never trust
 * those) and the bearer token (no service needs it) never get this far: the gateway's
 * first header filter drops them ({@code routing/ProxiedHeaders}). A filter of the
 * headers the proxy sends, run last of them, when the path is final: it edits the copy
 * that first filter made instead of copying the request once more.
 */
@Component
class CallerForwardingFilter implements HttpHeadersFilter, Ordered {

    private final CallerProperties properties;

    private final Clock clock = Clock.systemUTC();

    CallerForwardingFilter(CallerProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        // the first header filter hands on a fresh copy; copy only if not
        HttpHeaders headers = (HttpHeaders.readOnlyHttpHeaders(input) == input) ? HttpHeaders.copyOf(input) : input;
        Authentication caller = EdgeAuthentication.callerOf(exchange);
        if (caller != null) {
            URI target = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                    exchange.getRequest().getURI());
            String assertion = CallerAssertion.assertion(new Caller(caller.getName(), RolesConverter.isAdmin(caller)),
                    this.clock.instant());
            headers.set(CallerAssertion.HEADER, assertion);
            headers.set(CallerAssertion.SIGNATURE, CallerAssertion.sign(this.properties.secrets().get(0),
                    exchange.getRequest().getMethod().name(), target.getRawPath(), assertion));
        }
        return headers;
    }

    @Override
    public int getOrder() {
        // last, when the path is final
        return Ordered.LOWEST_PRECEDENCE;
    }

}
