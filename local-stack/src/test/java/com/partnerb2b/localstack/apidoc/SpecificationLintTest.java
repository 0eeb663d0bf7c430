package com.partnerb2b.localstack.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linters of the specifications, run from the npm registry with pinned versions. The build needs only a
 * JDK: where {@code npx} is missing these are skipped (and say so); everywhere else an error fails the build.
 */
class SpecificationLintTest {

    static final String SPECTRAL = "@stoplight/spectral-cli@6.15.0";
    static final String ASYNCAPI = "@asyncapi/cli@6.2.0";

    @TempDir
    Path work;

    @Test
    void the_merged_openapi_document_passes_spectral() throws Exception {
        assumeNpx();
        Path document = work.resolve("partnerb2b-api.json");
        try (var in = getClass().getClassLoader().getResourceAsStream(ApiDocumentMerge.RESOURCE)) {
            Files.copy(java.util.Objects.requireNonNull(in, ApiDocumentMerge.RESOURCE + " is missing: build local-stack"), document);
        }
        Result result = run(List.of("npx", "--yes", SPECTRAL, "lint", "--ruleset",
                ApiDocumentTest.ROOT.resolve(".spectral.yaml").toString(), "--fail-severity", "error", document.toString()));
        assertEquals(0, result.exit(), "Spectral found errors in the merged OpenAPI document:\n" + result.output());
    }

    @Test
    void the_asyncapi_document_is_valid() throws Exception {
        assumeNpx();
        // No usage metrics: the CLI would try to send them to its own server.
        Path analytics = work.resolve("asyncapi-analytics.json");
        Files.writeString(analytics, "{\"analyticsEnabled\":\"false\",\"infoMessageShown\":\"true\",\"userID\":\"partnerb2b-build\"}");
        Result result = run(List.of("npx", "--yes", ASYNCAPI, "validate", "--fail-severity", "error",
                ApiDocumentTest.ROOT.resolve("docs/asyncapi.yaml").toString()), "ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString());
        assertEquals(0, result.exit(), "docs/asyncapi.yaml is not valid:\n" + result.output());
    }

    record Result(int exit, String output) {
    }

    static void assumeNpx() {
        assumeTrue(onPath("npx"), "npx is not installed: the OpenAPI and AsyncAPI linters are skipped (install Node.js 20 to run them)");
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static Result run(List<String> command, String... environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        builder.environment().put("npm_config_update_notifier", "false");
        for (int i = 0; i + 1 < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 10 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
