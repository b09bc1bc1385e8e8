package org.walletplatform.read.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.walletplatform.model.line.RealtimeContract;
import org.walletplatform.model.wallet.RealtimeViews.DetailsView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * A page of a real-time line's details with the monthly summaries it needs. Summaries are
 * asked of the line only for the months the page's items fall in (UTC) and only if not
 * cached: a closed month for a day, the current month for a minute, since it still
 * changes. Paging within a month therefore costs no summary calls.
 */
@Service
class DetailReader {

    private static final Duration CLOSED_MONTH = Duration.ofDays(1);

    private static final Duration OPEN_MONTH = Duration.ofMinutes(1);

    private final RealtimeLineClient client;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    DetailReader(RealtimeLineClient client, StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.client = client;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    DetailsView read(String line, RealtimeLinesProperties.Line config, long userId, String cursor, int limit) {
        RealtimeContract.DetailPage page;
        try {
            page = this.client.details(line, config, userId, cursor, limit);
        }
        catch (RealtimeLineClient.LineCallFailedException ex) {
            throw RealtimeProblems.lineUnavailable(line);
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        page.items().forEach((item) -> months.add(YearMonth.from(item.occurredAt().atOffset(ZoneOffset.UTC))));
        List<RealtimeContract.MonthSummary> summaries = new ArrayList<>();
        for (YearMonth month : months.descendingSet()) {
            summaries.add(summary(line, config, userId, month));
        }
        return new DetailsView(userId, line, page.items(), page.nextCursor(), summaries);
    }

    private RealtimeContract.MonthSummary summary(String line, RealtimeLinesProperties.Line config, long userId,
            YearMonth month) {
        String key = "wallet:rt:summary:" + line + ":" + userId + ":" + month;
        String cached = this.redis.opsForValue().get(key);
        if (cached != null) {
            return this.json.readValue(cached, RealtimeContract.MonthSummary.class);
        }
        RealtimeContract.MonthSummary summary;
        try {
            summary = this.client.summary(line, config, userId, month.toString());
        }
        catch (RealtimeLineClient.LineCallFailedException ex) {
            throw RealtimeProblems.lineUnavailable(line);
        }
        boolean open = !month.isBefore(YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
        this.redis.opsForValue().set(key, this.json.writeValueAsString(summary), open ? OPEN_MONTH : CLOSED_MONTH);
        return summary;
    }

}
