package com.partnerb2b.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The objects of a rendered chart, each read as its Kubernetes type. Strict: an unknown field
 * anywhere (a typo, a field at the wrong level) fails the parse — the models' catch-all
 * "additionalProperties" is switched off. ServiceMonitors (a CRD) are kept as plain maps.
 */
final class RenderedManifests {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "batch/v1/Job", Job.class);

    static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";

    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private final List<HasMetadata> objects;
    private final List<JsonNode> serviceMonitors;

    private RenderedManifests(List<HasMetadata> objects, List<JsonNode> serviceMonitors) {
        this.objects = objects;
        this.serviceMonitors = serviceMonitors;
    }

    static RenderedManifests parse(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        List<JsonNode> monitors = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = STRICT.readerFor(JsonNode.class).readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                if (SERVICE_MONITOR.equals(type)) {
                    monitors.add(document);
                    continue;
                }
                Class<? extends HasMetadata> model = TYPES.get(type);
                if (model == null) {
                    throw new AssertionError("Rendered an object of an unexpected type: " + type);
                }
                try {
                    objects.add(STRICT.treeToValue(document, model));
                } catch (IOException e) {
                    throw new AssertionError("Not a valid " + type + " (" + document.path("metadata").path("name").asText()
                            + "): " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedManifests(objects, monitors);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + name
                + " among " + all(type).stream().map(o -> o.getMetadata().getName()).toList()));
    }

    List<HasMetadata> all() {
        return objects;
    }

    List<JsonNode> serviceMonitors() {
        return serviceMonitors;
    }

    /** The name the chart gives a service's objects in the test release. */
    static String objectName(String service) {
        return ChartRenderer.RELEASE + "-" + service;
    }
}
