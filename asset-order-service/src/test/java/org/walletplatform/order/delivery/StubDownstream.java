package org.walletplatform.order.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A reward downstream on a real port, speaking {@code GrantContract} (as the simulator
 * does), with scripted behaviour per order number: fail the first n PUTs, apply but lose
 * the reply, hang, or refuse.
 */
public final class StubDownstream implements AutoCloseable {

    public enum Behaviour {

        OK, FAIL_TWICE, LOST_REPLY, HANG, REFUSE

    }

    private final HttpServer server;

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    private final LongAdder appliedAmount = new LongAdder();

    private static final Pattern AMOUNT = Pattern.compile("\"amountMinor\":(\\d+)");

    public StubDownstream() {
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

    public String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void behave(String orderNo, Behaviour behaviour) {
        this.behaviours.put(orderNo, behaviour);
    }

    public int puts(String orderNo) {
        return this.puts.getOrDefault(orderNo, new AtomicInteger()).get();
    }

    /** The sum of the amounts of every grant applied (each once). */
    public long appliedAmount() {
        return this.appliedAmount.sum();
    }

    public int applications(String orderNo) {
        return this.applied.getOrDefault(orderNo, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String orderNo = exchange.getRequestURI().getPath().substring("/v1/grants/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
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
        if (this.applied.computeIfAbsent(orderNo, (o) -> new AtomicInteger()).compareAndSet(0, 1)) {
            Matcher amount = AMOUNT.matcher(body);
            this.appliedAmount.add(amount.find() ? Long.parseLong(amount.group(1)) : 0);
        }
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
