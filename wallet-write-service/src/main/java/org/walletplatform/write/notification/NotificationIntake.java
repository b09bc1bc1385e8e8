package org.walletplatform.write.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.walletplatform.model.Topics;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationAccepted;
import org.walletplatform.model.notification.NotificationBatchRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks notifications against the integration config, then produces them keyed by user
 * id and waits for the broker's acknowledgement of all of them. Every check happens
 * before the first send, so a refused request enqueues nothing.
 */
@Service
class NotificationIntake {

    private final KafkaTemplate<String, String> kafka;

    private final JsonMapper json;

    private final IntegratedLinesProperties lines;

    private final IntakeMetrics metrics;

    private final Duration ackTimeout;

    NotificationIntake(KafkaTemplate<String, String> kafka, JsonMapper json, IntegratedLinesProperties lines,
            IntakeMetrics metrics, IntakeProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.lines = lines;
        this.metrics = metrics;
        this.ackTimeout = properties.ackTimeout();
    }

    /**
     * @param caller the business line that signed the request; it may only push for
     * itself
     */
    NotificationAccepted accept(String caller, List<AssetChangeNotification> notifications) {
        if (notifications.size() > NotificationBatchRequest.MAX_SIZE) {
            throw new BatchTooLargeException(notifications.size());
        }
        for (int i = 0; i < notifications.size(); i++) {
            String line = notifications.get(i).businessLine();
            String field = (notifications.size() == 1) ? "businessLine" : "notifications[" + i + "].businessLine";
            if (!this.lines.accepts(line)) {
                throw new UnknownBusinessLineException(field, line);
            }
            if (!line.equals(caller)) {
                throw new LineForbiddenException(field, caller, line);
            }
        }
        return publish(notifications);
    }

    /**
     * Asks for a fresh pull of every push-mode line of each user, as if each line had
     * notified a change without a version: the read side's pull on entry.
     */
    NotificationAccepted refresh(List<Long> userIds) {
        List<String> pushLines = this.lines.pushLines();
        List<AssetChangeNotification> notifications = new ArrayList<>(userIds.size() * pushLines.size());
        for (long userId : userIds) {
            pushLines.forEach((line) -> notifications.add(AssetChangeNotification.of(userId, line, null)));
        }
        return publish(notifications);
    }

    private NotificationAccepted publish(List<AssetChangeNotification> notifications) {
        CompletableFuture<?>[] acks = notifications.stream()
            .map((n) -> this.kafka.send(Topics.NOTIFICATIONS, Long.toString(n.userId()),
                    this.json.writeValueAsString(n)))
            .toArray(CompletableFuture[]::new);
        awaitAll(acks);
        this.metrics.accepted(notifications.size());
        return new NotificationAccepted(notifications.size());
    }

    private void awaitAll(CompletableFuture<?>[] acks) {
        try {
            CompletableFuture.allOf(acks).get(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            this.metrics.refused();
            throw new QueueUnavailableException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException(ex);
        }
    }

}
