package org.walletplatform.gateway.system;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * {@code logback.events}, tagged with the level: the log events written, counted by an
 * appender on the root logger. It stands in for Micrometer's {@code LogbackMetrics}
 * (excluded in application.yml), a turbo filter that Logback consults on every level
 * check, and Reactor, Netty and Spring Cloud Gateway ask {@code isDebugEnabled} and
 * {@code isTraceEnabled} many times per proxied request: about 1 % of the gateway's CPU
 * to count the few events actually written (BENCHMARKS.md, "Gateway overhead").
 */
@Component
class LogEventCounter extends AppenderBase<ILoggingEvent> implements SmartInitializingSingleton, DisposableBean {

    private final Map<Level, Counter> counters;

    LogEventCounter(MeterRegistry meters) {
        this.counters = Map.of(Level.ERROR, counter(meters, "error"), Level.WARN, counter(meters, "warn"), Level.INFO,
                counter(meters, "info"), Level.DEBUG, counter(meters, "debug"), Level.TRACE, counter(meters, "trace"));
        setName("log-event-counter");
    }

    private static Counter counter(MeterRegistry meters, String level) {
        return Counter.builder("logback.events")
            .tag("level", level)
            .description("Number of log events written, by level")
            .baseUnit("events")
            .register(meters);
    }

    @Override
    public void afterSingletonsInstantiated() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(logging);
        start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Counter counter = this.counters.get(event.getLevel());
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void destroy() {
        ((LoggerContext) getContext()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

}
