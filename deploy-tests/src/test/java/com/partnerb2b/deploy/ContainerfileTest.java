package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * deploy/containers/Containerfile.jvm (no container engine here): it copies the Quarkus fast-jar
 * layout of the service named by its build argument, runs as the non-root user the chart expects,
 * and the images are tagged as the chart names them.
 */
class ContainerfileTest {

    private static final Path CONTAINERFILE = ProjectFiles.ROOT.resolve("deploy/containers/Containerfile.jvm");
    private static final Path BUILD_SCRIPT = ProjectFiles.ROOT.resolve("deploy/containers/build-images.sh");

    private static List<String> instructions() throws IOException {
        return Files.readAllLines(CONTAINERFILE).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void copiesTheFastJarLayoutOfTheServiceNamedByTheBuildArgument() throws IOException {
        List<String> lines = instructions();
        assertTrue(lines.contains("ARG SERVICE"), "the service is a build argument");
        List<String> sources = lines.stream().filter(l -> l.startsWith("COPY"))
                .map(l -> l.split("\\s+")).map(parts -> parts[parts.length - 2]).toList();
        assertEquals(List.of("${SERVICE}/target/quarkus-app/lib/", "${SERVICE}/target/quarkus-app/*.jar",
                "${SERVICE}/target/quarkus-app/app/", "${SERVICE}/target/quarkus-app/quarkus/"), sources);
        assertTrue(lines.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
        assertTrue(lines.get(0).matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+"), lines.get(0));
    }

    @Test
    void everyServiceOfTheBuildScriptIsAQuarkusModuleThatPackagesAFastJar() throws IOException {
        Matcher loop = Pattern.compile("for service in ([a-z -]+); do").matcher(Files.readString(BUILD_SCRIPT));
        assertTrue(loop.find());
        assertEquals(ProjectFiles.SERVICES, List.of(loop.group(1).strip().split(" ")));
        for (String service : ProjectFiles.SERVICES) {
            String pom = Files.readString(ProjectFiles.ROOT.resolve(service).resolve("pom.xml"));
            assertTrue(pom.contains("<artifactId>quarkus-maven-plugin</artifactId>"), service + " is built by Quarkus");
            String properties = Files.readString(ProjectFiles.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            assertTrue(!properties.contains("quarkus.package.jar.type") && !pom.contains("quarkus.package.jar.type"),
                    service + " keeps the default fast-jar layout (target/quarkus-app)");
        }
    }

    @Test
    void runsAsTheNonRootUserTheChartRunsItAs() throws IOException {
        List<String> users = instructions().stream().filter(l -> l.startsWith("USER ")).toList();
        assertEquals(1, users.size());
        int uid = Integer.parseInt(users.get(0).substring("USER ".length()).strip());
        assertTrue(uid > 0, "non-root, numeric (runAsNonRoot can check it)");
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.CHART.resolve("values.yaml").toFile());
        assertEquals(uid, values.path("podSecurityContext").path("runAsUser").asInt());
    }

    @Test
    void imagesAreTaggedAsTheChartNamesThem() throws IOException {
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.CHART.resolve("Chart.yaml").toFile());
        String projectVersion = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(ProjectFiles.ROOT.resolve("pom.xml")))
                .results().findFirst().orElseThrow().group(1);
        assertEquals(projectVersion.replace("-SNAPSHOT", ""), chart.path("appVersion").asText(), "appVersion follows the project version");
        String script = Files.readString(BUILD_SCRIPT);
        assertTrue(script.contains("PREFIX=\"${1:-ghcr.io/partnerb2b}\""));
        assertTrue(script.contains("-t \"$PREFIX/$service:$VERSION\""));
        assertTrue(script.contains("deploy/helm/partnerb2b/Chart.yaml"));
    }

    @Test
    void analysisServiceShipsTheReferenceScorecardInsideItsLibraries() throws IOException {
        assertTrue(Files.isRegularFile(ProjectFiles.ROOT.resolve("models/german-reference/scorecard.json")));
        String scorecardPom = Files.readString(ProjectFiles.ROOT.resolve("scorecard/pom.xml"));
        assertTrue(scorecardPom.contains("<directory>../models/german-reference</directory>")
                && scorecardPom.contains("<include>scorecard.json</include>"), "the scorecard jar carries the reference scorecard");
        assertTrue(Files.readString(ProjectFiles.ROOT.resolve("analysis-service/pom.xml")).contains("<artifactId>scorecard</artifactId>"),
                "analysis-service depends on it, so it is in target/quarkus-app/lib/main");
    }
}
