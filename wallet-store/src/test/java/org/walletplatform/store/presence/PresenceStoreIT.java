package org.walletplatform.store.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.presence.PresenceSet;
import org.walletplatform.presence.PresenceSetFormat;
import org.walletplatform.store.StoreFixtures;
import org.walletplatform.store.StoreTestApplication;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.walletplatform.store.StoreFixtures.cash;

/**
 * The write side of the presence set on real MariaDB (through ShardingSphere) and Redis:
 * who counts as present, the journal, and the snapshot built from the database.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@ActiveProfiles("test")
class PresenceStoreIT {

    private final JdbcTemplate physical = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/wallet_test_ds_0", "root", ""));

    @Autowired
    private SnapshotStore store;

    @Autowired
    private PresenceJournal journal;

    @Autowired
    private PresenceSnapshotBuilder builder;

    @Autowired
    private PresenceSnapshots snapshots;

    @Autowired
    private StringRedisTemplate redis;

    @BeforeEach
    void emptyShards() {
        StoreFixtures.truncateShards(this.physical);
    }

    @Test
    void shouldCountAsPresentOnlyUsersWithAnAssetInSomeLine() {
        this.store.upsertNewer(List.of(cash(1, 1, 100), new AssetSnapshot(2, "cash", 1, List.of()),
                new AssetSnapshot(3, "cash", 1, List.of()),
                new AssetSnapshot(3, "coins", 1, List.of(cash(3, 1, 5).assets().get(0)))));

        assertThat(new HashSet<>(this.store.presentUsersAfter(0, 100))).containsExactlyInAnyOrder(1L, 3L);
        assertThat(this.store.loadWallets(List.of(1L, 2L, 3L, 4L)).entrySet())
            .filteredOn((wallet) -> wallet.getValue().stream().anyMatch(LineAssets::holdsAssets))
            .as("the cache's definition, as the sync worker journals it")
            .extracting(Map.Entry::getKey)
            .containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void shouldJournalWhereEveryWrittenUserStandsInOrder() {
        String before = this.journal.head();
        Instant writtenAt = Instant.ofEpochMilli(1_700_000_000_000L);

        this.journal.append(Set.of(11L, 12L), Set.of(11L), writtenAt);
        this.journal.append(Set.of(13L), Set.of(), writtenAt.plusMillis(1));

        List<PresenceDelta> deltas = this.journal.readAfter(before, 10);
        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).present()).containsExactly(11L);
        assertThat(deltas.get(0).absent()).containsExactly(12L);
        assertThat(deltas.get(0).writtenAtMs()).isEqualTo(writtenAt.toEpochMilli());
        assertThat(deltas.get(1).present()).isEmpty();
        assertThat(deltas.get(1).absent()).containsExactly(13L);
        assertThat(this.journal.head()).isEqualTo(deltas.get(1).id());
        assertThat(this.journal.readAfter(deltas.get(1).id(), 10)).isEmpty();
    }

    @Test
    void shouldBuildTheSnapshotFromEveryShardAcrossPagesWithTheJournalPositionTakenBefore() {
        List<AssetSnapshot> rows = new ArrayList<>();
        for (long user = 1; user <= 25_000; user++) {
            rows.add((user % 5 == 0) ? new AssetSnapshot(user, "cash", 1, List.of()) : cash(user, 1, user));
        }
        this.store.upsertNewer(rows);
        String position = this.journal.head();

        long users = this.builder.build();

        PresenceSnapshots.Stored stored = this.snapshots.load().orElseThrow();
        PresenceSet set = PresenceSetFormat.read(stored.bytes());
        assertThat(users).isEqualTo(20_000);
        assertThat(set.cardinality()).isEqualTo(20_000);
        for (long user = 1; user <= 25_000; user++) {
            assertThat(set.contains(user)).as("user %d", user).isEqualTo(user % 5 != 0);
        }
        assertThat(stored.position()).isEqualTo(position);
        assertThat(this.snapshots.builtAt()).hasValue(stored.builtAt());
    }

    @Test
    void shouldAdvanceTheStoredSetAlongTheJournalBetweenScansWithoutReadingMysql() {
        this.store.upsertNewer(List.of(cash(1, 1, 100), cash(2, 1, 100)));
        this.builder.build();
        PresenceSnapshots.Stored scanned = this.snapshots.load().orElseThrow();
        // a write MySQL holds and the journal never saw: only a scan finds user 3
        this.store.upsertNewer(List.of(cash(3, 1, 100)));
        this.journal.append(Set.of(2L, 4L), Set.of(4L), Instant.now());
        this.journal.append(Set.of(1L, 5L), Set.of(1L, 5L), Instant.now());
        this.journal.append(Set.of(5L), Set.of(), Instant.now());

        assertThat(this.builder.refresh()).isEqualTo(PresenceSnapshotBuilder.Refresh.JOURNAL);

        PresenceSnapshots.Stored advanced = this.snapshots.load().orElseThrow();
        assertThat(members(advanced, 6)).containsExactly(1L, 4L);
        assertThat(advanced.position()).isEqualTo(this.journal.head());
        assertThat(advanced.builtAt()).as("the scan it rests on").isEqualTo(scanned.builtAt());

        // the scan is due once the last one is fullScanInterval (10 min) old
        this.snapshots.save(PresenceSetFormat.read(advanced.bytes()), advanced.position(),
                Instant.now().minusSeconds(601));
        assertThat(this.builder.refresh()).isEqualTo(PresenceSnapshotBuilder.Refresh.SCAN);
        assertThat(members(this.snapshots.load().orElseThrow(), 6)).containsExactly(1L, 2L, 3L);
        // an advance begun from the older scan does not overwrite the newer one
        assertThat(this.snapshots.advance(PresenceSet.empty(), advanced.position(), scanned.builtAt())).isFalse();
        assertThat(members(this.snapshots.load().orElseThrow(), 6)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldScanWhenTheJournalNoLongerHoldsWhatFollowsTheStoredPositionOrTheStoredSetIsCorrupt() {
        this.store.upsertNewer(List.of(cash(1, 1, 100)));
        this.builder.build();
        PresenceSnapshots.Stored scanned = this.snapshots.load().orElseThrow();
        this.store.upsertNewer(List.of(cash(2, 1, 100)));

        // a position trimmed off the journal: what followed it may be gone too
        this.snapshots.save(PresenceSetFormat.read(scanned.bytes()), "1-1", Instant.now());
        assertThat(this.builder.refresh()).isEqualTo(PresenceSnapshotBuilder.Refresh.SCAN);
        assertThat(members(this.snapshots.load().orElseThrow(), 3)).containsExactly(1L, 2L);

        this.store.upsertNewer(List.of(cash(3, 1, 100)));
        this.redis.opsForHash().put(PresenceSnapshots.KEY, "set", "WPS1 but not a presence set");
        assertThat(this.builder.refresh()).isEqualTo(PresenceSnapshotBuilder.Refresh.SCAN);
        assertThat(members(this.snapshots.load().orElseThrow(), 3)).containsExactly(1L, 2L, 3L);
    }

    /** The users among 1..{@code upTo} the stored set holds. */
    private static List<Long> members(PresenceSnapshots.Stored stored, long upTo) {
        PresenceSet set = PresenceSetFormat.read(stored.bytes());
        List<Long> members = new ArrayList<>();
        for (long user = 1; user <= upTo; user++) {
            if (set.contains(user)) {
                members.add(user);
            }
        }
        return members;
    }

}
