package com.partnerb2b.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request written byte for byte on a socket to 127.0.0.1, so that a test controls the exact target
 * (dot segments, escapes) that usual HTTP clients would rewrite; the answer is read to the end of the
 * connection. Shared with the end-to-end tests (this module's test jar), which send what
 * {@link java.net.http.HttpClient} refuses to.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body, String raw) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private RawHttp() {
    }

    static Answer get(int port, String target, String requestId) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (requestId != null) {
            request.append("X-Request-Id: ").append(requestId).append("\r\n");
        }
        return exchange(port, request.append("\r\n").toString());
    }

    static Answer exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(15));
    }

    /**
     * Writes {@code request} (head and body) as given to 127.0.0.1:{@code port} — loopback only, whatever
     * host the request names; the answer is read to the connection's end.
     */
    static Answer exchange(int port, byte[] request, Duration timeout) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            String raw = readToEnd(socket.getInputStream(), timeout);
            return parse(raw);
        }
    }

    private static String readToEnd(InputStream in, Duration timeout) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("No end of answer within " + timeout + "; so far: " + received.toString(StandardCharsets.UTF_8), e);
        } catch (IOException reset) {
            // A connection reset after some bytes is an answer too: the caller sees what arrived.
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.") || headEnd < 0) {
            return new Answer(-1, Map.of(), "", raw);
        }
        String[] lines = raw.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            // A repeated field reads as its values joined (RFC 9110, 5.3): a doubled header stays visible.
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip(),
                    (first, next) -> first + ", " + next);
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, raw.substring(headEnd + 4), raw);
    }
}
