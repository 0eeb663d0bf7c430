package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Both value sets render objects that parse strictly as their Kubernetes types, for every service. */
class RenderedObjectsTest {

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("default values", ChartRenderer.defaults()),
                Arguments.of("production values", ChartRenderer.production()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyServiceHasItsDeploymentServiceSettingsAccountAndBudget(String name, ChartRenderer chart) {
        RenderedManifests manifests = chart.render();
        for (String service : ProjectFiles.SERVICES) {
            String object = RenderedManifests.objectName(service);
            manifests.get(Deployment.class, object);
            manifests.get(Service.class, object);
            manifests.get(ConfigMap.class, object);
            manifests.get(ServiceAccount.class, object);
            manifests.get(PodDisruptionBudget.class, object);
        }
        assertEquals(1, manifests.all(Ingress.class).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyObjectCarriesTheReleaseLabels(String name, ChartRenderer chart) {
        chart.render().all().forEach(object -> {
            assertEquals("partnerb2b", object.getMetadata().getLabels().get("app.kubernetes.io/part-of"), object.getMetadata().getName());
            assertEquals(ChartRenderer.RELEASE, object.getMetadata().getLabels().get("app.kubernetes.io/instance"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void serviceMonitorsOnlyWhenAskedAndScrapingTheMetricsEndpoint(String name, ChartRenderer chart) {
        RenderedManifests manifests = chart.render();
        List<JsonNode> monitors = manifests.serviceMonitors();
        if (name.startsWith("default")) {
            assertTrue(monitors.isEmpty(), "ServiceMonitor is off by default");
            return;
        }
        assertEquals(ProjectFiles.SERVICES.size(), monitors.size());
        for (JsonNode monitor : monitors) {
            assertEquals("monitoring.coreos.com/v1", monitor.path("apiVersion").asText());
            assertEquals("ServiceMonitor", monitor.path("kind").asText());
            assertEquals(List.of("selector", "endpoints"), fieldNames(monitor.path("spec")));
            JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
            assertEquals("http", endpoint.path("port").asText());
            assertEquals("/q/metrics", endpoint.path("path").asText());
            assertEquals("prometheus", monitor.path("metadata").path("labels").path("release").asText());
            String service = monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText();
            assertTrue(ProjectFiles.SERVICES.contains(service), service);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void autoscalersOnlyWhenEnabledAndThenTheDeploymentLeavesReplicasToThem(String name, ChartRenderer chart) {
        RenderedManifests manifests = chart.render();
        boolean production = name.startsWith("production");
        assertEquals(production ? 4 : 0, manifests.all(HorizontalPodAutoscaler.class).size());
        for (String service : ProjectFiles.SERVICES) {
            Deployment deployment = manifests.get(Deployment.class, RenderedManifests.objectName(service));
            if (production) {
                HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, RenderedManifests.objectName(service));
                assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
                assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
                assertEquals(3, hpa.getSpec().getMinReplicas());
                assertEquals(null, deployment.getSpec().getReplicas(), "replicas belong to the HPA");
            } else {
                assertEquals(2, deployment.getSpec().getReplicas());
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
