package com.partnerb2b.webhook.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.ConnectException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * Makes one delivery attempt and turns whatever happens into an {@link AttemptResult}, so the worker's
 * bookkeeping never depends on an exception path.
 * <p>
 * Security choices: the socket goes to the vetted address (never a new lookup of the host), after the
 * {@link ConnectPolicy} agreed — the last check before a packet leaves; Host and TLS SNI carry the partner's host
 * name so virtual hosting and certificate checks (hostname verification on) work as for a normal request;
 * redirects are never followed (a 3xx could point anywhere, including inside our network); at most 1 KB of the
 * answer is read and nothing of it is parsed. Timeouts: connect (TCP+TLS) and a whole-answer timeout measured
 * from the start of the attempt; once the status line has arrived the outcome is that status, and reading the
 * excerpt is best effort within the same deadline.
 */
public final class WebhookSender {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    public static final String ADDRESS_NOT_ALLOWED = TargetRefused.ADDRESS_NOT_ALLOWED;
    /**
     * Connections kept per target (address, port, host, scheme) unless told otherwise: the worker's default
     * attempts in flight. Partners whose URLs share a host share a target, so the pool is sized by what the
     * whole instance runs at once, never by one endpoint's width: an attempt then never waits for a connection
     * another partner's slow receiver holds, a wait that would run inside its own timeout.
     */
    public static final int DEFAULT_CONNECTIONS_PER_TARGET = 64;

    private static final Set<Integer> RETRY_AFTER_STATUSES = Set.of(429, 502, 503, 504);
    /** Headers only the sender sets: a caller cannot override framing or the Host. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
        "connection", "content-type", "user-agent", "expect", "upgrade", "te", "keep-alive", "proxy-connection");

    private final Vertx vertx;
    private final ConnectPolicy policy;
    private final long requestTimeoutMillis;
    private final String userAgent;
    private final int connectionsPerTarget;
    /** For DNS names: SNI always sent. */
    private final HttpClient namedClient;
    /** For IP-literal hosts: no SNI (RFC 6066 forbids IP addresses there). */
    private final HttpClient literalClient;

    /** vertx: io.vertx.core.Vertx; connectTimeout default 5 s, requestTimeout (whole answer) default 15 s (null → default). */
    public WebhookSender(Vertx vertx, ConnectPolicy policy, Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this(vertx, policy, connectTimeout, requestTimeout, userAgent, null);
    }

    /**
     * As above, with the certificates to trust for https (null: the JVM's default trust store). Tests pass their
     * self-signed certificate here; production uses the default.
     */
    public WebhookSender(Vertx vertx, ConnectPolicy policy, Duration connectTimeout, Duration requestTimeout,
                         String userAgent, TrustOptions trust) {
        this(vertx, policy, connectTimeout, requestTimeout, userAgent, trust, DEFAULT_CONNECTIONS_PER_TARGET);
    }

    /** As above, keeping at most {@code connectionsPerTarget} connections to one target: at least the attempts run at once. */
    public WebhookSender(Vertx vertx, ConnectPolicy policy, Duration connectTimeout, Duration requestTimeout,
                         String userAgent, TrustOptions trust, int connectionsPerTarget) {
        if (connectionsPerTarget < 1) {
            throw new IllegalArgumentException("connectionsPerTarget must be positive");
        }
        if (vertx == null || policy == null || userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("vertx, policy and userAgent are required");
        }
        Duration connect = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        Duration request = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.vertx = vertx;
        this.policy = policy;
        this.requestTimeoutMillis = Math.max(1, request.toMillis());
        this.userAgent = userAgent;
        this.connectionsPerTarget = connectionsPerTarget;
        this.namedClient = vertx.createHttpClient(options(connect, trust, connectionsPerTarget).setForceSni(true));
        this.literalClient = vertx.createHttpClient(options(connect, trust, connectionsPerTarget).setForceSni(false));
    }

