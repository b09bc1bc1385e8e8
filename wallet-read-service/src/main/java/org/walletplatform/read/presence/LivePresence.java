package org.walletplatform.read.presence;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Layer 1 of the read path on this instance: who holds any asset, answered from memory.
 * Until a first snapshot is loaded the answer is "unknown" and reads go to the cache as
 * before; so is it for a user the set holds. Only a user the loaded set does not hold is
 * answered absent, with no Redis or MySQL call. The view is swapped whole (a volatile
 * reference to an immutable {@link PresenceView}), so lookups never lock.
 */
@Component
public class LivePresence {

    static final String LOOKUPS = "wallet.presence.lookups";

    private volatile PresenceView view;

    private final Counter absent;

    private final Counter present;

    private final Counter unknown;

    LivePresence(MeterRegistry meters) {
        this.absent = lookups(meters, "absent");
        this.present = lookups(meters, "present");
        this.unknown = lookups(meters, "unknown");
        Gauge.builder("wallet.presence.users", this, (p) -> p.current().map(PresenceView::cardinality).orElse(-1L))
            .description("Users the presence set on this instance holds (-1 until loaded)")
            .register(meters);
    }

    /**
     * True only if the loaded set says {@code userId} holds no asset: the caller answers
     * an empty wallet without any I/O.
     */
    public boolean isAbsent(long userId) {
        PresenceView current = this.view;
        if (current == null) {
            this.unknown.increment();
            return false;
        }
        boolean member = current.contains(userId);
        (member ? this.present : this.absent).increment();
        return !member;
    }

    Optional<PresenceView> current() {
        return Optional.ofNullable(this.view);
    }

    void publish(PresenceView next) {
        this.view = next;
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder(LOOKUPS)
            .tag("result", result)
            .description("Wallet reads by what the presence set answered")
            .register(meters);
    }

}
