package org.walletplatform.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the order center's red-packet accounts, for integrators.
 *
 * <pre>{@code
 * RedPacketClient client = RedPacketClient.builder(URI.create("https://wallet.example.com")) // the gateway
 *     .bearerToken(() -> userToken)               // account calls act for the app user
 *     .businessLine("gala", lineSecret)           // order reads are signed by the line
 *     .timeout(Duration.ofSeconds(2))
 *     .attempts(3)
 *     .balanceCacheTtl(Duration.ofMillis(500))
 *     .build();
 * Balance balance = client.balance(42);          // settled + pending, right after issuance
 * long income = client.cumulativeIncome(42);
 * boolean issued = client.rewardExists("42_gala-cash_rain-1_cash_1");
 * Balance settled = client.settleNow(42);         // books what is pending now
 * }</pre>
 *
 * Every call here is idempotent, so each is retried (up to {@code attempts}, with
 * doubling pauses from 100 ms) when no answer comes, on 5xx and on 429; a 4xx refusal is
 * thrown at once as {@link WalletApiException}. Balances are cached for
 * {@code balanceCacheTtl} (0: never); an order found to exist is remembered (it never
 * disappears), up to 10,000 of them. Thread-safe.
 */
public final class RedPacketClient {

    private static final int REMEMBERED_ORDERS = 10_000;

    private final URI base;

    private final Duration timeout;

    private final int attempts;

    private final Duration balanceCacheTtl;

    private final Clock clock;

    private final HttpClient http;

    private final Credentials credentials;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<Long, Cached> balances = new ConcurrentHashMap<>();

    private final Set<String> existingOrders = Collections
        .synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_ORDERS;
            }
        }));

    private RedPacketClient(Builder builder) {
        this.base = builder.base;
        this.timeout = builder.timeout;
        this.attempts = builder.attempts;
        this.balanceCacheTtl = builder.balanceCacheTtl;
        this.clock = builder.clock;
        this.credentials = new Credentials(builder.bearerToken, builder.line, builder.lineSecret, builder.clock);
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(builder.timeout)
            .build();
    }

    public static Builder builder(URI orderCenter) {
        return new Builder(orderCenter);
    }

    /** The account's balance: settled + pending. */
    public Balance balance(long actId) {
        Cached cached = this.balances.get(actId);
        if (cached != null && this.clock.millis() < cached.expiresAtMs()) {
            return cached.balance();
        }
        Balance balance = this.json.treeToValue(
                call(HttpRequest.newBuilder(uri("/v1/accounts/" + actId + "/balance")).GET()).body(), Balance.class);
        remember(balance);
        return balance;
    }

    /** Everything ever credited to the account, pending packets included. */
    public long cumulativeIncome(long actId) {
        return balance(actId).incomeMinor();
    }

    /** Whether a reward with this order number was issued. */
    public boolean rewardExists(String orderNo) {
        if (this.existingOrders.contains(orderNo)) {
            return true;
        }
        Answer answer = call(HttpRequest.newBuilder(uri("/v1/rewards/" + orderNo)).GET(), 404);
        if (answer.status() == 404) {
            return false;
        }
        this.existingOrders.add(orderNo);
        return true;
    }

    /** Books the account's pending packets now; answers the balance after. */
    public Balance settleNow(long actId) {
        Balance balance = this.json
            .treeToValue(call(HttpRequest.newBuilder(uri("/v1/accounts/" + actId + "/settlement"))
                .POST(HttpRequest.BodyPublishers.noBody())).body(), Balance.class);
        remember(balance);
        return balance;
    }

    private void remember(Balance balance) {
        if (!this.balanceCacheTtl.isZero()) {
            this.balances.put(balance.actId(),
                    new Cached(balance, this.clock.millis() + this.balanceCacheTtl.toMillis()));
        }
    }

    private URI uri(String path) {
        return URI.create(this.base + path);
    }

    private Answer call(HttpRequest.Builder request, int... alsoExpected) {
        WalletApiException last = null;
        for (int attempt = 1; attempt <= this.attempts; attempt++) {
            if (attempt > 1) {
                pause(100L << (attempt - 2));
            }
            try {
                HttpResponse<String> response = this.http.send(this.credentials.apply(request.copy())
                    .timeout(this.timeout)
                    .header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                for (int expected : alsoExpected) {
                    if (status == expected) {
                        return new Answer(status, null);
                    }
                }
                if (status >= 200 && status < 300) {
                    return new Answer(status, this.json.readTree(response.body()));
                }
                last = refusal(status, response.body());
                if (status != 429 && status < 500) {
                    throw last;
                }
            }
            catch (IOException ex) {
                last = new WalletApiException(0, null, "No answer from the order center: " + ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new WalletApiException(0, null, "Interrupted");
            }
        }
        throw last;
    }

    private WalletApiException refusal(int status, String body) {
        try {
            JsonNode problem = this.json.readTree(body);
            return new WalletApiException(status, problem.path("type").asString(null),
                    problem.path("detail").asString("HTTP " + status));
        }
        catch (RuntimeException ex) {
            return new WalletApiException(status, null, "HTTP " + status);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private record Cached(Balance balance, long expiresAtMs) {

    }

    private record Answer(int status, JsonNode body) {

    }

    /** Settings of a {@link RedPacketClient}. */
    public static final class Builder {

        private final URI base;

        private Duration timeout = Duration.ofSeconds(2);

        private int attempts = 3;

        private Duration balanceCacheTtl = Duration.ofMillis(500);

        private Clock clock = Clock.systemUTC();

        private Supplier<String> bearerToken;

        private String line;

        private String lineSecret;

        private Builder(URI base) {
            this.base = base;
        }

        /** The longest one attempt may take (default 2 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Attempts per call, at least 1 (default 3). */
        public Builder attempts(int attempts) {
            this.attempts = Math.max(1, attempts);
            return this;
        }

        /** How long a balance is served from memory (default 500 ms; zero: never). */
        public Builder balanceCacheTtl(Duration ttl) {
            this.balanceCacheTtl = ttl;
            return this;
        }

        /**
         * The app user's bearer token, for the account calls through the gateway
         * (balance, income, settlement); asked for on every call, so it may refresh.
         */
        public Builder bearerToken(Supplier<String> token) {
            this.bearerToken = token;
            return this;
        }

        /**
         * Signs every call as this business line with its secret, as order reads
         * ({@link RedPacketClient#rewardExists}) require.
         */
        public Builder businessLine(String line, String secret) {
            this.line = line;
            this.lineSecret = secret;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public RedPacketClient build() {
            return new RedPacketClient(this);
        }

    }

}
