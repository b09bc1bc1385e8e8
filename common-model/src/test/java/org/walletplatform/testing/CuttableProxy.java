package org.walletplatform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on loopback in front of a real server, whose link can be cut and
 * restored: a test's way of taking Redis or MySQL away from one service without stopping
 * the server everything else uses. Shared through this module's test jar.
 */
public final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;

    private final int upstreamPort;

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private volatile boolean cut;

    public CuttableProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return this.server.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        this.cut = true;
        this.open.forEach(CuttableProxy::closeQuietly);
        this.open.clear();
    }

    public void restore() {
        this.cut = false;
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                if (this.cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.upstreamPort);
                // checked again under cut's lock: a link accepted while cut() ran, and
                // registered after it had closed the others, would outlive the cut (a
                // pool filling itself in the background got one so, and a query went
                // through the "cut" link)
                if (!register(client, upstream)) {
                    continue;
                }
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            }
            catch (IOException ex) {
                // server closed, or upstream refused: the client sees a closed connection
            }
        }
    }

    private synchronized boolean register(Socket client, Socket upstream) {
        if (this.cut) {
            closeQuietly(client);
            closeQuietly(upstream);
            return false;
        }
        this.open.add(client);
        this.open.add(upstream);
        return true;
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ex) {
            // link cut
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            this.server.close();
        }
        catch (IOException ex) {
            // already closed
        }
    }

}
