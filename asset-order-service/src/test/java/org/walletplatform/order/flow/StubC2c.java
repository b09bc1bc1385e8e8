package org.walletplatform.order.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cItem;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cPage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A C2C red-packet service for tests: the C2cFlowContract over the items a test adds, and
 * a switch that makes it answer 503.
 */
public final class StubC2c implements AutoCloseable {

    private final HttpServer server;

    private final Map<Long, List<C2cItem>> items = new ConcurrentHashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();

    private volatile boolean down;

    public StubC2c() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.createContext("/v1/accounts/", this::handle);
        this.server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void add(long actId, C2cItem item) {
        this.items.computeIfAbsent(actId, (a) -> new CopyOnWriteArrayList<>()).add(item);
    }

    public void down(boolean down) {
        this.down = down;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (this.down) {
            reply(exchange, 503, "{}");
            return;
        }
        URI uri = exchange.getRequestURI();
        long actId = Long.parseLong(uri.getPath().split("/")[3]);
        Map<String, String> query = (uri.getRawQuery() == null) ? Map.of() : java.util.Arrays
            .stream(uri.getRawQuery().split("&"))
            .map((pair) -> pair.split("=", 2))
            .collect(Collectors.toMap((p) -> p[0], (p) -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        Long beforeMs = query.containsKey("beforeMs") ? Long.valueOf(query.get("beforeMs")) : null;
        String beforeId = query.getOrDefault("beforeId", "");
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        List<C2cItem> page = this.items.getOrDefault(actId, List.of())
            .stream()
            .filter((item) -> beforeMs == null || item.atMs() < beforeMs
                    || (item.atMs() == beforeMs && item.id().compareTo(beforeId) < 0))
            .sorted(Comparator.comparingLong(C2cItem::atMs).thenComparing(C2cItem::id).reversed())
            .limit(limit)
            .toList();
        reply(exchange, 200, this.json.writeValueAsString(new C2cPage(page)));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
