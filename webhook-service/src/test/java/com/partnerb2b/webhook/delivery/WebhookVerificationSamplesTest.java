package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification samples partners copy (docs/webhook-verification) really work: each, run as a partner
 * runs it, accepts what {@link WebhookSignature} signs (also during a rotation, and with non-ASCII bytes in
 * the body) and refuses a tampered body, another secret, an old or a future timestamp, and a bare {@code v1,}.
 * A sample whose interpreter is not installed is skipped.
 */
class WebhookVerificationSamplesTest {

    private static final Path SAMPLES = Path.of("..", "docs", "webhook-verification").toAbsolutePath().normalize();
    private static final String BODY = "{\"type\":\"analysis.completed\",\"timestamp\":\"2026-11-25T10:00:01Z\",\"data\":{\"pk\":50,"
            + "\"profile\":437,\"externalReference\":\"CLIENT-42\",\"status\":\"completed\",\"score\":612,\"grade\":\"B\","
            + "\"reasons\":[{\"code\":\"R01_CHECKING_ACCOUNT\",\"label\":\"Compte courant débiteur\"}]}}";

    @TempDir
    Path work;

    @Test
    void the_java_sample_verifies() throws Exception {
        check(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SAMPLES.resolve("Verify.java").toString()));
    }

    @Test
    void the_python_sample_verifies() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed: docs/webhook-verification/verify.py is not checked");
        check(List.of("python3", SAMPLES.resolve("verify.py").toString()));
    }

    @Test
    void the_node_sample_verifies() throws Exception {
        assumeTrue(onPath("node"), "node is not installed: docs/webhook-verification/verify.js is not checked");
        check(List.of("node", SAMPLES.resolve("verify.js").toString()));
    }

    private void check(List<String> sample) throws Exception {
        String secret = WebhookSignature.newSecret();
        String other = WebhookSignature.newSecret();
        String id = "msg_2c4e7b1a-9d3f-4e5a-8b6c-1f2e3d4c5b6a";
        long now = Instant.now().getEpochSecond();

        assertEquals("valid", run(sample, secret, id, now, WebhookSignature.sign(id, now, BODY, List.of(secret)), BODY));
        assertEquals("valid", run(sample, secret, id, now, WebhookSignature.sign(id, now, BODY, List.of(other, secret)), BODY),
                "a rotation sends two signatures: the one of the receiver's secret must do");
        assertRefused(run(sample, secret, id, now, WebhookSignature.sign(id, now, BODY, List.of(secret)), BODY.replace("612", "712")));
        assertRefused(run(sample, secret, id, now, WebhookSignature.sign(id, now, BODY, List.of(other)), BODY));
        assertRefused(run(sample, secret, id, now - 600, WebhookSignature.sign(id, now - 600, BODY, List.of(secret)), BODY));
        assertRefused(run(sample, secret, id, now + 600, WebhookSignature.sign(id, now + 600, BODY, List.of(secret)), BODY));
        assertRefused(run(sample, secret, id, now, "v1,", BODY));
        assertRefused(run(sample, secret, "msg_other", now, WebhookSignature.sign(id, now, BODY, List.of(secret)), BODY));
    }

    private static void assertRefused(String outcome) {
        assertEquals(true, outcome.startsWith("invalid"), "the sample accepted what it must refuse: " + outcome);
    }

    /** The sample's first output line; "exit 1" is checked against its "invalid" answer. */
    private String run(List<String> sample, String secret, String id, long timestamp, String signature, String body)
            throws IOException, InterruptedException {
        Path bodyFile = Files.createTempFile(work, "body", ".json");
        Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(sample);
        command.addAll(List.of(secret, id, String.valueOf(timestamp), signature, bodyFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end");
        }
        String first = output.isEmpty() ? "" : output.lines().findFirst().orElse("");
        int expectedExit = first.equals("valid") ? 0 : 1;
        assertEquals(expectedExit, process.exitValue(), "exit code of " + sample + ": " + output);
        return first;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
