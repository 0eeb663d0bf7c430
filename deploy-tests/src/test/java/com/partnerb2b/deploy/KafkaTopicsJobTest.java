package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The Job that creates the two topics. helm-java's template gives the release manifest, which (as
 * for helm install) leaves hooks out: the hook is inspected rendered as a plain Job (asHook=false).
 */
class KafkaTopicsJobTest {

    @Test
    void noJobUnlessAsked() {
        assertEquals(List.of(), ChartRenderer.defaults().set("kafka.createTopics.asHook", false).render().all(Job.class));
    }

    @Test
    void asAHookTheJobStaysOutOfTheReleaseManifest() {
        assertEquals(List.of(), ChartRenderer.defaults().set("kafka.createTopics.enabled", true).render().all(Job.class));
    }

    @Test
    void theJobCreatesBothTopicsIfMissingWithTheirPartitionsAndReplication() {
        Job job = ChartRenderer.defaults().set("kafka.createTopics.enabled", true).set("kafka.createTopics.asHook", false)
                .set("kafka.topics.analysisCompleted.partitions", 24).render().get(Job.class, "partnerb2b-kafka-topics");
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("apache/kafka:4.1.2", container.getImage());
        String script = String.join("\n", container.getArgs());
        assertTrue(script.contains("--create --if-not-exists --topic \"profile-submitted\" \\\n  --partitions 6 --replication-factor 3 \\\n  --config retention.ms=604800000"), script);
        assertTrue(script.contains("--create --if-not-exists --topic \"analysis-completed\" \\\n  --partitions 24 --replication-factor 3 \\\n  --config retention.ms=604800000"), script);
        assertTrue(script.contains("security.protocol=${SECURITY_PROTOCOL}"));
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.TRUE, job.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("LOG_DIR") && e.getValue().startsWith("/tmp")));
    }

    @Test
    void withSaslAndTlsTheJobReadsTheCredentialsFromTheSecretAndTrustsTheCa() {
        Job job = ChartRenderer.production().set("kafka.createTopics.asHook", false).render().get(Job.class, "partnerb2b-kafka-topics");
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        String script = String.join("\n", container.getArgs());
        assertTrue(script.contains("sasl.mechanism=${SASL_MECHANISM}"));
        assertTrue(script.contains("ScramLoginModule required username=\\\"${SASL_USERNAME}\\\" password=\\\"${SASL_PASSWORD}\\\""), script);
        assertTrue(script.contains("ssl.truststore.location=/etc/kafka-ca/ca.crt"));
        assertEquals("partnerb2b-kafka", container.getEnv().stream().filter(e -> e.getName().equals("SASL_PASSWORD"))
                .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName());
        assertEquals("kafka-ca", job.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("kafka-ca")).findFirst().orElseThrow().getSecret().getSecretName());
    }
}
