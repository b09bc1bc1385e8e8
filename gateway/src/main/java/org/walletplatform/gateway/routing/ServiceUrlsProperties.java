package org.walletplatform.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway finds each service.
 */
@ConfigurationProperties("gateway.services")
record ServiceUrlsProperties(@DefaultValue("http://127.0.0.1:8081") URI walletRead,
        @DefaultValue("http://127.0.0.1:8082") URI walletWrite, @DefaultValue("http://127.0.0.1:8083") URI syncWorker,
        @DefaultValue("http://127.0.0.1:8084") URI assetOrder) {
}
