package org.walletplatform.order.flow;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallet flow page.
 *
 * @param c2cUrl base URL of the C2C red-packet service (C2cFlowContract)
 * @param c2cTimeout how long a page waits for it before answering without it (partial)
 * @param pageTimeout how long a page waits for any source before answering without it
 * (partial)
 */
@ConfigurationProperties("order.flow")
record FlowProperties(@DefaultValue("http://127.0.0.1:8090/c2c") URI c2cUrl, @DefaultValue("800ms") Duration c2cTimeout,
        @DefaultValue("2s") Duration pageTimeout) {

}
