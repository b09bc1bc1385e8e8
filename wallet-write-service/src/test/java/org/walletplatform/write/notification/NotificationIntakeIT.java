package org.walletplatform.write.notification;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.walletplatform.model.notification.RefreshRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The intake over real HTTP against the real broker: accepted notifications are on the
 * topic keyed by user id; refused ones are answered 400 problem+json naming the field,
 * and nothing of them reaches the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationIntakeIT extends IntakeHttpIT {

    @Test
    void shouldEnqueueOneNotificationKeyedByUserAndAnswer202() throws Exception {
        HttpResponse<String> response = post("/v1/notifications",
                "{\"userId\":9001,\"businessLine\":\"cash\",\"version\":17}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(this.json.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, String>> records = drain(1);
        assertThat(records).singleElement().satisfies((r) -> {
            assertThat(r.key()).isEqualTo("9001");
            JsonNode value = this.json.readTree(r.value());
            assertThat(value.get("userId").asLong()).isEqualTo(9001);
            assertThat(value.get("businessLine").asString()).isEqualTo("cash");
            assertThat(value.get("version").asLong()).isEqualTo(17);
        });
    }

    @Test
    void shouldEnqueueAFullBatchOf500() throws Exception {
        String body = IntStream.rangeClosed(1, 500)
            .mapToObj((i) -> "{\"userId\":" + (20_000 + i) + ",\"businessLine\":\"coupons\"}")
            .collect(Collectors.joining(",", "{\"notifications\":[", "]}"));

        HttpResponse<String> response = post("coupons", "/v1/notifications:batch", body);

        assertThat(response.statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, String>> records = drain(500);
        assertThat(records).hasSize(500);
        assertThat(records).extracting(ConsumerRecord::key)
            .containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 500).mapToObj((i) -> "" + (20_000 + i)).toList());
    }

    @Test
    void shouldEnqueueAPullOfEveryPushLineOfEveryUserOfARefreshRequest() throws Exception {
        HttpResponse<String> response = postRefresh("{\"userIds\":[31337,31338]}");

        assertThat(response.statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, String>> records = drain(10);
        assertThat(records).hasSize(10);
        for (String user : List.of("31337", "31338")) {
            assertThat(records).filteredOn((r) -> r.key().equals(user))
                .extracting((r) -> this.json.readTree(r.value()).get("businessLine").asString())
                .containsExactlyInAnyOrder("cash", "cashback", "coupons", "coins", "redpacket");
        }
    }

    static Stream<Arguments> badRefreshRequests() {
        String tooMany = IntStream.rangeClosed(1, RefreshRequest.MAX_USERS + 1)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "{\"userIds\":[", "]}"));
        return Stream.of(Arguments.of("{\"userIds\":[]}", "userIds"), Arguments.of(tooMany, "userIds"),
                Arguments.of("{\"userId\":1}", "userIds"), Arguments.of("{\"userIds\":[1,0]}", "userIds[1]"),
                Arguments.of("{\"userIds\":[null]}", "userIds[0]"));
    }

    @ParameterizedTest
    @MethodSource("badRefreshRequests")
    void shouldRefuseABadRefreshRequestAndEnqueueNothing(String body, String field) throws Exception {
        long before = this.topic.endOffsetSum();
        HttpResponse<String> response = postRefresh(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = this.json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://walletplatform.org/problems/validation");
        assertThat(namedFields(problem)).contains(field);
        assertThat(this.topic.endOffsetSum()).as("nothing enqueued").isEqualTo(before);
    }

    private HttpResponse<String> postRefresh(String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + RefreshRequest.PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream<Arguments> badInputs() {
        String tooMany = IntStream.rangeClosed(1, 501)
            .mapToObj((i) -> "{\"userId\":" + i + ",\"businessLine\":\"cash\"}")
            .collect(Collectors.joining(",", "{\"notifications\":[", "]}"));
        String oneBadInBatch = "{\"notifications\":[{\"userId\":1,\"businessLine\":\"cash\"},"
                + "{\"userId\":2,\"businessLine\":\"nope\"}]}";
        return Stream.of(Arguments.of("/v1/notifications", "{\"userId\":1,", "malformed-request", null),
                Arguments.of("/v1/notifications", "[]", "malformed-request", null),
                Arguments.of("/v1/notifications", "{\"userId\":1,\"businessLine\":\"nope\"}", "unknown-business-line",
                        "businessLine"),
                Arguments.of("/v1/notifications", "{\"businessLine\":\"cash\"}", "validation", "userId"),
                Arguments.of("/v1/notifications", "{\"userId\":\"abc\",\"businessLine\":\"cash\"}", "malformed-request",
                        "userId"),
                Arguments.of("/v1/notifications", "{\"userId\":0,\"businessLine\":\"cash\"}", "validation", "userId"),
                Arguments.of("/v1/notifications", "{\"userId\":-3,\"businessLine\":\"cash\"}", "validation", "userId"),
                Arguments.of("/v1/notifications", "{\"userId\":1,\"businessLine\":\"Cash!\"}", "validation",
                        "businessLine"),
                Arguments.of("/v1/notifications", "{\"userId\":1}", "validation", "businessLine"),
                Arguments.of("/v1/notifications", "{\"userId\":1,\"businessLine\":\"cash\",\"version\":-1}",
                        "validation", "version"),
                Arguments.of("/v1/notifications",
                        "{\"userId\":1,\"businessLine\":\"cash\",\"version\":9007199254740992}", "validation",
                        "version"),
                Arguments.of("/v1/notifications", "{\"userId\":1,\"businessLine\":\"cash\",\"version\":1e30}",
                        "malformed-request", "version"),
                Arguments.of("/v1/notifications", "{\"userId\":99999999999999999999,\"businessLine\":\"cash\"}",
                        "malformed-request", "userId"),
                Arguments.of("/v1/notifications", "{\"userId\":1,\"businessLine\":\"cash\",\"userId\":2}",
                        "malformed-request", "userId"),
                Arguments.of("/v1/notifications:batch", tooMany, "batch-too-large", "notifications"),
                Arguments.of("/v1/notifications:batch", "{\"notifications\":[]}", "validation", "notifications"),
                Arguments.of("/v1/notifications:batch", oneBadInBatch, "unknown-business-line",
                        "notifications[1].businessLine"),
                Arguments.of("/v1/notifications:batch",
                        "{\"notifications\":[{\"userId\":1,\"businessLine\":\"cash\"},{\"userId\":\"x\",\"businessLine\":\"cash\"}]}",
                        "malformed-request", "notifications[1].userId"),
                Arguments.of("/v1/notifications:batch",
                        "{\"notifications\":[{\"userId\":1,\"businessLine\":\"cash\"}],\"notifications\":[]}",
                        "malformed-request", "notifications"),
                Arguments.of("/v1/notifications:batch",
                        "{\"notifications\":[{\"userId\":1,\"businessLine\":\"cash\"},"
                                + "{\"userId\":2,\"businessLine\":\"cash\",\"userId\":3}]}",
                        "malformed-request", "notifications[1].userId"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void shouldRefuseBadInputWithAProblemNamingTheFieldAndEnqueueNothing(String path, String body, String type,
            String field) throws Exception {
        long before = this.topic.endOffsetSum();
        HttpResponse<String> response = post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = this.json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://walletplatform.org/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        if (field != null) {
            assertThat(namedFields(problem)).contains(field);
        }
        // a 202 is only sent after the broker acknowledged, so an unchanged end offset
        // right after means nothing
        assertThat(this.topic.endOffsetSum()).as("nothing enqueued").isEqualTo(before);
    }

    private static List<String> namedFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("field")) {
            fields.add(problem.get("field").asString());
        }
        if (problem.has("violations")) {
            problem.get("violations").forEach((v) -> fields.add(v.get("field").asString()));
        }
        return fields;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post("cash", path, body);
    }

    /** A request signed as {@code line} with its development secret. */
    private HttpResponse<String> post(String line, String path, String body) throws Exception {
        return this.http.send(SignedRequests.signed(URI.create("http://127.0.0.1:" + this.port + path), line,
                "dev-secret-" + line, body), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads what reached the topic, waiting for {@code expected} records. */
    private List<ConsumerRecord<String, String>> drain(int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            this.topic.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= expected;
        });
        return records;
    }

}
