package org.walletplatform.order.delivery;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.support.switches.SwitchesConfiguration.SwitchDeclaration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every reward downstream is optional to issuance: each has a degradation switch
 * ({@code delivery.coupon}, ...). Switched off, its orders are still issued and wait,
 * accepted, until it is switched on again; the janitor then delivers them.
 */
@Configuration(proxyBeanMethods = false)
class DeliverySwitches {

    @Bean
    SwitchDeclaration deliverySwitchDeclaration() {
        Set<String> names = Arrays.stream(AwardType.values())
            .filter((t) -> t != AwardType.CASH)
            .map((t) -> RewardDelivery.switchOf(t.code()))
            .collect(Collectors.toSet());
        return new SwitchDeclaration(names);
    }

}
