package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** What each service is told about its database, Kafka, its neighbours and its files. */
class ServiceSettingsTest {

    private final RenderedManifests production = ChartRenderer.production().render();

    private Map<String, String> settings(String service) {
        return production.get(ConfigMap.class, RenderedManifests.objectName(service)).getData();
    }

    @Test
    void eachServiceHasItsOwnDatabaseOverTls() {
        assertEquals("jdbc:postgresql://pg-analysis.db.internal:5432/partnerb2b_analysis?sslmode=require",
                settings("analysis-service").get("PARTNERB2B_DB_JDBC_URL"));
        assertEquals("postgresql://pg-webhook.db.internal:5432/partnerb2b_webhook",
                settings("webhook-service").get("PARTNERB2B_DB_REACTIVE_URL"));
        assertEquals("require", settings("auth-service").get("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"));
        Map<String, String> plain = ChartRenderer.defaults().render().get(ConfigMap.class, RenderedManifests.objectName("profile-service")).getData();
        assertEquals("jdbc:postgresql://postgresql:5432/partnerb2b_profile", plain.get("PARTNERB2B_DB_JDBC_URL"));
        assertFalse(plain.containsKey("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"));
    }

    @Test
    void kafkaClientsGetTheProtocolMechanismTrustStoreAndTopicsButAuthServiceNoKafka() {
        for (String service : new String[] {"profile-service", "analysis-service", "webhook-service"}) {
            Map<String, String> settings = settings(service);
            assertEquals("b-1.kafka.internal:9096,b-2.kafka.internal:9096,b-3.kafka.internal:9096",
                    settings.get("PARTNERB2B_KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals("SASL_SSL", settings.get("KAFKA_SECURITY_PROTOCOL"));
            assertEquals("SCRAM-SHA-512", settings.get("KAFKA_SASL_MECHANISM"));
            assertEquals("PEM", settings.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
            EnvVar jaas = env(service, "KAFKA_SASL_JAAS_CONFIG");
            assertTrue(jaas.getValue().startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required "), jaas.getValue());
            assertTrue(jaas.getValue().contains("password=\"$(PARTNERB2B_KAFKA_SASL_PASSWORD)\""), "expanded by Kubernetes from the secret");
        }
        assertEquals("profile-submitted", settings("profile-service").get("MP_MESSAGING_OUTGOING_OUTBOX_EVENTS_TOPIC"));
        assertEquals("analysis-completed", settings("profile-service").get("MP_MESSAGING_INCOMING_ANALYSIS_COMPLETED_TOPIC"));
        assertEquals("analysis-completed", settings("analysis-service").get("MP_MESSAGING_OUTGOING_OUTBOX_EVENTS_TOPIC"));
        assertEquals("profile-submitted", settings("analysis-service").get("MP_MESSAGING_INCOMING_PROFILE_SUBMITTED_TOPIC"));
        assertEquals("analysis-completed", settings("webhook-service").get("MP_MESSAGING_INCOMING_ANALYSIS_COMPLETED_TOPIC"));
        assertTrue(settings("auth-service").keySet().stream().noneMatch(k -> k.contains("KAFKA")));
    }

    @Test
    void topicNamesComeFromTheValues() {
        Map<String, String> settings = ChartRenderer.defaults().set("kafka.topics.profileSubmitted.name", "pb2b.profile-submitted")
                .render().get(ConfigMap.class, RenderedManifests.objectName("analysis-service")).getData();
        assertEquals("pb2b.profile-submitted", settings.get("MP_MESSAGING_INCOMING_PROFILE_SUBMITTED_TOPIC"));
    }

    @Test
    void analysisServiceCallsProfileServiceInTheClusterAndReadsANamedScorecard() {
        assertEquals("http://partnerb2b-profile-service:8082", settings("analysis-service").get("PARTNERB2B_PROFILE_SERVICE_URL"));
        assertEquals("/etc/partnerb2b/scorecard/scorecard.json", settings("analysis-service").get("PARTNERB2B_SCORECARD_FILE"));
        Deployment analysis = production.get(Deployment.class, RenderedManifests.objectName("analysis-service"));
        assertEquals("partnerb2b-scorecard", ServiceDeploymentTest.pod(analysis).getVolumes().stream()
                .filter(v -> "scorecard".equals(v.getName())).findFirst().orElseThrow().getConfigMap().getName());
        Map<String, String> reference = ChartRenderer.defaults().render()
                .get(ConfigMap.class, RenderedManifests.objectName("analysis-service")).getData();
        assertFalse(reference.containsKey("PARTNERB2B_SCORECARD_FILE"), "by default the image's reference scorecard");
    }

    @Test
    void authServiceSignsWithTheMountedKeyAndEveryServiceVerifiesWithTheJwks() {
        assertEquals("/etc/partnerb2b/signing-key/signing-key.pem", settings("auth-service").get("PARTNERB2B_JWT_SIGNING_KEY"));
        assertEquals("prod-2026-11", settings("auth-service").get("PARTNERB2B_JWT_SIGNING_KEY_ID"));
        for (String service : ProjectFiles.SERVICES) {
            assertEquals("/etc/partnerb2b/jwks/jwks.json", settings(service).get("PARTNERB2B_JWKS_LOCATION"));
            assertEquals("https://auth.partnerb2b.example", settings(service).get("PARTNERB2B_JWT_ISSUER"));
            assertEquals("10.0.0.0/8", settings(service).get("PARTNERB2B_CLIENT_ADDRESS_TRUSTED_PROXIES"));
        }
        assertEquals("/tmp/file-uploads", settings("profile-service").get("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY"),
                "uploads go to the writable /tmp, not the read-only working directory");
        assertEquals("128", settings("webhook-service").get("PARTNERB2B_WEBHOOKS_MAX_IN_FLIGHT"));
    }

    @Test
    void autoscalingOneServiceLeavesTheOthersAlone() {
        RenderedManifests manifests = ChartRenderer.defaults().set("services.auth-service.autoscaling.enabled", true).render();
        assertEquals(1, manifests.all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class).size());
        assertEquals(2, manifests.get(Deployment.class, RenderedManifests.objectName("webhook-service")).getSpec().getReplicas());
    }

    private EnvVar env(String service, String name) {
        return ServiceDeploymentTest.container(production.get(Deployment.class, RenderedManifests.objectName(service)))
                .getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + name));
    }
}