    private static HttpClientOptions options(Duration connect, TrustOptions trust, int connectionsPerTarget) {
        HttpClientOptions options = new HttpClientOptions()
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, connect.toMillis())))
            .setVerifyHost(true)
            .setTrustAll(false)
            .setKeepAlive(true)
            .setKeepAliveTimeout(30)
            .setMaxPoolSize(connectionsPerTarget)
            .setTryUseCompression(false)
            .setMaxRedirects(0);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        return options;
    }

    /**
     * POSTs body (application/json) with the given headers to target.address():port, Host and TLS SNI =
     * target.host(); never follows redirects (a 3xx is a failed attempt with that status); reads at most 1 KB of
     * the response, never parses it; a timeout, refused connection, TLS or other error gives an AttemptResult
     * with error text and null status. Never fails the Uni. Refused by the policy: error "Address not allowed",
     * no socket opened. Each subscription makes one attempt; the Uni completes on a Vert.x event-loop thread (do
     * not block there).
     */
    public Uni<AttemptResult> send(VettedTarget target, Map<String, String> headers, String body) {
        return Uni.createFrom().emitter(emitter -> new Attempt(target, headers, body, emitter).start());
    }

    public int connectionsPerTarget() {
        return connectionsPerTarget;
    }

    public void close() {
        namedClient.close();
        literalClient.close();
    }

    /** One attempt's state; every callback synchronises on it (the timer may fire on another event loop). */
    private final class Attempt {
        private final VettedTarget target;
        private final Map<String, String> headers;
        private final String body;
        private final UniEmitter<? super AttemptResult> emitter;
        private final long startNanos = System.nanoTime();
        private final AtomicBoolean done = new AtomicBoolean();
        private final byte[] excerpt = new byte[AttemptResult.EXCERPT_BYTES];
        private int excerptLength;
        private Integer status;
        private Duration retryAfter;
        private HttpClientRequest request;
        private long timerId = -1;

        Attempt(VettedTarget target, Map<String, String> headers, String body, UniEmitter<? super AttemptResult> emitter) {
            this.target = target;
            this.headers = headers == null ? Map.of() : headers;
            this.body = body == null ? "" : body;
            this.emitter = emitter;
        }

        void start() {
            try {
                if (target == null || target.address() == null || target.host() == null) {
                    finish(AttemptResult.failed("Invalid target", elapsed()));
                    return;
                }
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (header.getKey() == null || header.getKey().isEmpty() || !safeHeaderText(header.getKey())
                        || (header.getValue() != null && !safeHeaderText(header.getValue()))) {
                        finish(AttemptResult.failed("Invalid header", elapsed())); // before any socket
                        return;
                    }
                }
                boolean mayConnect;
                try {
                    mayConnect = policy.mayConnect(target.address());
                } catch (RuntimeException e) {
                    mayConnect = false;
                }
                if (!mayConnect) {
                    finish(AttemptResult.failed(ADDRESS_NOT_ALLOWED, elapsed()));
                    return;
                }
                emitter.onTermination(this::cancelled);
                synchronized (this) {
                    timerId = vertx.setTimer(requestTimeoutMillis, id -> timedOut());
                }
                InetAddress address = target.address();
                RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.https())
                    .setURI(target.pathAndQuery())
                    .setFollowRedirects(false);
                HttpClient client = target.hostIsIpLiteral() ? literalClient : namedClient;
                client.request(options).onComplete(ar -> {
                    if (ar.failed()) {
                        finish(AttemptResult.failed(describe(ar.cause()), elapsed()));
                        return;
                    }
                    sendOn(ar.result());
                });
            } catch (RuntimeException e) {
                finish(AttemptResult.failed(describe(e), elapsed()));
            }
        }

        private void sendOn(HttpClientRequest req) {
            synchronized (this) {
                if (done.get()) {
                    req.reset();
                    return;
                }
                request = req;
            }
            try {
                writeRequest(req);
            } catch (RuntimeException e) {
                // e.g. a header value Vert.x refuses: this attempt fails now rather than at the timeout
                finish(AttemptResult.failed(describe(e), elapsed()));
                abort();
            }
        }

        private void writeRequest(HttpClientRequest req) {
            headers.forEach((name, value) -> {
                if (name != null && value != null && !RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    if (!safeHeaderText(name) || name.isEmpty() || !safeHeaderText(value)) {
                        throw new IllegalArgumentException("Invalid header " + (safeHeaderText(name) ? name : ""));
                    }
                    req.putHeader(name, value);
                }
            });
            req.putHeader("Host", target.hostHeader());
            req.putHeader("Content-Type", "application/json");
            req.putHeader("User-Agent", userAgent);
            req.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))).onComplete(ar -> {
                if (ar.failed()) {
                    finish(AttemptResult.failed(describe(ar.cause()), elapsed()));
                    return;
                }
                onResponse(ar.result());
            });
        }

        private void onResponse(HttpClientResponse response) {
            synchronized (this) {
                status = response.statusCode();
                if (RETRY_AFTER_STATUSES.contains(status)) {
                    retryAfter = parseRetryAfter(response.getHeader("Retry-After"), Instant.now());
                }
            }
            response.handler(chunk -> {
                boolean full;
                synchronized (this) {
                    int take = Math.min(chunk.length(), excerpt.length - excerptLength);
                    if (take > 0) {
                        chunk.getBytes(0, take, excerpt, excerptLength);
                        excerptLength += take;
                    }
                    full = excerptLength >= excerpt.length;
                }
                if (full) {
                    // enough: stop reading and drop the connection rather than drain an unbounded body
                    finishWithAnswer();
                    abort();
                }
            });
            response.exceptionHandler(e -> finishWithAnswer());
            response.endHandler(v -> finishWithAnswer());
        }

        private void timedOut() {
            boolean answered;
            synchronized (this) {
                answered = status != null;
            }
            if (answered) {
                finishWithAnswer();
            } else {
                finish(AttemptResult.failed("Timeout: no answer within " + requestTimeoutMillis + " ms", elapsed()));
            }
            abort();
        }

        private void cancelled() {
            if (done.compareAndSet(false, true)) {
                cancelTimer();
                abort();
            }
        }

        private void finishWithAnswer() {
            AttemptResult result;
            synchronized (this) {
                result = new AttemptResult(status, null, elapsed(), excerptText(), retryAfter);
            }
            finish(result);
        }

        private void finish(AttemptResult result) {
            if (done.compareAndSet(false, true)) {
                cancelTimer();
                emitter.complete(result);
            }
        }

        private void cancelTimer() {
            long id;
            synchronized (this) {
                id = timerId;
            }
            if (id >= 0) {
                vertx.cancelTimer(id);
            }
        }

        private void abort() {
            HttpClientRequest req;
            synchronized (this) {
                req = request;
            }
            if (req != null) {
                try {
                    req.reset();
                } catch (RuntimeException ignored) {
                    // already closed
                }
            }
        }

        private String excerptText() {
            if (excerptLength == 0) {
                return status == null ? null : "";
            }
            // cut bytes may end mid-character: decoding replaces it; NUL is replaced too (PostgreSQL text refuses it)
            return new String(excerpt, 0, excerptLength, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        }

        private long elapsed() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    /** No CR, LF or NUL: a header can never be split into two (header injection). */
    private static boolean safeHeaderText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /** Delta-seconds or an HTTP-date; null when absent or unreadable; never negative. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 9) {
                return RetrySchedule.MAX_RETRY_AFTER;
            }
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, date.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A short, secret-free description of why no answer came. */
    static String describe(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < 10; depth++, e = e.getCause()) {
            if (e instanceof io.netty.channel.ConnectTimeoutException) {
                return "Connect timeout";
            }
            if (e instanceof ConnectException) {
                String message = String.valueOf(e.getMessage());
                return truncate(message.startsWith("Connection refused") ? message : "Connection refused: " + message);
            }
            if (e instanceof SSLException) {
                return truncate("TLS error: " + rootMessage(e));
            }
            if (e instanceof TimeoutException) {
                return truncate("Timeout: " + e.getMessage());
            }
        }
        String message = error == null ? null : error.getMessage();
        return truncate("Connection error: " + (message == null ? error == null ? "unknown" : error.getClass().getSimpleName() : message));
    }

    /** The innermost message: for TLS it names the actual problem (untrusted issuer, name mismatch...). */
    private static String rootMessage(Throwable error) {
        String message = error.getMessage();
        Throwable e = error.getCause();
        for (int depth = 0; e != null && depth < 10; depth++, e = e.getCause()) {
            if (e.getMessage() != null) {
                message = e.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
