package org.walletplatform.read.realtime;

import java.time.Clock;
import java.time.Duration;

import org.walletplatform.model.line.RealtimeContract;
import org.walletplatform.model.wallet.RealtimeViews.BalanceView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * A real-time line's balance: asked of the line every time; the last good answer is kept
 * in Redis and served, marked stale with its age, while the line fails. Redis trouble
 * never fails a fresh answer.
 */
@Service
class BalanceReader {

    private static final Duration KEEP = Duration.ofDays(7);

    private final RealtimeLineClient client;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    BalanceReader(RealtimeLineClient client, StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.client = client;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    BalanceView read(String line, RealtimeLinesProperties.Line config, long userId) {
        String key = "wallet:rt:balance:" + line + ":" + userId;
        try {
            RealtimeContract.Balance balance = this.client.balance(line, config, userId);
            remember(key, new Remembered(balance, this.clock.millis()));
            return new BalanceView(userId, line, balance.amountMinor(), balance.unit(), false, 0);
        }
        catch (RealtimeLineClient.LineCallFailedException ex) {
            Remembered last = recall(key);
            if (last == null) {
                throw RealtimeProblems.lineUnavailable(line);
            }
            long age = Math.max(0, (this.clock.millis() - last.fetchedAtMs()) / 1000);
            return new BalanceView(userId, line, last.balance().amountMinor(), last.balance().unit(), true, age);
        }
    }

    private void remember(String key, Remembered value) {
        try {
            this.redis.opsForValue().set(key, this.json.writeValueAsString(value), KEEP);
        }
        catch (RuntimeException ex) {
            // the fresh answer stands; only the fallback copy is older
        }
    }

    private Remembered recall(String key) {
        try {
            String value = this.redis.opsForValue().get(key);
            return (value != null) ? this.json.readValue(value, Remembered.class) : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** The last good balance and when it was fetched. */
    record Remembered(RealtimeContract.Balance balance, long fetchedAtMs) {
    }

}
