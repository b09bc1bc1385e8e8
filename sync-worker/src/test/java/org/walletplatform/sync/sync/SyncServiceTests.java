package org.walletplatform.sync.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.snapshot.SnapshotStore;
import org.walletplatform.sync.line.PullException;
import org.walletplatform.sync.line.PullOutcome;
import org.walletplatform.sync.line.SnapshotPuller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The order of effects within one batch, which is what makes committing offsets after the
 * listener returns safe: write first, then cache, then the presence journal (which the
 * cache merge answers), then dead letters; a failing write throws before anything else
 * happens.
 */
class SyncServiceTests {

    private final SnapshotPuller puller = mock(SnapshotPuller.class);

    private final SnapshotStore store = mock(SnapshotStore.class);

    private final WalletCache cache = mock(WalletCache.class);

    private final PresenceJournal presence = mock(PresenceJournal.class);

    private final DeadLetters deadLetters = mock(DeadLetters.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final SyncService sync = new SyncService(this.puller, this.store, this.cache, this.presence,
            this.deadLetters, new SyncMetrics(this.meters), JsonMapper.builder().build(),
            Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void shouldThrowWithoutCachingOrDeadLetteringWhenTheDatabaseWriteFails() {
        given(this.puller.pull(eq("cash"), anyMap())).willReturn(outcome(1, 2));
        willThrow(new DataAccessResourceFailureException("MySQL down")).given(this.store).upsertNewer(any());

        assertThatThrownBy(() -> this.sync.sync(List.of(record(1, "{\"userId\":1,\"businessLine\":\"cash\"}"),
                record(2, "not json"), record(2, "{\"userId\":2,\"businessLine\":\"cash\"}"))))
            .isInstanceOf(DataAccessResourceFailureException.class);

        verify(this.presence, never()).append(any(), any(), any());
        verify(this.cache, never()).mergeIntoCached(any());
        verify(this.deadLetters, never()).publish(any());
        assertThat(stageTimings("store")).isOne();
        assertThat(stageTimings("cache")).isZero();
    }

    @Test
    void shouldWriteThenRefreshTheCacheThenJournalPresenceThenPublishDeadLetters() {
        given(this.puller.pull(eq("cash"), anyMap())).willReturn(outcome(1, 2));
        given(this.cache.mergeIntoCached(any())).willReturn(new WalletCache.Merged(Set.of(), Set.of(1L)));

        this.sync.sync(List.of(record(1, "{\"userId\":1,\"businessLine\":\"cash\"}"), record(2, "not json"),
                record(2, "{\"userId\":2,\"businessLine\":\"cash\"}")));

        InOrder order = inOrder(this.store, this.presence, this.cache, this.deadLetters);
        order.verify(this.store).upsertNewer(argThat((snapshots) -> snapshots.size() == 1));
        order.verify(this.cache).mergeIntoCached(any());
        order.verify(this.presence).append(eq(Set.of(1L)), eq(Set.of(1L)), any());
        order.verify(this.deadLetters)
            .publish(argThat(
                    (letters) -> letters.size() == 2 && letters.stream().anyMatch((l) -> l.reason().equals("poison"))
                            && letters.stream().anyMatch((l) -> l.reason().equals("line-unavailable"))));
        assertThat(stageTimings("store")).isOne();
        assertThat(stageTimings("cache")).isOne();
    }

    @Test
    void shouldStoreNothingForAUserTheLineHasNeverSeen() {
        given(this.puller.pull(eq("cash"), anyMap())).willReturn(new PullOutcome("cash",
                Map.of(3L, new AssetSnapshot(3, "cash", 0, List.of()), 4L,
                        new AssetSnapshot(4, "cash", 0, List.of(new AssetItem("cash", "cash", "Cash", 5, "CNY")))),
                Map.of()));
        given(this.cache.mergeIntoCached(any())).willReturn(new WalletCache.Merged(Set.of(), Set.of(4L)));

        this.sync.sync(List.of(record(3, "{\"userId\":3,\"businessLine\":\"cash\"}"),
                record(4, "{\"userId\":4,\"businessLine\":\"cash\"}")));

        verify(this.store)
            .upsertNewer(argThat((snapshots) -> snapshots.size() == 1 && snapshots.iterator().next().userId() == 4));
        verify(this.presence).append(eq(Set.of(4L)), eq(Set.of(4L)), any());
    }

    @Test
    void shouldTouchNeitherStoreNorCacheWhenNoLineHasSeenTheUser() {
        given(this.puller.pull(eq("cash"), anyMap()))
            .willReturn(new PullOutcome("cash", Map.of(3L, new AssetSnapshot(3, "cash", 0, List.of())), Map.of()));

        this.sync.sync(List.of(record(3, "{\"userId\":3,\"businessLine\":\"cash\"}")));

        verify(this.store, never()).upsertNewer(any());
        verify(this.cache, never()).mergeIntoCached(any());
        verify(this.presence, never()).append(any(), any(), any());
    }

    private long stageTimings(String stage) {
        return this.meters.get(SyncMetrics.STAGE).tag("stage", stage).timer().count();
    }

    /** User {@code ok} pulled fine, user {@code failed} failed after retries. */
    private static PullOutcome outcome(long ok, long failed) {
        return new PullOutcome("cash", Map.of(ok, new AssetSnapshot(ok, "cash", 1, List.of())),
                Map.of(failed, new PullException.Retryable("line-unavailable", "503")));
    }

    private static ConsumerRecord<String, String> record(long userId, String value) {
        return new ConsumerRecord<>("wallet.notifications", 0, userId, Long.toString(userId), value);
    }

}
