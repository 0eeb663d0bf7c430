package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** values.schema.json refuses values that could not work, naming what is wrong. */
class ValuesSchemaTest {

    private static void assertRefused(ChartRenderer chart, String... named) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, chart::renderText);
        for (String part : named) {
            assertTrue(refused.getMessage().contains(part), () -> "expected '" + part + "' in: " + refused.getMessage());
        }
    }

    @Test
    void aServiceWithoutADatabaseHostIsRefused() {
        assertRefused(ChartRenderer.defaults().set("services.profile-service.database.host", "null"),
                "/services/profile-service/database", "host");
        assertRefused(ChartRenderer.defaults().set("services.webhook-service.database.host", ""),
                "/services/webhook-service/database/host");
    }

    @Test
    void aNegativeReplicaCountIsRefused() {
        assertRefused(ChartRenderer.defaults().set("services.auth-service.replicaCount", -1),
                "/services/auth-service/replicaCount");
    }

    @Test
    void anUnknownKafkaProtocolOrAMisspelledSettingIsRefused() {
        assertRefused(ChartRenderer.defaults().set("kafka.securityProtocol", "SASL_TLS"), "/kafka/securityProtocol");
        assertRefused(ChartRenderer.defaults().set("services.analysis-service.replicas", 3), "replicas");
        assertRefused(ChartRenderer.defaults().set("kafka.topics.analysisCompleted.partitions", 0),
                "/kafka/topics/analysisCompleted/partitions");
    }

    @Test
    void zeroReplicasAreAllowed() {
        ChartRenderer.defaults().set("services.webhook-service.replicaCount", 0).renderText();
    }

    @Test
    void lintReportsTheSchemaErrorToo() {
        // helm lint reads only the chart's values.yaml: a copy with the bad value merged in.
        var lint = new ChartRenderer().values(TestValues.write("services:\n  auth-service:\n    replicaCount: -2\n")).lintStrict();
        assertTrue(lint.isFailed());
        assertTrue(lint.getMessages().toString().contains("/services/auth-service/replicaCount"), lint.getMessages().toString());
    }
}
