// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server on the loopback interface for benchmarks: one platform thread per connection, keep-alive,
 * request bodies by {@code Content-Length}, replies written whole or cut short on purpose.
 *
 * <p>Why not the JDK's {@code HttpServer}: on this 2-core machine it spent about 1.2 ms of processor time per request,
 * as much as the client being measured, so the bench measured the two sharing the processors. This one spends a
 * small fraction of that, as a model server on a machine of its own would.
 */
final class LoopbackHttp implements AutoCloseable {

    record Request(String method, String path, byte[] body) {
    }

    /**
     * A reply; {@code cutAfter} >= 0 sends only that many bytes of the body and then drops the connection, which the
     * client sees as a body ended early.
     */
    record Reply(int status, String contentType, Map<String, String> headers, byte[] body, int cutAfter) {
        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8), -1);
        }
    }

    interface Handler {
        Reply handle(Request request) throws IOException;
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket listener;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackHttp(ServerSocket listener, Handler handler) {
        this.listener = listener;
        this.handler = handler;
    }

    static LoopbackHttp start(Handler handler) throws IOException {
        LoopbackHttp http = new LoopbackHttp(new ServerSocket(0, 1024, InetAddress.getLoopbackAddress()), handler);
        Thread.ofPlatform().daemon().name("bench-http-accept").start(http::accept);
        return http;
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread.ofPlatform().daemon().name("bench-http").start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("bench server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024)) {
            while (!closed) {
                Head head = Head.read(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(head.contentLength());
                Reply reply = handler.handle(new Request(head.method(), head.path(), body));
                if (!write(out, reply) || head.closeAfter()) {
                    return;
                }
            }
        } catch (SocketException e) {
            // The client went away.
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("bench server: " + e);
            }
        } finally {
            open.remove(socket);
        }
    }

    /** Writes a reply; false when it was cut and the connection must be dropped. */
    private static boolean write(OutputStream out, Reply reply) throws IOException {
        StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reason(reply.status())).append("\r\nContent-Type: ").append(reply.contentType())
                .append("\r\nContent-Length: ").append(reply.body().length).append("\r\n");
        reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        boolean cut = reply.cutAfter() >= 0;
        out.write(reply.body(), 0, cut ? Math.min(reply.cutAfter(), reply.body().length) : reply.body().length);
        out.flush();
        return !cut;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    /** A request's line and the headers the server needs. */
    private record Head(String method, String path, int contentLength, boolean closeAfter) {

        /** Reads one request head; null at the end of the connection. */
        static Head read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null) {
                return null;
            }
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                throw new IOException("not an HTTP request: " + line);
            }
            int length = 0;
            boolean close = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("connection")) {
                    close = value.equalsIgnoreCase("close");
                } else if (name.equals("transfer-encoding")) {
                    throw new IOException("chunked request bodies are not supported");
                }
            }
            return new Head(parts[0], parts[1], length, close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    return line.isEmpty() ? null : line.toString();
                }
                if (b == '\n') {
                    int end = line.length();
                    return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
                }
                if (line.length() >= MAX_HEAD_BYTES) {
                    throw new IOException("request head too long");
                }
                line.append((char) b);
            }
        }
    }
}
