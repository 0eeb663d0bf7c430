package com.partnerb2b.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service run as its own JVM from its Quarkus fast-jar, logging to a file — and started again
 * when it dies on its own (a crash, an out-of-memory kill, a {@code kill -9}), as Kubernetes
 * restarts a container: the local system heals like the deployed one.
 */
public final class ServiceProcess implements AutoCloseable {

    /** More restarts than this within a minute: the service is crash-looping, left stopped. */
    private static final int MAX_RESTARTS_PER_MINUTE = 5;

    private final String name;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;
    private final List<Long> restarts = new ArrayList<>();
    private volatile Process process;
    private volatile boolean closing;
    /** Restarted only once it has been ready: a service that cannot start says why and stays down. */
    private volatile boolean wasReady;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder builder) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.builder = builder;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir,
            List<String> jvmOptions) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        ServiceProcess service = new ServiceProcess(name, port, log, builder);
        service.launch();
        return service;
    }

    private synchronized void launch() throws IOException {
        process = builder.start();
        Process launched = process;
        launched.onExit().thenRun(() -> restartIfDied(launched));
    }

    private synchronized void restartIfDied(Process ended) {
        if (closing || !wasReady || ended != process) {
            return;
        }
        long now = System.nanoTime();
        restarts.removeIf(at -> now - at > TimeUnit.MINUTES.toNanos(1));
        if (restarts.size() >= MAX_RESTARTS_PER_MINUTE) {
            System.err.println("[partnerb2b] " + name + " exited (code " + ended.exitValue() + ") "
                    + MAX_RESTARTS_PER_MINUTE + " times within a minute: left stopped; see " + log);
            return;
        }
        restarts.add(now);
        System.err.println("[partnerb2b] " + name + " exited (code " + ended.exitValue() + "): starting it again (log: " + log + ")");
        try {
            launch();
        } catch (IOException e) {
            System.err.println("[partnerb2b] " + name + " could not be started again: " + e.getMessage());
        }
    }

    /** Waits for the readiness endpoint; fails with the end of the log if the service dies or stalls. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (!current.isAlive() && !wasReady) {
                throw new IOException(name + " stopped during start-up (exit " + current.exitValue() + "):\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    wasReady = true;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s:\n" + tail());
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        Process current;
        synchronized (this) {
            closing = true;
            current = process;
        }
        current.destroy();
        if (!current.waitFor(15, TimeUnit.SECONDS)) {
            current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
