package org.walletplatform.gateway.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size caps at the edge. A batch of 500 notifications is about 60 KB; the cap leaves room
 * and stops anything larger before it costs a service memory.
 *
 * @param maxBody the largest request body the gateway passes on
 * @param maxUri the longest request URI (path and query) it passes on
 */
@ConfigurationProperties("gateway.limits")
record LimitsProperties(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("8KB") DataSize maxUri) {
}
