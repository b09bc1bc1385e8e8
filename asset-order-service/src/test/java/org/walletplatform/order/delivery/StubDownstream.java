package org.walletplatform.order.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reward downstream on a real port, speaking {@code GrantContract} (as the simulator
 * does), with scripted behaviour per order number: fail the first n PUTs, apply but lose
 * the reply, hang, or refuse.
 */
final class StubDownstream implements AutoCloseable {

    enum Behaviour {

        OK, FAIL_TWICE, LOST_REPLY, HANG, REFUSE

    }

    private final HttpServer server;

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    StubDownstream() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.createContext("/v1/grants/", this::handle);
        this.server.start();
    }

    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    void behave(String orderNo, Behaviour behaviour) {
        this.behaviours.put(orderNo, behaviour);
    }

    int puts(String orderNo) {
        return this.puts.getOrDefault(orderNo, new AtomicInteger()).get();
    }

    int applications(String orderNo) {
        return this.applied.getOrDefault(orderNo, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String orderNo = exchange.getRequestURI().getPath().substring("/v1/grants/".length());
        exchange.getRequestBody().readAllBytes();
        if ("GET".equals(exchange.getRequestMethod())) {
            reply(exchange, (applications(orderNo) > 0) ? 200 : 404);
            return;
        }
        int attempt = this.puts.computeIfAbsent(orderNo, (o) -> new AtomicInteger()).incrementAndGet();
        Behaviour behaviour = this.behaviours.getOrDefault(orderNo, Behaviour.OK);
        switch (behaviour) {
            case FAIL_TWICE -> {
                if (attempt <= 2) {
                    reply(exchange, 503);
                    return;
                }
            }
            case HANG -> {
                try {
                    Thread.sleep(10_000);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            case REFUSE -> {
                reply(exchange, 422);
                return;
            }
            default -> {
            }
        }
        // applying is idempotent by order number
        this.applied.computeIfAbsent(orderNo, (o) -> new AtomicInteger()).compareAndSet(0, 1);
        reply(exchange, (behaviour == Behaviour.LOST_REPLY) ? 503 : 200);
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}
