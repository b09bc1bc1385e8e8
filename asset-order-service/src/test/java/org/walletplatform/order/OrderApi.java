package org.walletplatform.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order service's HTTP API as a test calls it. */
public final class OrderApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    private final JsonMapper json;

    public OrderApi(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return this.http.send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
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
