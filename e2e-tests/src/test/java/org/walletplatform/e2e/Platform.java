package org.walletplatform.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.walletplatform.model.signing.RequestSignature;

/**
 * The built service jars started as separate processes with the {@code test} profile
 * (ports 180xx, test databases, the test broker), exactly as they run in production but
 * for the profile. Logs go to {@code e2e-tests/target/e2e-logs}.
 */
final class Platform implements AutoCloseable {

    static final int GATEWAY = 18080;

    static final int SIMULATOR = 18090;

    /**
     * The order center, straight: business-line calls the tests make without the gateway.
     * Its user and admin routes refuse anything that did not come through the gateway.
     */
    static final int ORDER_CENTER = 18084;

    /** The gateway's health is on its management port, not the public one. */
    static final int GATEWAY_MANAGEMENT = 19080;

    private static final List<Service> SERVICES = List.of(new Service("business-line-simulator", SIMULATOR),
            new Service("wallet-write-service", 18082), new Service("sync-worker", 18083),
            new Service("wallet-read-service", 18081), new Service("asset-order-service", ORDER_CENTER),
            new Service("gateway", GATEWAY_MANAGEMENT));

    /**
     * HTTP/1.1 as the services speak it: the JDK client's default tries an h2c upgrade on
     * every new connection, and two runs each had one request through the gateway hang
     * for 30 s (cause not established).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Generous: a service restarted by a test answers its first requests slowly (class
     * loading, JIT, the sharding parser).
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private static Platform shared;

    private final Map<String, Process> processes = new LinkedHashMap<>();

    private final DevTokens tokens = new DevTokens(Path.of("target", "e2e-keys"));

    /**
     * One platform for every end-to-end test class in this JVM, stopped when the JVM
     * exits.
     */
    static synchronized Platform shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private static Platform start() {
        Platform platform = new Platform();
        try {
            SERVICES.forEach(platform::launch);
            SERVICES.forEach(platform::awaitHealthy);
            return platform;
        }
        catch (RuntimeException ex) {
            platform.close();
            throw ex;
        }
    }

    private void launch(Service service) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = Path.of("target", "e2e-logs");
        try (Stream<Path> jars = Files.list(root.resolve(service.module()).resolve("target"))) {
            Path jar = jars.filter((p) -> p.getFileName().toString().matches(service.module() + "-[0-9].*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jar for " + service.module() + "; run mvn verify"));
            Files.createDirectories(logs);
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djdk.virtualThreadScheduler.parallelism=8", "-jar", jar.toString(),
                    "--spring.profiles.active=test")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module() + ".log").toFile()));
            // as in production: services accept user and admin calls only from the
            // gateway
            builder.environment().put("WALLET_CALLER_REQUIRED", "true");
            builder.environment().put("WALLET_JWT_PUBLIC_KEY", "file:" + this.tokens.publicKey().toAbsolutePath());
            Process process = builder.start();
            this.processes.put(service.module(), process);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void awaitHealthy(Service service) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = get(service.port(), "/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (UncheckedIOException ex) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException(service.module() + " not healthy in time; see target/e2e-logs" + File.separator
                + service.module() + ".log");
    }

    /**
     * Kills a service the hard way (SIGKILL: no shutdown hooks, nothing flushed or given
     * back) and starts it again.
     */
    void killAndRestart(String module) {
        Service service = SERVICES.stream().filter((s) -> s.module().equals(module)).findFirst().orElseThrow();
        Process process = this.processes.get(module);
        process.destroyForcibly();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        launch(service);
        awaitHealthy(service);
    }

    /**
     * The sum of {@code select} (one number, over table {@code TABLE}) across every order
     * shard table.
     */
    long overOrderShards(String select, String table) {
        long total = 0;
        for (int db = 0; db < 2; db++) {
            try (java.sql.Connection connection = java.sql.DriverManager
                .getConnection("jdbc:mariadb://127.0.0.1:3306/order_test_ds_" + db, "root", "")) {
                for (int t = 0; t < 2; t++) {
                    try (java.sql.ResultSet row = connection.createStatement()
                        .executeQuery(select.replace("TABLE", table + "_" + t))) {
                        row.next();
                        total += row.getLong(1);
                    }
                }
            }
            catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return total;
    }

    HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).timeout(ANSWER_WITHIN).build());
    }

    /**
     * A bearer token for app user (or subject) {@code subject}, as an identity provider
     * would issue.
     */
    String userToken(Object subject) {
        return this.tokens.user(subject.toString());
    }

    String adminToken(String subject) {
        return this.tokens.admin(subject);
    }

    /** Any request, with the bearer token if there is one. */
    HttpResponse<String> send(int port, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
            .timeout(ANSWER_WITHIN)
            .method(method,
                    (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> getAs(String token, String path) {
        return send(GATEWAY, "GET", path, token, null);
    }

    HttpResponse<String> post(int port, String path, String json) {
        return send(HttpRequest.newBuilder(uri(port, path))
            .timeout(ANSWER_WITHIN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /** A POST signed as business line {@code line} with its development secret. */
    HttpResponse<String> postSigned(int port, String path, String line, String json) {
        return sendSigned(port, "POST", path, line, json);
    }

    /**
     * A request signed as business line {@code line} with its development secret (the
     * signature covers the path without its query).
     */
    HttpResponse<String> sendSigned(int port, String method, String path, String line, String json) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        return send(HttpRequest.newBuilder(uri(port, path))
            .timeout(ANSWER_WITHIN)
            .header("Content-Type", "application/json")
            .header(RequestSignature.LINE, line)
            .header(RequestSignature.TIMESTAMP, Long.toString(timestamp))
            .header(RequestSignature.NONCE, nonce)
            .header(RequestSignature.SIGNATURE,
                    RequestSignature.sign("dev-secret-" + line, method, path.replaceFirst("\\?.*", ""), timestamp,
                            nonce, json.getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    HttpResponse<String> sendWithHeaders(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(ANSWER_WITHIN);
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        this.processes.values().forEach(Process::destroy);
        for (Process process : this.processes.values()) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Service(String module, int port) {
    }

}
