package org.walletplatform.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.walletplatform.model.signing.RequestSignature;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order service's HTTP API as a test calls it: every request signed as the business
 * line {@code gala} (granted every scene in the test profile), as issuance and order
 * reads must be.
 */
public final class OrderApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The line the tests issue as. */
    public static final String LINE = "gala";

    private final int port;

    private final JsonMapper json;

    public OrderApi(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, "application/json", "*/*", body);
    }

    /**
     * A signed request in a format of the caller's choosing (the API speaks JSON only).
     */
    public HttpResponse<String> send(String method, String path, String contentType, String accept, String body)
            throws Exception {
        return this.http.send(signed(request(path), method, path, LINE, body).header("Content-Type", contentType)
            .header("Accept", accept)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends again while the answer is 503 (a store did not answer in time), as the
     * problem's detail tells a client to. The racing tests use it: on loaded CI boxes a
     * store stalled past its timeout under 32 racing withdrawals once, and under 8 racing
     * identity binds once. Every retried write is idempotent, so what a race asserts
     * holds either way.
     */
    public static HttpResponse<String> retryingOn503(Callable<HttpResponse<String>> send) throws Exception {
        HttpResponse<String> response = send.call();
        for (int retry = 0; retry < 5 && response.statusCode() == 503; retry++) {
            Thread.sleep(200);
            response = send.call();
        }
        return response;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return this.http.send(signed(request(path), "GET", path, LINE, "").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs as {@code line} with its development secret, the way a business line does.
     */
    public static HttpRequest.Builder signed(HttpRequest.Builder request, String method, String path, String line,
            String body) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        return request.header(RequestSignature.LINE, line)
            .header(RequestSignature.TIMESTAMP, Long.toString(timestamp))
            .header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE, RequestSignature.sign("dev-secret-" + line, method,
                    path.replaceFirst("\\?.*", ""), timestamp, nonce, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Issues a cash red packet of the activity {@code gala}. */
    public HttpResponse<String> issueCash(long actId, String sceneId, String rainId, long amount) throws Exception {
        return post("/v1/rewards",
                "{\"actId\":" + actId + ",\"activityId\":\"gala\",\"sceneId\":\"" + sceneId + "\",\"rainId\":\""
                        + rainId + "\",\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":" + amount + "}");
    }

    public HttpResponse<String> withdraw(long actId, String withdrawalNo, long amount) throws Exception {
        return post("/v1/withdrawals",
                "{\"actId\":" + actId + ",\"withdrawalNo\":\"" + withdrawalNo + "\",\"amountMinor\":" + amount + "}");
    }

    public JsonNode balance(long actId) throws Exception {
        return body(get("/v1/accounts/" + actId + "/balance"));
    }

    public JsonNode body(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

    public String problemType(HttpResponse<String> response) {
        return body(response).get("type").asString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(10));
    }

}
