package org.walletplatform.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.line.SnapshotBatchRequest;
import org.walletplatform.model.line.SnapshotBatchResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A business line on a real HTTP port that serves the snapshot contract with programmable
 * answers per user and counts every snapshot it was asked for. Users without a programmed
 * answer hold nothing at version 0.
 */
public final class FakeBusinessLine implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpServer server;

    private final Map<Long, List<Answer>> answers = new ConcurrentHashMap<>();

    private final Map<Long, AtomicInteger> asked = new ConcurrentHashMap<>();

    private final AtomicInteger calls = new AtomicInteger();

    public FakeBusinessLine() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        this.server.start();
    }

    /**
     * Base URL of line {@code line}: every line shares this server and is told apart by
     * the path.
     */
    public String url(String line) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + line;
    }

    /** The user's next answers, in order; the last one repeats. */
    public void answer(long userId, Answer... next) {
        this.answers.put(userId, new ArrayList<>(List.of(next)));
    }

    /** Forgets every answer set and every call counted. */
    public void reset() {
        this.answers.clear();
        this.asked.clear();
        this.calls.set(0);
    }

    public int timesAsked(long userId) {
        AtomicInteger count = this.asked.get(userId);
        return (count != null) ? count.get() : 0;
    }

    public int calls() {
        return this.calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        this.calls.incrementAndGet();
        String[] path = exchange.getRequestURI().getPath().split("/");
        String line = path[1];
        try (exchange) {
            if (path[path.length - 1].equals("snapshots:batch")) {
                SnapshotBatchRequest request = this.json.readValue(exchange.getRequestBody(),
                        SnapshotBatchRequest.class);
                List<AssetSnapshot> snapshots = new ArrayList<>();
                for (long userId : request.userIds()) {
                    Answer answer = next(userId);
                    if (answer.status() != 200) {
                        reply(exchange, answer.status(), "{}");
                        return;
                    }
                    if (answer.rawBody() == null) {
                        snapshots.add(answer.snapshot(userId, line));
                    }
                }
                reply(exchange, 200, this.json.writeValueAsString(new SnapshotBatchResponse(snapshots)));
            }
            else {
                long userId = Long.parseLong(path[path.length - 1]);
                Answer answer = next(userId);
                reply(exchange, answer.status(), (answer.rawBody() != null) ? answer.rawBody()
                        : this.json.writeValueAsString(answer.snapshot(userId, line)));
            }
        }
    }

    private Answer next(long userId) {
        this.asked.computeIfAbsent(userId, (u) -> new AtomicInteger()).incrementAndGet();
        List<Answer> queue = this.answers.get(userId);
        if (queue == null || queue.isEmpty()) {
            return Answer.version(0, 0);
        }
        return (queue.size() > 1) ? queue.remove(0) : queue.get(0);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    /**
     * One programmed answer: a snapshot of a version and amount (amount 0: the line holds
     * nothing), an error status, or a raw (bad) body.
     */
    public record Answer(long version, long amountMinor, int status, String rawBody) {

        public static Answer version(long version, long amountMinor) {
            return new Answer(version, amountMinor, 200, null);
        }

        public static Answer status(int status) {
            return new Answer(0, 0, status, null);
        }

        public static Answer raw(String body) {
            return new Answer(0, 0, 200, body);
        }

        AssetSnapshot snapshot(long userId, String line) {
            List<AssetItem> items = (this.amountMinor == 0) ? List.of()
                    : List.of(new AssetItem(line, line, line, this.amountMinor, "CNY"));
            return new AssetSnapshot(userId, line, this.version, items);
        }

    }

}
