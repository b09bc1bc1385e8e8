package org.walletplatform.order.walletline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.order.redpacket.AccountChanged;
import org.walletplatform.support.switches.DegradationSwitches;
import org.walletplatform.support.switches.SwitchesConfiguration.SwitchDeclaration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the wallet which red-packet accounts changed, as any business line does: signed
 * batches to {@code POST /v1/notifications:batch}. Changes are collected for
 * {@code flushInterval} (an account changed many times is sent once) and pushed off the
 * callers' threads; a batch the wallet did not take is tried again with the next one. The
 * notification says only that something changed: the wallet pulls the snapshot.
 * <p>
 * The wallet's view is optional to issuance: with the switch {@code wallet-line} off (a
 * peak), changed accounts are held in a Redis set instead, where they outlive a restart
 * and cost no memory here, and are pushed once it is on again, before anything newer; a
 * held account leaves the set only after the wallet took it.
 */
@Component
class WalletLineNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WalletLineNotifier.class);

    static final String SWITCH = "wallet-line";

    private static final int BATCH = 500;

    private static final int HOLD_BATCH = 10_000;

    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    private final WalletLineProperties properties;

    private final JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    private final URI batchUri;

    private final Counter pushed;

    private final Counter failed;

    private final StringRedisTemplate redis;

    private final DegradationSwitches switches;

    private final String heldKey;

    private volatile Thread pusher;

    WalletLineNotifier(WalletLineProperties properties, JsonMapper json, MeterRegistry meters,
            StringRedisTemplate redis, DegradationSwitches switches) {
        this.redis = redis;
        this.switches = switches;
        this.heldKey = heldKey(properties.line());
        this.properties = properties;
        this.json = json;
        this.batchUri = URI.create(properties.intakeUrl() + "/v1/notifications:batch");
        this.pushed = Counter.builder("order.wallet-line.notifications")
            .tag("result", "pushed")
            .description("Account changes pushed to the wallet")
            .register(meters);
        this.failed = Counter.builder("order.wallet-line.notifications")
            .tag("result", "failed")
            .description("Account changes pushed to the wallet")
            .register(meters);
    }

    static String heldKey(String line) {
        return "order:wallet-line:" + line + ":held";
    }

    @Bean
    static SwitchDeclaration walletLineSwitchDeclaration() {
        return new SwitchDeclaration(Set.of(SWITCH));
    }

    @EventListener
    void onChanged(AccountChanged change) {
        this.changed.add(change.actId());
    }

    private void flushEveryInterval() {
        while (this.pusher == Thread.currentThread()) {
            try {
                Thread.sleep(this.properties.flushInterval());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!this.switches.isOn(SWITCH)) {
                holdChanges();
            }
            else if (pushHeld()) {
                pushChanged();
            }
        }
    }

    private void pushChanged() {
        while (!this.changed.isEmpty()) {
            List<Long> batch = takeChanged(BATCH);
            if (!push(batch)) {
                this.changed.addAll(batch); // with the next round
                this.failed.increment(batch.size());
                return;
            }
            this.pushed.increment(batch.size());
        }
    }

    private List<Long> takeChanged(int size) {
        List<Long> batch = new ArrayList<>(Math.min(size, this.changed.size()));
        for (Long actId : this.changed) {
            if (batch.size() == size) {
                break;
            }
            batch.add(actId);
        }
        batch.forEach(this.changed::remove);
        return batch;
    }

    /** Moves the changed accounts into the Redis set (kept here if Redis fails). */
    private void holdChanges() {
        while (!this.changed.isEmpty()) {
            List<Long> batch = takeChanged(HOLD_BATCH);
            try {
                this.redis.opsForSet().add(this.heldKey, batch.stream().map(String::valueOf).toArray(String[]::new));
            }
            catch (RuntimeException ex) {
                this.changed.addAll(batch);
                log.debug("Changed accounts not held in Redis, kept here: {}", ex.toString());
                return;
            }
        }
    }

    /** Pushes the accounts held in Redis; whether none is left. */
    private boolean pushHeld() {
        try {
            while (true) {
                List<String> held = this.redis.opsForSet().distinctRandomMembers(this.heldKey, BATCH).stream().toList();
                if (held.isEmpty()) {
                    return true;
                }
                List<Long> batch = held.stream().map(Long::valueOf).toList();
                if (!push(batch)) {
                    this.failed.increment(batch.size());
                    return false;
                }
                this.redis.opsForSet().remove(this.heldKey, held.toArray());
                this.pushed.increment(batch.size());
            }
        }
        catch (RuntimeException ex) {
            log.debug("Held accounts not read from Redis; the next round tries again: {}", ex.toString());
            return true; // the changes here need not wait for Redis
        }
    }

    private boolean push(List<Long> actIds) {
        List<AssetChangeNotification> notifications = actIds.stream()
            .map((actId) -> AssetChangeNotification.of(actId, this.properties.line(), null))
            .toList();
        byte[] body = this.json.writeValueAsBytes(new NotificationBatchRequest(notifications));
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(this.batchUri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(RequestSignature.LINE, this.properties.line())
            .header(RequestSignature.TIMESTAMP, Long.toString(timestamp))
            .header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE,
                    RequestSignature.sign(this.properties.secret(), "POST", this.batchUri.getPath(), timestamp, nonce,
                            body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        try {
            int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 202) {
                log.warn("The wallet refused {} red-packet notifications: {}", actIds.size(), status);
            }
            return status == 202;
        }
        catch (IOException ex) {
            log.debug("The wallet is not reachable: {}", ex.toString());
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        Thread thread = Thread.ofVirtual().name("wallet-line").unstarted(this::flushEveryInterval);
        this.pusher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = this.pusher;
        this.pusher = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.pusher != null;
    }

}
