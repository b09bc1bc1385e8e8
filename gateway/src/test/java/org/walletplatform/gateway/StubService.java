package org.walletplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for every service behind the gateway: records what reached it and answers 200
 * with a small JSON body, plus any header a request asks for in {@value #ANSWER_HEADER}
 * ({@code Name: value}); a request carrying {@value #HANG_UP_HEADER} gets its connection
 * closed instead.
 */
final class StubService implements AutoCloseable {

    static final String ANSWER_HEADER = "X-Stub-Answer-Header";

    static final String HANG_UP_HEADER = "X-Stub-Hang-Up";

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** The gateway's ports of every connection a request came on, never cleared. */
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private volatile String jwks = "{\"keys\":[]}";

    StubService() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/.well-known/jwks.json", (exchange) -> {
            byte[] answer = this.jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        this.server.createContext("/", (exchange) -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            this.clientPorts.add(exchange.getRemoteAddress().getPort());
            this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getPort()));
            if (exchange.getRequestHeaders().containsKey(HANG_UP_HEADER)) {
                // closed before any answer: the JDK server drops the connection
                exchange.close();
                return;
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            for (String header : exchange.getRequestHeaders().getOrDefault(ANSWER_HEADER, List.of())) {
                int colon = header.indexOf(':');
                exchange.getResponseHeaders().add(header.substring(0, colon), header.substring(colon + 1).trim());
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        this.server.start();
    }

    /** Publishes a JWK Set at {@code /.well-known/jwks.json}. */
    void publishJwks(String jwks) {
        this.jwks = jwks;
    }

    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    List<Received> received() {
        return this.received;
    }

    Set<Integer> clientPorts() {
        return Set.copyOf(this.clientPorts);
    }

    Received last() {
        return this.received.get(this.received.size() - 1);
    }

    void clear() {
        this.received.clear();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    /** A request as it arrived, and the gateway's port of the connection it came on. */
    record Received(String method, String path, Headers headers, String body, int clientPort) {
    }

}
