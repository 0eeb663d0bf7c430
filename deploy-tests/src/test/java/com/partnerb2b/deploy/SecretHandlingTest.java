package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** Secret values live in Secrets only and reach the pods by reference; existing Secrets replace the chart's. */
class SecretHandlingTest {

    /** The secret values of ci/production-values.yaml, all marked TEST-ONLY or written as keys. */
    private static List<String> productionSecretValues() throws IOException {
        String values = Files.readString(ProjectFiles.PRODUCTION_VALUES);
        List<String> secrets = new ArrayList<>();
        Matcher marked = Pattern.compile("[A-Za-z0-9_]*TEST-ONLY[A-Za-z0-9_-]*").matcher(values);
        while (marked.find()) {
            secrets.add(marked.group());
        }
        secrets.add("VEVTVC1PTkxZLWVuY3J5cHRpb24ta2V5LTMyYnl0ZXM=");
        assertTrue(secrets.size() >= 7, "the production values carry their test secrets: " + secrets);
        return secrets;
    }

    @Test
    void noSecretValueInAConfigMapOrAnEnvironmentLiteral() throws IOException {
        RenderedManifests manifests = ChartRenderer.production().set("kafka.createTopics.asHook", false).render();
        assertEquals(1, manifests.all(Job.class).size());
        List<String> secrets = productionSecretValues();
        List<String> leaks = new ArrayList<>();
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            configMap.getData().forEach((key, value) -> secrets.stream().filter(value::contains)
                    .forEach(s -> leaks.add("ConfigMap " + configMap.getMetadata().getName() + " " + key)));
        }
        List<Container> containers = new ArrayList<>();
        manifests.all(Deployment.class).forEach(d -> containers.addAll(d.getSpec().getTemplate().getSpec().getContainers()));
        manifests.all(Job.class).forEach(j -> containers.addAll(j.getSpec().getTemplate().getSpec().getContainers()));
        for (Container container : containers) {
            for (EnvVar env : container.getEnv()) {
                if (env.getValue() != null) {
                    secrets.stream().filter(env.getValue()::contains).forEach(s -> leaks.add(container.getName() + " env " + env.getName()));
                }
            }
            String command = String.join(" ", container.getArgs() == null ? List.of() : container.getArgs());
            secrets.stream().filter(command::contains).forEach(s -> leaks.add(container.getName() + " args"));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void credentialsReachTheServicesOnlyThroughSecretReferences() {
        RenderedManifests manifests = ChartRenderer.production().render();
        for (String service : ProjectFiles.SERVICES) {
            Container container = ServiceDeploymentTest.container(manifests.get(Deployment.class, RenderedManifests.objectName(service)));
            for (String name : List.of("PARTNERB2B_DB_USER", "PARTNERB2B_DB_PASSWORD")) {
                EnvVar env = env(container, name);
                assertNull(env.getValue());
                assertEquals(RenderedManifests.objectName(service) + "-db", env.getValueFrom().getSecretKeyRef().getName());
            }
        }
        Container auth = ServiceDeploymentTest.container(manifests.get(Deployment.class, RenderedManifests.objectName("auth-service")));
        assertEquals("operator-api-key", env(auth, "PARTNERB2B_OPERATOR_API_KEY").getValueFrom().getSecretKeyRef().getKey());
        for (String service : List.of("profile-service", "webhook-service")) {
            Container container = ServiceDeploymentTest.container(manifests.get(Deployment.class, RenderedManifests.objectName(service)));
            assertEquals("partnerb2b-app", env(container, "PARTNERB2B_ENCRYPTION_KEYS").getValueFrom().getSecretKeyRef().getName());
        }
        Secret database = manifests.get(Secret.class, "partnerb2b-auth-service-db");
        assertEquals(Map.of("username", b64("partnerb2b_auth"), "password", b64("TEST-ONLY-db-password-auth-11aa")), database.getData());
    }

    @Test
    void existingSecretsAreReferencedAndTheChartMakesNoneOfItsOwn() {
        RenderedManifests manifests = ChartRenderer.production().set("kafka.createTopics.asHook", false)
                .set("secrets.existingSecret", "pb2b-app-keys")
                .set("jwt.existingSecret", "pb2b-jwt")
                .set("jwt.existingConfigMap", "pb2b-jwks")
                .set("kafka.sasl.existingSecret", "pb2b-kafka-user")
                .set("services.auth-service.database.existingSecret", "pg-auth-credentials")
                .set("services.profile-service.database.existingSecret", "pg-profile-credentials")
                .set("services.analysis-service.database.existingSecret", "pg-analysis-credentials")
                .set("services.webhook-service.database.existingSecret", "pg-webhook-credentials")
                .render();
        assertEquals(List.of(), manifests.all(Secret.class));
        assertFalse(manifests.find(ConfigMap.class, "partnerb2b-jwks").isPresent());

        Deployment auth = manifests.get(Deployment.class, RenderedManifests.objectName("auth-service"));
        Container authContainer = ServiceDeploymentTest.container(auth);
        assertEquals("pg-auth-credentials", env(authContainer, "PARTNERB2B_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals("pb2b-app-keys", env(authContainer, "PARTNERB2B_OPERATOR_API_KEY").getValueFrom().getSecretKeyRef().getName());
        var volumes = ServiceDeploymentTest.pod(auth).getVolumes();
        assertEquals("pb2b-jwt", volumes.stream().filter(v -> "signing-key".equals(v.getName())).findFirst().orElseThrow().getSecret().getSecretName());
        assertEquals("pb2b-jwks", volumes.stream().filter(v -> "jwks".equals(v.getName())).findFirst().orElseThrow().getConfigMap().getName());

        Container webhook = ServiceDeploymentTest.container(manifests.get(Deployment.class, RenderedManifests.objectName("webhook-service")));
        assertEquals("pg-webhook-credentials", env(webhook, "PARTNERB2B_DB_USER").getValueFrom().getSecretKeyRef().getName());
        assertEquals("pb2b-kafka-user", env(webhook, "PARTNERB2B_KAFKA_SASL_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        Job topics = manifests.all(Job.class).get(0);
        assertTrue(topics.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .anyMatch(e -> e.getValueFrom() != null && "pb2b-kafka-user".equals(e.getValueFrom().getSecretKeyRef().getName())));
    }

    @Test
    void onlyAuthServiceSeesTheSigningKeyAndTheOperatorKey() {
        RenderedManifests manifests = ChartRenderer.production().render();
        for (String service : List.of("profile-service", "analysis-service", "webhook-service")) {
            Deployment deployment = manifests.get(Deployment.class, RenderedManifests.objectName(service));
            assertTrue(ServiceDeploymentTest.pod(deployment).getVolumes().stream().noneMatch(v -> v.getSecret() != null
                    && v.getSecret().getSecretName().equals("partnerb2b-jwt-signing-key")), service);
            assertTrue(ServiceDeploymentTest.container(deployment).getEnv().stream()
                    .noneMatch(e -> e.getName().equals("PARTNERB2B_OPERATOR_API_KEY")), service);
        }
        assertTrue(ServiceDeploymentTest.container(manifests.get(Deployment.class, RenderedManifests.objectName("analysis-service")))
                .getEnv().stream().noneMatch(e -> e.getName().equals("PARTNERB2B_ENCRYPTION_KEYS")));
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static String b64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
