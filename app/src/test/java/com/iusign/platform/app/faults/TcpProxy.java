package com.iusign.platform.app.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that a test puts in front of a server to break the network without touching
 * the server: {@link #cut()} closes every connection and refuses new ones (a server that went away,
 * a reset); {@link #blackhole()} keeps every connection open but lets no byte through either way
 * and accepts new ones without ever answering (a silent partition: no reset, no error, only
 * silence); {@link #heal()} ends the blackhole — the connections that lived through it are closed,
 * as TCP would once its retransmissions gave up, and new ones pass again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean silent;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this(targetHost, targetPort, 0);
    }

    /** A proxy on a chosen loopback port (0: any free one), so that a restarted server can be reached at the same address. */
    public TcpProxy(String targetHost, int targetPort, int port) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-" + listener.getLocalPort()).start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every connection closed and new ones closed at once, until {@link #heal()}. */
    public void cut() {
        cut = true;
        links.forEach(Link::close);
    }

    /** From now on no byte passes and nothing is closed, until {@link #heal()}. */
    public void blackhole() {
        silent = true;
    }

    /** Traffic passes again; connections that lived through a blackhole are closed (their bytes were lost). */
    public void heal() {
        if (silent) {
            links.forEach(Link::close);
        }
        silent = false;
        cut = false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
        listener.close();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                quietly(client);
                continue;
            }
            Thread.ofVirtual().start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Link link = new Link(client);
        links.add(link);
        if (silent) {
            // A silent network: the connection neither completes nor fails; it waits for heal() to close it.
            return;
        }
        try {
            link.server = new Socket(targetHost, targetPort);
        } catch (IOException e) {
            link.close();
            return;
        }
        Thread.ofVirtual().start(() -> pump(link, client, link.server));
        Thread.ofVirtual().start(() -> pump(link, link.server, client));
    }

    /** Copies bytes while the network passes them; during a blackhole they are read and dropped, as lost packets. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (silent) {
                    link.lostBytes = true;
                    continue;
                }
                if (link.lostBytes) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            link.close();
        }
    }

    private final class Link {
        final Socket client;
        volatile Socket server;
        volatile boolean lostBytes;

        Link(Socket client) {
            this.client = client;
        }

        void close() {
            links.remove(this);
            quietly(client);
            if (server != null) {
                quietly(server);
            }
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
