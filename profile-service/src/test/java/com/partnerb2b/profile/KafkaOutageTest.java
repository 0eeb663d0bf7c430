package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TcpForwarder;
import com.partnerb2b.platform.test.TestKafka;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Kafka unreachable at submit time: the profile-submitted producer bootstraps through a port that
 * is closed; the submit still succeeds, and the event reaches the real broker once the port opens.
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

    @Test
    void submit_succeeds_while_kafka_is_down_and_the_event_follows_when_it_is_back() throws Exception {
        ProfileApi partner = new ProfileApi();
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200);
        partner.get(pk).body("data.status", org.hamcrest.Matchers.equalTo("complete"));

        Thread.sleep(2_000);
        assertEquals(1, ProfileLifecycleTest.count(
                "SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND published_at IS NULL", pk),
                "the event waits in the outbox");

        forwarder = new TcpForwarder(PORT, TestKafka.bootstrapServers().split(",")[0]);
        forwarder.open();
        KafkaEvents.await("profile-submitted", r -> String.valueOf(pk).equals(r.key()), Duration.ofSeconds(60));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ProfileLifecycleTest.count(
                "SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND published_at IS NOT NULL", pk) == 1);
    }
}
