package org.walletplatform.order.redpacket;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.support.switches.DegradationSwitches;
import org.walletplatform.support.switches.SwitchesConfiguration.SwitchDeclaration;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Settlement as an optional dependency of issuance (the seed's "allocate partial
 * resources; actual capacity may lag"): switched off ({@code redpacket.settlement}) for a
 * peak, the settler pauses and issued packets wait in Kafka, still counted in every
 * balance as pending; switched on again, it drains them. A withdrawal still settles its
 * own account's packets first. Packets are not published again meanwhile, and
 * reconciliation does not report them unsettled.
 */
@Component
class SettlementSwitch {

    static final String NAME = "redpacket.settlement";

    private static final Logger log = LoggerFactory.getLogger(SettlementSwitch.class);

    private final DegradationSwitches switches;

    private final KafkaListenerEndpointRegistry listeners;

    SettlementSwitch(DegradationSwitches switches, KafkaListenerEndpointRegistry listeners) {
        this.switches = switches;
        this.listeners = listeners;
        switches.follow(NAME, this::follow);
    }

    @Bean
    static SwitchDeclaration settlementSwitchDeclaration() {
        return new SwitchDeclaration(Set.of(NAME));
    }

    boolean isOn() {
        return this.switches.isOn(NAME);
    }

    /**
     * Pauses or resumes the settler as the switch says: at once when it is set on this
     * instance, within a second on the others (on the switches' own thread, not the
     * shared scheduler, whose threads long jobs may hold).
     */
    private void follow(boolean on) {
        MessageListenerContainer settler = this.listeners.getListenerContainer(Settler.ID);
        if (settler == null || !settler.isRunning()) {
            return;
        }
        if (!on && !settler.isPauseRequested()) {
            settler.pause();
            log.warn("Settlement paused: switch {} is off; issued packets wait in Kafka", NAME);
        }
        else if (on && settler.isPauseRequested()) {
            settler.resume();
            log.warn("Settlement resumed: switch {} is on", NAME);
        }
    }

}
