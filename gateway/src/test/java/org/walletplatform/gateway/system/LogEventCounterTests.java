package org.walletplatform.gateway.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogEventCounterTests {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    private final LogEventCounter counter = new LogEventCounter(this.meters);

    private final Logger logger = (Logger) LoggerFactory.getLogger("log-event-counter-test");

    @BeforeEach
    void attach() {
        this.logger.setLevel(Level.INFO);
        this.counter.afterSingletonsInstantiated();
    }

    @AfterEach
    void detach() {
        this.counter.destroy();
        this.logger.setLevel(null);
    }

    @Test
    void shouldCountTheEventsWrittenByLevel() {
        this.logger.warn("one");
        this.logger.warn("two");
        this.logger.error("three");
        this.logger.info("four");

        assertThat(count("warn")).isEqualTo(2);
        assertThat(count("error")).isEqualTo(1);
        assertThat(count("info")).isEqualTo(1);
    }

    @Test
    void shouldNotCountEventsBelowTheLoggersLevel() {
        this.logger.debug("not written");
        this.logger.trace("not written");

        assertThat(count("debug")).isZero();
        assertThat(count("trace")).isZero();
    }

    @Test
    void shouldStopCountingOnceDestroyed() {
        this.counter.destroy();
        this.logger.warn("after");

        assertThat(count("warn")).isZero();
        this.counter.afterSingletonsInstantiated(); // for detach()
    }

    private double count(String level) {
        return this.meters.get("logback.events").tag("level", level).counter().count();
    }

}
