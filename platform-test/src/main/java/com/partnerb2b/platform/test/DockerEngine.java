package com.partnerb2b.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can be used: only where a Docker engine answers. */
final class DockerEngine {

    private DockerEngine() {
    }

    static boolean available() {
        if ("false".equalsIgnoreCase(System.getenv("PARTNERB2B_TEST_USE_DOCKER"))) {
            return false;
        }
        // Asking Testcontainers costs seconds of retries where no engine exists: look for one first.
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!engineConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
