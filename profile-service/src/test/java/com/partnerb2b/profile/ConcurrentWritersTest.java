package com.partnerb2b.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.test.LoopbackTcp;
import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestMetrics;
import com.partnerb2b.platform.test.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Writers of one profile that overlap. The other writer is played by a transaction of the test's
 * own, held open on the profile's row until the request under test is seen waiting for it.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private final ProfileApi partner = new ProfileApi();

    @Test
    void an_erasure_waits_for_a_submit_under_way_and_erases_its_event_too() throws Exception {
        long pk = partner.createValid();
        try (Connection submit = PostgresTestResource.database().connect()) {
            submit.setAutoCommit(false);
            lockProfile(submit, pk);
            // What a submit writes in its transaction: the event, not yet committed.
            try (PreparedStatement event = submit.prepareStatement("INSERT INTO outbox_events (id, topic, message_key, payload, created_at)"
                    + " VALUES (?, 'profile-submitted', ?, '{\"data\":{\"lastname\":\"Dupont\"}}', now())")) {
                event.setObject(1, UUID.randomUUID());
                event.setString(2, String.valueOf(pk));
                event.executeUpdate();
            }
            CompletableFuture<Response> erasure = CompletableFuture.supplyAsync(
                    () -> partner.request().delete("/api/v1/profiles/" + pk + "/"));
            awaitSomeoneWaitingForALock();
            submit.commit();
            assertEquals(200, erasure.join().statusCode());
        }
        assertEquals(0, ProfileLifecycleTest.count("SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND payload LIKE '%Dupont%'", pk),
                "the event of the submit that committed first is erased with the profile");
        assertEquals(1, ProfileLifecycleTest.count("SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND payload::jsonb ->> 'type' = ?",
                pk, ProfileErased.TYPE), "only the erasure's own event is left");
        assertEquals(0, ProfileLifecycleTest.count("SELECT count(*) FROM profiles WHERE id = ?", pk));
    }

    @Test
    void a_submit_that_waited_for_a_change_submits_the_changed_values() throws Exception {
        long pk = partner.createValid();
        try (Connection change = PostgresTestResource.database().connect()) {
            change.setAutoCommit(false);
            lockProfile(change, pk);
            // What a change writes in its transaction: a value, not yet committed.
            try (PreparedStatement value = change.prepareStatement("UPDATE profile_values SET value_text = '750' WHERE profile_id = ?"
                    + " AND attribute_id = (SELECT id FROM attributes WHERE name = 'monthly_charges')")) {
                value.setLong(1, pk);
                assertEquals(1, value.executeUpdate());
            }
            CompletableFuture<Response> submit = CompletableFuture.supplyAsync(
                    () -> partner.request().post("/api/v1/profiles/" + pk + "/submit/"));
            awaitSomeoneWaitingForALock();
            change.commit();
            assertEquals(200, submit.join().statusCode());
        }
        JsonNode event = new ObjectMapper().readTree(TestRows.text("SELECT payload FROM outbox_events WHERE message_key = ?", String.valueOf(pk)));
        assertEquals(750, event.path("data").path("attributes").path("monthly_charges").asInt(), event.toString());
    }

    @Test
    void a_request_waiting_too_long_for_a_lock_is_answered_503_not_left_hanging() throws Exception {
        long pk = partner.createValid();
        try (Connection other = PostgresTestResource.database().connect()) {
            other.setAutoCommit(false);
            lockProfile(other, pk);
            // Held past the lock timeout: the upload gives up and says so.
            Response upload = partner.request().multiPart("attribute", "payslip")
                    .multiPart("file", "bulletin.pdf", DocumentTest.pdf("Bulletin"), "application/pdf")
                    .post("/api/v1/profiles/" + pk + "/documents/");
            assertEquals(503, upload.statusCode(), upload.asString());
            assertEquals("service_unavailable", upload.jsonPath().getString("error.code"));
            assertEquals("1", upload.header("Retry-After"));
            other.rollback();
        }
        partner.request().multiPart("attribute", "payslip")
                .multiPart("file", "bulletin.pdf", DocumentTest.pdf("Bulletin"), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(201);
    }

    @Test
    void a_partners_overlapping_writes_to_one_profile_all_succeed_in_turn() {
        long pk = partner.createValid();
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> partner.request().contentType(ContentType.JSON)
                    .body(Map.of("attributes", Map.of("children_number", n))).patch("/api/v1/profiles/" + pk + "/")));
            calls.add(CompletableFuture.supplyAsync(() -> partner.request().multiPart("attribute", "payslip")
                    .multiPart("file", "bulletin" + n + ".pdf", DocumentTest.pdf("Bulletin " + n), "application/pdf")
                    .post("/api/v1/profiles/" + pk + "/documents/")));
            calls.add(CompletableFuture.supplyAsync(() -> partner.request().post("/api/v1/profiles/" + pk + "/submit/")));
        }
        for (CompletableFuture<Response> call : calls) {
            Response response = call.join();
            assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.asString());
        }
        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then().body("data.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void a_submit_whose_caller_hangs_up_while_it_waits_still_ends_as_it_would_have() throws Exception {
        long pk = partner.createValid();
        try (Connection other = PostgresTestResource.database().connect()) {
            other.setAutoCommit(false);
            lockProfile(other, pk);
            int callerPort;
            try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
                callerPort = caller.getLocalPort();
                caller.getOutputStream().write(("POST /api/v1/profiles/" + pk + "/submit/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + partner.token() + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                caller.getOutputStream().flush();
                awaitSomeoneWaitingForALock();
            }
            // The server has seen the caller go (and closed its side) before the lock is released.
            Awaitility.await().atMost(Duration.ofSeconds(4)).until(() -> !LoopbackTcp.open(RestAssured.port, callerPort));
            other.commit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(
                TestRows.text("SELECT status FROM profiles WHERE id = ?", pk)));
        assertEquals(1, OutboxRows.eventIds(pk).size(), "submitted with its event, as if the caller had waited");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> TestMetrics.sum("sql_pool_active") == 0);
    }

    private static void lockProfile(Connection connection, long pk) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM profiles WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, pk);
            lock.executeQuery().close();
        }
    }

    private static void awaitSomeoneWaitingForALock() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection observer = PostgresTestResource.database().connect();
                    PreparedStatement waiting = observer.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
                    ResultSet rs = waiting.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }
}
