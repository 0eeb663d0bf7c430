package com.partnerb2b.platform.test;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the run's shared servers (PostgreSQL, Kafka) when the JUnit launcher session closes: after
 * every test class and every Quarkus application has stopped, and before the JVM starts exiting —
 * not from shutdown hooks racing each other and the broker's own threads, where a fault while the
 * broker stopped turned a green run into a fork that "exited with a non-zero status".
 * <p>
 * Quarkus loads test classes (so {@link TestKafka}, {@link TestPostgres}) in class loaders of its
 * own, not the one of this listener. The servers started in a class loader are stopped by a parked
 * "stopper" thread of that class loader; the listener, which cannot see those classes, finds the
 * stopper threads by name, wakes them and waits for them to finish.
 */
public class TestServers implements LauncherSessionListener {

    private static final String STOPPER_NAME = "partnerb2b-test-servers-stopper";

    private static final Deque<AutoCloseable> SERVERS = new ConcurrentLinkedDeque<>();
    private static Thread stopper;

    /** Adds a server to stop at the end of the run (the most recently started first). */
    static synchronized void stopAtEnd(AutoCloseable server) {
        SERVERS.push(server);
        if (stopper == null) {
            stopper = new Thread(TestServers::parkThenStopAll, STOPPER_NAME);
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private static void parkThenStopAll() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException endOfRun) {
            for (AutoCloseable server = SERVERS.poll(); server != null; server = SERVERS.poll()) {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("[test-servers] a test server stopped with an error: " + e);
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Thread> stoppers = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (STOPPER_NAME.equals(thread.getName())) {
                stoppers.add(thread);
            }
        }
        stoppers.forEach(Thread::interrupt);
        for (Thread thread : stoppers) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
