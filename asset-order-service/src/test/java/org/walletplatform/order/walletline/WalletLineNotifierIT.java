package org.walletplatform.order.walletline;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.order.redpacket.AccountChanged;
import org.walletplatform.support.switches.DegradationSwitches;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The red-packet line's pushes to the wallet with the {@code wallet-line} switch off: the
 * changed accounts are held in Redis, not pushed, and pushed once it is on again, also by
 * another instance (a restart), each leaving the held set only once the wallet took it.
 * Real Redis (database 1, as every test); a fake intake stands in for the write service.
 */
class WalletLineNotifierIT {

    private final JsonMapper json = JsonMapper.builder().build();

    private final String line = "it-line-" + System.nanoTime();

    private final Set<Long> received = ConcurrentHashMap.newKeySet();

    private volatile int answer = 202;

    private final AtomicInteger refused = new AtomicInteger();

    private HttpServer intake;

    private LettuceConnectionFactory connections;

    private StringRedisTemplate redis;

    private DegradationSwitches switches;

    @BeforeEach
    void start() throws IOException {
        this.intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.intake.createContext("/v1/notifications:batch", (exchange) -> {
            NotificationBatchRequest batch = this.json.readValue(exchange.getRequestBody().readAllBytes(),
                    NotificationBatchRequest.class);
            int status = this.answer;
            if (status == 202) {
                batch.notifications().forEach((n) -> this.received.add(n.userId()));
            }
            else {
                this.refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        this.intake.start();
        RedisStandaloneConfiguration redisConfig = new RedisStandaloneConfiguration("127.0.0.1", 6379);
        redisConfig.setDatabase(1);
        this.connections = new LettuceConnectionFactory(redisConfig);
        this.connections.afterPropertiesSet();
        this.connections.start();
        this.redis = new StringRedisTemplate(this.connections);
        this.switches = new DegradationSwitches(this.redis, this.json, Clock.systemUTC(),
                Set.of(WalletLineNotifier.SWITCH));
    }

    @AfterEach
    void stop() {
        this.switches.set(WalletLineNotifier.SWITCH, true, "it", "test over");
        this.redis.delete(WalletLineNotifier.heldKey(this.line));
        this.intake.stop(0);
        this.connections.destroy();
    }

    @Test
    void shouldHoldChangedAccountsInRedisWhileSwitchedOffAndPushThemOnceOnAgainAlsoAfterARestart() {
        this.switches.set(WalletLineNotifier.SWITCH, false, "it", "peak");
        WalletLineNotifier first = notifier();
        first.start();
        for (long actId = 1; actId <= 1_200; actId++) {
            first.onChanged(new AccountChanged(actId));
            first.onChanged(new AccountChanged(actId));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> held() == 1_200);
        first.stop();
        assertThat(this.received).as("nothing pushed while switched off").isEmpty();

        // a new instance pushes what the stopped one held, while the wallet refuses, then
        // takes
        this.answer = 503;
        this.switches.set(WalletLineNotifier.SWITCH, true, "it", "peak over");
        WalletLineNotifier second = notifier();
        second.start();
        try {
            second.onChanged(new AccountChanged(5_000));
            await().atMost(Duration.ofSeconds(10)).until(() -> this.refused.get() >= 2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> held() == 1_200);
            assertThat(this.received).isEmpty();
            this.answer = 202;
            await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 1_201);
        }
        finally {
            second.stop();
        }
        assertThat(held()).isZero();
        assertThat(this.received).contains(1L, 600L, 1_200L, 5_000L);
    }

    private long held() {
        return this.redis.opsForSet().size(WalletLineNotifier.heldKey(this.line));
    }

    private WalletLineNotifier notifier() {
        return new WalletLineNotifier(new WalletLineProperties(this.line,
                URI.create("http://127.0.0.1:" + this.intake.getAddress().getPort()), "secret", Duration.ofMillis(50)),
                this.json, new SimpleMeterRegistry(), this.redis, this.switches);
    }

}
