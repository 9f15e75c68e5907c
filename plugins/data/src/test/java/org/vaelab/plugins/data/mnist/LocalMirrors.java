package org.vaelab.plugins.data.mnist;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Download mirrors on a local HTTP server (the loopback address, a free port), each at its own
 * path, serving files held in memory and counting the requests for each file. Nothing leaves the
 * machine.
 */
final class LocalMirrors implements AutoCloseable {

    private final HttpServer server;
    /** Runs the handlers, so that stopping the server need not wait for a stalled one. */
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    LocalMirrors() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.start();
    }

    /** A base URL on the loopback address where nothing listens, so connecting is refused. */
    static String refusing() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    /** Adds a mirror at {@code /name/} serving {@code files} (404 for others); returns its base URL. */
    String serving(String name, Map<String, byte[]> files) {
        return failingFirst(name, files, 0, 200);
    }

    /**
     * Adds a mirror that answers the first {@code failures} requests for each file with
     * {@code status} and no body, and then serves it; returns its base URL.
     */
    String failingFirst(String name, Map<String, byte[]> files, int failures, int status) {
        return add(name, (exchange, file, count) -> {
            byte[] body = files.get(file);
            if (body == null || count <= failures) {
                exchange.sendResponseHeaders(body == null ? 404 : status, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
    }

    /** Adds a mirror that sends half of each file, then stalls for {@code stallMillis} before the rest. */
    String stalling(String name, Map<String, byte[]> files, long stallMillis) {
        return add(name, (exchange, file, count) -> {
            byte[] body = files.get(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(Arrays.copyOf(body, body.length / 2));
                out.flush();
                Thread.sleep(stallMillis);
                out.write(Arrays.copyOfRange(body, body.length / 2, body.length));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client gave up waiting, as it should.
            }
        });
    }

    /** How many times {@code file} was asked of the mirror {@code name}. */
    int requests(String name, String file) {
        AtomicInteger count = requests.get(name + "/" + file);
        return count == null ? 0 : count.get();
    }

    /** The requests to every mirror for every file. */
    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private String add(String name, Responder responder) {
        String prefix = "/" + name + "/";
        server.createContext(prefix, exchange -> {
            String file = exchange.getRequestURI().getPath().substring(prefix.length());
            int count = requests.computeIfAbsent(name + "/" + file, key -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                responder.respond(exchange, file, count);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** Answers one request for {@code file}, the {@code count}-th for it. */
    @FunctionalInterface
    private interface Responder {
        void respond(HttpExchange exchange, String file, int count) throws IOException;
    }
}
