package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.test.TcpForwarder;
import com.partnerb2b.platform.test.TestKafka;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Kafka unreachable at submit time: the profile-submitted producer bootstraps through a port that
 * is closed; the submit still succeeds, the service stays ready, and the event reaches the real
 * broker once the port opens.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.KafkaBehindAClosedPort.class)
class KafkaOutageTest {

    static final int PORT = TcpForwarder.freePort();
    static TcpForwarder forwarder;

    public static class KafkaBehindAClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.outbox-events.bootstrap.servers", "127.0.0.1:" + PORT);
        }
    }

    @AfterAll
    static void closeForwarder() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
    }

    private static double metric(String name) {
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void submit_succeeds_while_kafka_is_down_and_the_event_follows_when_it_is_back() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        partner.get(pk).body("data.status", equalTo("complete"));

        List<String> pending = OutboxRows.pendingEventIds(pk);
        assertEquals(1, pending.size(), "the event waits in the outbox");
        // Kafka down is not a reason to take the service out of its Kubernetes Service.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        forwarder = new TcpForwarder(PORT, TestKafka.bootstrapServers().split(",")[0]);
        forwarder.open();
        TestTopics.awaitEvent("profile-submitted", pending.get(0), Duration.ofSeconds(60));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> OutboxRows.pendingEventIds(pk).isEmpty());
        // What operators see: the events that left; beside it the count of those held back is exported
        // (how many attempts failed depends on when the port opened, so only its presence is checked).
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> metric("partnerb2b_outbox_published_total") >= 1);
        metric("partnerb2b_outbox_deferred_total");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
