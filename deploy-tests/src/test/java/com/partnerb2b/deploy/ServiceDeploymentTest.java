package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Each service's pod: image, probes, resources, hardening, and the Service and budget that select it. */
class ServiceDeploymentTest {

    static Stream<Arguments> servicesUnderBothValueSets() {
        return Stream.of("default", "production").flatMap(values -> ProjectFiles.SERVICES.stream()
                .map(service -> Arguments.of(values, service)));
    }

    private static RenderedManifests render(String values) {
        return "production".equals(values) ? ChartRenderer.production().render() : ChartRenderer.defaults().render();
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("servicesUnderBothValueSets")
    void probesWatchTheHealthEndpointsOnTheServicePort(String values, String service) {
        Container container = container(render(values).get(Deployment.class, RenderedManifests.objectName(service)));
        assertEquals("/q/health/started", httpPath(container.getStartupProbe()));
        assertEquals("/q/health/live", httpPath(container.getLivenessProbe()));
        assertEquals("/q/health/ready", httpPath(container.getReadinessProbe()));
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            assertEquals("http", probe.getHttpGet().getPort().getStrVal());
        }
        assertTrue(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds() >= 120,
                "start-up (migrations included) gets at least two minutes");
        assertEquals("http", container.getPorts().get(0).getName());
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("servicesUnderBothValueSets")
    void resourcesAreRequestedAndLimitedAboveTheHeap(String values, String service) {
        Container container = container(render(values).get(Deployment.class, RenderedManifests.objectName(service)));
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertNotNull(requests.get("cpu"));
        assertNotNull(limits.get("memory"));
        long heap = 256L * 1024 * 1024;
        assertTrue(Quantity.getAmountInBytes(requests.get("memory")).longValue() > heap, "request above the 256 MiB heap");
        assertTrue(Quantity.getAmountInBytes(limits.get("memory")).compareTo(Quantity.getAmountInBytes(requests.get("memory"))) >= 0);
        assertTrue(container.getImage().startsWith("ghcr.io/partnerb2b/" + service + ":0.1.0"), container.getImage());
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("servicesUnderBothValueSets")
    void podsRunHardenedWithOnlyTmpWritable(String values, String service) {
        Deployment deployment = render(values).get(Deployment.class, RenderedManifests.objectName(service));
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(), "service links would put KAFKA_* variables in the environment");
        assertEquals(RenderedManifests.objectName(service), pod.getServiceAccountName());

        SecurityContext security = container(deployment).getSecurityContext();
        assertEquals(Boolean.TRUE, security.getRunAsNonRoot());
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());

        Volume tmp = pod.getVolumes().stream().filter(v -> "tmp".equals(v.getName())).findFirst().orElseThrow();
        assertNotNull(tmp.getEmptyDir());
        assertTrue(container(deployment).getVolumeMounts().stream()
                .anyMatch(m -> "tmp".equals(m.getName()) && "/tmp".equals(m.getMountPath())));
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("servicesUnderBothValueSets")
    void theServiceAndTheBudgetSelectTheDeploymentsPods(String values, String service) {
        RenderedManifests manifests = render(values);
        String name = RenderedManifests.objectName(service);
        Map<String, String> podLabels = manifests.get(Deployment.class, name).getSpec().getTemplate().getMetadata().getLabels();
        Service kubeService = manifests.get(Service.class, name);
        assertTrue(podLabels.entrySet().containsAll(kubeService.getSpec().getSelector().entrySet()));
        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, name);
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(manifests.get(Deployment.class, name).getSpec().getSelector().getMatchLabels(),
                kubeService.getSpec().getSelector());
        assertEquals(container(manifests.get(Deployment.class, name)).getPorts().get(0).getContainerPort(),
                kubeService.getSpec().getPorts().get(0).getPort());
    }

    @ParameterizedTest(name = "{0} values: {1}")
    @MethodSource("servicesUnderBothValueSets")
    void theServiceReadsItsSettingsFromItsConfigMap(String values, String service) {
        RenderedManifests manifests = render(values);
        String name = RenderedManifests.objectName(service);
        Container container = container(manifests.get(Deployment.class, name));
        assertEquals(name, container.getEnvFrom().get(0).getConfigMapRef().getName());
        Map<String, String> settings = manifests.get(ConfigMap.class, name).getData();
        assertTrue(settings.get("PARTNERB2B_DB_JDBC_URL").startsWith("jdbc:postgresql://"), settings.toString());
        assertTrue(settings.get("PARTNERB2B_DB_REACTIVE_URL").startsWith("postgresql://"));
        assertEquals(String.valueOf(container.getPorts().get(0).getContainerPort()), settings.get("QUARKUS_HTTP_PORT"));
        assertEquals("production".equals(values) ? 1.0 : 0.0, Double.parseDouble(settings.get("PARTNERB2B_TRACE_SAMPLE_RATIO")));
        assertEquals("production".equals(values), settings.containsKey("PARTNERB2B_OTEL_ENDPOINT"));
        assertFalse(pod(manifests.get(Deployment.class, name)).getVolumes().isEmpty());
    }

    static Container container(Deployment deployment) {
        List<Container> containers = pod(deployment).getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static String httpPath(Probe probe) {
        assertNotNull(probe);
        return probe.getHttpGet().getPath();
    }
}
