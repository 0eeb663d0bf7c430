package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A JVM started with the parent-watch agent exits when the process it watches is killed with
 * SIGKILL (no shutdown hook runs in the killed launcher): no orphan service or broker is left.
 */
class ParentWatchIT {

    @Test
    void a_child_jvm_exits_when_its_launcher_is_killed() throws Exception {
        Path agent = Path.of("target", "local-stack-parent-watch.jar").toAbsolutePath();
        assertTrue(Files.exists(agent), agent + " is built in the package phase");
        Process launcher = new ProcessBuilder("sleep", "600").start();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-javaagent:" + agent + "=" + launcher.pid(), "-Xmx32m",
                "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(), Sleeper.class.getName())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            assertEquals("running", out.readLine(), "the child started with the agent");
            assertTrue(child.isAlive(), "the child runs while its launcher lives");
            launcher.destroyForcibly().waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child noticed its launcher's end and exited");
        } finally {
            child.destroyForcibly();
            launcher.destroyForcibly();
        }
    }

    /** Stands for a service: runs until something ends it. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("running");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
