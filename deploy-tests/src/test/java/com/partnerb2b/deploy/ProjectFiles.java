package com.partnerb2b.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files under test are, from the module's working directory. */
final class ProjectFiles {

    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("deploy/helm/partnerb2b");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    static final Path ROUTE_TABLE = ROOT.resolve("deploy/routes.yaml");
    static final Path CHART_ROUTE_TABLE = CHART.resolve("files/routes.yaml");

    static final java.util.List<String> SERVICES =
            java.util.List.of("auth-service", "profile-service", "analysis-service", "webhook-service");

    private ProjectFiles() {
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/routes.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root (deploy/routes.yaml beside mvnw) above " + Path.of("").toAbsolutePath());
    }
}
