package org.walletplatform.sync.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.walletplatform.model.Topics;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.presence.PresenceDelta;
import org.walletplatform.store.presence.PresenceJournal;
import org.walletplatform.store.snapshot.SnapshotStore;
import org.walletplatform.sync.FakeBusinessLine;
import org.walletplatform.sync.FakeBusinessLine.Answer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole sync path on the real engines: notifications on Kafka, snapshots pulled over
 * HTTP from a fake line, rows in sharded MariaDB, wallets in Redis, dead letters on
 * Kafka. The listener starts only after the first notifications are on the topic, so
 * those arrive in one batch.
 */
@SpringBootTest(properties = { "wallet.sync.auto-startup=false", "spring.kafka.consumer.group-id=wallet-sync-it",
        "resilience4j.retry.instances.businessLineSnapshot.wait-duration=10ms" })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncWorkerIT {

    private static final FakeBusinessLine LINE = new FakeBusinessLine();

    /** Every test's users are in [FIRST_USER, LAST_USER]. */
    private static final long FIRST_USER = 1001;

    private static final long LAST_USER = 1099;

    private static final long BATCHED_USER = 1001;

    private static final long SINGLE_USER = 1002;

    private final JdbcTemplate physical = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/wallet_test_ds_0", "root", ""));

    private final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();

    private KafkaConsumer<String, String> deadLetterProbe;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private SnapshotStore store;

    @Autowired
    private WalletCache cache;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private PresenceJournal journal;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @DynamicPropertySource
    static void fakeLines(DynamicPropertyRegistry registry) {
        for (String line : List.of("cash", "cashback", "coupons", "coins")) {
            registry.add("wallet.business-lines." + line + ".snapshot-url", () -> LINE.url(line));
        }
    }

    @BeforeAll
    void sendTheFirstBatchThenStart() {
        for (String db : List.of("wallet_test_ds_0", "wallet_test_ds_1")) {
            for (String table : List.of("wallet_asset_snapshot_0", "wallet_asset_snapshot_1")) {
                this.physical.execute("DELETE FROM " + db + "." + table);
            }
        }
        // a wallet cached by an earlier run would outlive the rows just deleted
        this.redis.delete(LongStream.rangeClosed(FIRST_USER, LAST_USER).mapToObj(WalletCache::key).toList());
        this.deadLetterProbe = deadLetterProbe();
        // SyncWorkerOnClusterIT asks the same line
        LINE.reset();
        LINE.answer(BATCHED_USER, Answer.version(10, 1000));
        LINE.answer(SINGLE_USER, Answer.version(10, 1000));
        for (long v = 1; v <= 10; v++) {
            notify(BATCHED_USER, "cash", v);
            notify(SINGLE_USER, "coupons", v);
        }
        this.kafka.flush();
        this.listeners.getListenerContainer(NotificationBatchListener.ID).start();
    }

    @AfterAll
    void stop() {
        this.deadLetterProbe.close();
        // LINE stays up: SyncWorkerOnClusterIT runs these tests again against it; the
        // fork's exit stops it
    }

    @Test
    void shouldPullOnceForTenNotificationsOfOneUserInOneBatch() {
        awaitVersion(BATCHED_USER, "cash", 10);
        awaitVersion(SINGLE_USER, "coupons", 10);

        assertThat(LINE.timesAsked(BATCHED_USER)).as("batch-form line").isEqualTo(1);
        assertThat(LINE.timesAsked(SINGLE_USER)).as("single-form line").isEqualTo(1);
        assertThat(this.cache.get(BATCHED_USER)).hasValueSatisfying(
                (lines) -> assertThat(lines).singleElement().satisfies((l) -> assertThat(l.version()).isEqualTo(10)));
    }

    @Test
    void shouldNeverOverwriteANewerSnapshotWithAnOlderOne() {
        long user = 1003;
        LINE.answer(user, Answer.version(5, 500), Answer.version(3, 300));
        notify(user, "cash", 5L);
        awaitVersion(user, "cash", 5);

        notify(user, "cash", null);
        notify(user, "coins", null);
        await().until(() -> this.store.loadWallet(user).size() == 2);

        assertThat(LINE.timesAsked(user)).isEqualTo(3);
        assertThat(line(user, "cash").version()).isEqualTo(5);
        assertThat(line(user, "cash").assets().get(0).amountMinor()).isEqualTo(500);
        assertThat(this.cache.get(user).orElseThrow()).filteredOn((l) -> l.businessLine().equals("cash"))
            .singleElement()
            .satisfies((l) -> assertThat(l.version()).isEqualTo(5));
    }

    @Test
    void shouldDeadLetterPoisonAndKeepThePartitionFlowing() {
        long user = 1004;
        double before = deadLetterCount("poison");
        this.kafka.send(Topics.NOTIFICATIONS, Long.toString(user), "not json {");
        this.kafka.send(Topics.NOTIFICATIONS, Long.toString(user), "{\"userId\":-5,\"businessLine\":\"cash\"}");
        LINE.answer(user, Answer.version(1, 100));
        notify(user, "cash", 1L);

        awaitVersion(user, "cash", 1);
        assertThat(awaitDeadLetters(Long.toString(user), 2))
            .allSatisfy((r) -> assertThat(reason(r)).isEqualTo("poison"))
            .extracting(ConsumerRecord::value)
            .containsExactly("not json {", "{\"userId\":-5,\"businessLine\":\"cash\"}");
        assertThat(deadLetterCount("poison") - before).isEqualTo(2);
    }

    @Test
    void shouldRetryALineThatFailsThenDeadLetterWithoutBlockingTheUser() {
        long user = 1005;
        LINE.answer(user, Answer.status(503));
        notify(user, "coupons", 1L);

        ConsumerRecord<String, String> letter = awaitDeadLetters(Long.toString(user), 1).get(0);
        assertThat(reason(letter)).isEqualTo("line-unavailable");
        assertThat(LINE.timesAsked(user)).isEqualTo(3);
        assertThat(this.store.loadWallet(user)).isEmpty();

        LINE.answer(user, Answer.version(2, 200));
        notify(user, "coins", 2L);
        awaitVersion(user, "coins", 2);
    }

    @Test
    void shouldSucceedWhenALineRecoversWithinTheRetries() {
        long user = 1006;
        LINE.answer(user, Answer.status(503), Answer.version(2, 200));
        notify(user, "coupons", 2L);

        awaitVersion(user, "coupons", 2);
        assertThat(LINE.timesAsked(user)).isEqualTo(2);
        assertThat(deadLettersOf(Long.toString(user))).isEmpty();
    }

    @Test
    void shouldDeadLetterASnapshotOfTheWrongShapeAndWriteNothing() {
        long user = 1007;
        LINE.answer(user,
                Answer.raw("{\"userId\":" + user + ",\"businessLine\":\"coupons\",\"version\":1,\"assets\":\"x\"}"));
        notify(user, "coupons", 1L);

        ConsumerRecord<String, String> letter = awaitDeadLetters(Long.toString(user), 1).get(0);
        assertThat(reason(letter)).isEqualTo("bad-snapshot");
        assertThat(LINE.timesAsked(user)).as("a bad shape is not retried").isEqualTo(1);
        assertThat(this.store.loadWallet(user)).isEmpty();
        assertThat(this.cache.get(user)).isEmpty();
    }

    @Test
    void shouldJournalWhetherTheWholeWalletHoldsAssetsAfterEachWrite() {
        long user = 1008;
        LINE.answer(user, Answer.version(1, 100));
        assertThat(journaledAfter(user, "cash", 1)).as("first write, not cached yet").isTrue();
        LINE.answer(user, Answer.version(2, 0));
        assertThat(journaledAfter(user, "coins", 2)).as("coins empty, cash still holds").isTrue();
        assertThat(this.cache.get(user)).isPresent();
        LINE.answer(user, Answer.version(3, 0));
        assertThat(journaledAfter(user, "cash", 3)).as("every line empty").isFalse();
        LINE.answer(user, Answer.version(4, 5));
        assertThat(journaledAfter(user, "coupons", 4)).isTrue();
    }

    /**
     * Notifies a change, then answers whether the journal's entry for it holds the user
     * present.
     */
    private boolean journaledAfter(long userId, String line, long version) {
        String before = this.journal.head();
        notify(userId, line, version);
        List<PresenceDelta> entries = await().atMost(Duration.ofSeconds(30))
            .until(() -> this.journal.readAfter(before, 100)
                .stream()
                .filter((d) -> LongStream.of(d.present()).anyMatch((u) -> u == userId)
                        || LongStream.of(d.absent()).anyMatch((u) -> u == userId))
                .toList(), (found) -> !found.isEmpty());
        return LongStream.of(entries.get(0).present()).anyMatch((u) -> u == userId);
    }

    private void notify(long userId, String line, Long version) {
        this.kafka.send(Topics.NOTIFICATIONS, Long.toString(userId),
                this.json.writeValueAsString(AssetChangeNotification.of(userId, line, version)));
    }

    private void awaitVersion(long userId, String line, long version) {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.store.loadWallet(userId)
                .stream()
                .anyMatch((l) -> l.businessLine().equals(line) && l.version() == version));
    }

    private LineAssets line(long userId, String line) {
        return this.store.loadWallet(userId)
            .stream()
            .filter((l) -> l.businessLine().equals(line))
            .findFirst()
            .orElseThrow();
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            this.deadLetterProbe.poll(Duration.ofMillis(100)).forEach(this.deadLetters::add);
            return deadLettersOf(key).size() >= count;
        });
        return deadLettersOf(key);
    }

    private List<ConsumerRecord<String, String>> deadLettersOf(String key) {
        this.deadLetterProbe.poll(Duration.ofMillis(50)).forEach(this.deadLetters::add);
        return this.deadLetters.stream().filter((r) -> key.equals(r.key())).toList();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(Topics.HEADER_DLT_REASON).value(), StandardCharsets.UTF_8);
    }

    private double deadLetterCount(String reason) {
        var counter = this.meters.find(SyncMetrics.DEAD_LETTERS).tag(SyncMetrics.TAG_REASON, reason).counter();
        return (counter != null) ? counter.count() : 0;
    }

    private KafkaConsumer<String, String> deadLetterProbe() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS_DLT)
            .stream()
            .map((p) -> new TopicPartition(p.topic(), p.partition()))
            .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

}
