package com.partnerb2b.analysis;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A request that arrives before the profile's submission event: profile-service is asked, on the
 * caller's behalf, and the partner gets the right answer whatever the race.
 */
@QuarkusTest
class RequestBeforeEventTest {

    @Test
    void submitted_with_its_event_in_flight_the_analysis_waits_for_the_submission_then_is_scored() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        UUID submission = UUID.randomUUID();
        ProfileServiceStandIn.submitted(pk, "Bearer " + partner.token, submission.toString());
        String requestId = UUID.randomUUID().toString();

        long analysisPk = partner.request().header("X-Request-Id", requestId)
                .post("/api/v1/profiles/" + pk + "/analyses/").then().statusCode(201)
                .body("data.status", equalTo("pending"))
                .extract().jsonPath().getLong("data.pk");
        Map<String, String> heard = ProfileServiceStandIn.heard(pk);
        assertEquals("Bearer " + partner.token, heard.get("authorization"), "the caller's token is forwarded");
        assertEquals(requestId, heard.get("x-request-id"), "the caller's request id is forwarded");
        assertEquals("pending", TestRows.text("SELECT status FROM analyses WHERE id = ?", analysisPk),
                "nothing to score before the submission arrives");

        partner.publish(pk, submission, Partner.customer(), Instant.now(), UUID.randomUUID().toString());
        partner.awaitFinished(analysisPk)
                .body("data.status", equalTo("completed"))
                .body("data.submissionId", equalTo(submission.toString()));
    }

    @Test
    void a_draft_profile_is_not_analysed() {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        ProfileServiceStandIn.draft(pk, "Bearer " + partner.token);
        partner.requestAnalysis(pk).statusCode(400)
                .body("error.message", equalTo("Profile not submitted"))
                .body("error.details[0].field", equalTo("status"));
    }

    @Test
    void another_partners_or_an_unknown_profile_is_not_found_nor_its_analyses_listed() throws Exception {
        Partner owner = new Partner();
        Partner other = new Partner();
        long pk = Partner.newProfilePk();
        long analysisPk = owner.submitAndRequest(pk, Partner.customer());
        owner.awaitFinished(analysisPk).body("data.status", equalTo("completed"));

        other.requestAnalysis(pk).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        other.analysis(analysisPk).statusCode(404).body("error.message", equalTo("Analysis Not Found"));
        other.analysesOf(pk, "").statusCode(404).body("error.message", equalTo("Profile Not Found"));
        owner.analysesOf(Partner.newProfilePk(), "").statusCode(404).body("error.message", equalTo("Profile Not Found"));
        owner.analysesOf(pk, "").statusCode(200).body("meta.total", equalTo(1));
        // The owner's profile with no analysis yet: known by its submission here, or (a draft) by profile-service.
        long submittedOnly = Partner.newProfilePk();
        Partner.awaitKept(owner.submit(submittedOnly, Partner.customer(), java.time.Instant.now()));
        owner.analysesOf(submittedOnly, "").statusCode(200).body("data", equalTo(List.of())).body("meta.total", equalTo(0));
        long draft = Partner.newProfilePk();
        ProfileServiceStandIn.draft(draft, "Bearer " + owner.token);
        owner.analysesOf(draft, "").statusCode(200).body("data", equalTo(List.of()));
        owner.requestAnalysis(Partner.newProfilePk()).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        owner.analysis(Long.MAX_VALUE).statusCode(404);
        owner.request().get("/api/v1/analyses/abc/").then().statusCode(404);
    }

    @Test
    void a_profile_modified_back_to_draft_after_its_event_arrived_is_not_analysed() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(pk, Partner.customer(), Instant.now()));
        ProfileServiceStandIn.draft(pk, "Bearer " + partner.token);

        partner.requestAnalysis(pk).statusCode(400).body("error.message", equalTo("Profile not submitted"));
        assertEquals(0, TestRows.countUnchecked("SELECT count(*) FROM analyses WHERE profile_pk = ?", pk));
    }

    @Test
    void a_profile_deleted_after_its_event_arrived_is_not_found() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(pk, Partner.customer(), Instant.now()));
        ProfileServiceStandIn.notFound(pk, "Bearer " + partner.token);

        partner.requestAnalysis(pk).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        assertEquals(0, TestRows.countUnchecked("SELECT count(*) FROM analyses WHERE profile_pk = ?", pk));
    }

    @Test
    void a_profiles_erasure_deletes_the_submissions_kept_of_it_and_only_the_partners_own() throws Exception {
        Partner partner = new Partner();
        Partner other = new Partner();
        long pk = Partner.newProfilePk();
        long analysisPk = partner.submitAndRequest(pk, Partner.customer());
        partner.awaitFinished(analysisPk).body("data.status", equalTo("completed"));
        UUID resubmitted = partner.submit(pk, Partner.customer(), Instant.now());
        Partner.awaitKept(resubmitted);
        // A submission whose handling failed, set aside with its values for a replay.
        String setAside = UUID.randomUUID().toString();
        TestRows.update("INSERT INTO failed_events (event_id, topic, type, reason, payload, failed_at, replay_at)"
                + " VALUES (?, ?, ?, 'handling failed: a bug', ?, now(), now() + interval '1 hour')", setAside, ProfileSubmitted.TOPIC,
                ProfileSubmitted.TYPE, partner.event(pk, UUID.randomUUID(), Partner.customer(), Instant.now(), setAside));
        // Another partner's erasure of the same number (never a real one: pks are global) touches nothing of this one;
        // the deletion of that partner's own set-aside message is the erasure's last step.
        String othersSetAside = UUID.randomUUID().toString();
        TestRows.update("INSERT INTO failed_events (event_id, topic, type, reason, payload, failed_at, replay_at)"
                + " VALUES (?, ?, ?, 'handling failed: a bug', ?, now(), now() + interval '1 hour')", othersSetAside,
                ProfileSubmitted.TOPIC, ProfileSubmitted.TYPE, other.event(pk, UUID.randomUUID(), Partner.customer(), Instant.now(),
                        othersSetAside));
        other.erase(pk);
        awaitGone(othersSetAside);
        assertEquals(2, TestRows.count("SELECT count(*) FROM submissions WHERE profile_pk = ?", pk));
        assertEquals(1, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", setAside));

        String eventId = partner.erase(pk);

        awaitGone(setAside); // the erasure's last step: no replay brings it back
        assertEquals(0, TestRows.count("SELECT count(*) FROM submissions WHERE profile_pk = ?", pk));
        partner.requestAnalysis(pk).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        partner.analysis(analysisPk).statusCode(200).body("data.status", equalTo("completed"));
        // The erasure again (a redelivery), then a marker on the same key, so consumed after it: handled once, nothing set aside.
        TestTopics.send(ProfileErased.TOPIC, String.valueOf(pk), partner.erasure(pk, eventId));
        awaitHandled(new Partner().erase(pk));
        assertEquals(0, TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", eventId));
        assertEquals(1, TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId));
    }

    @Test
    void an_analysis_still_waiting_for_its_submission_fails_as_soon_as_the_profile_is_erased() throws Exception {
        Partner partner = new Partner();
        Partner other = new Partner();
        long pk = Partner.newProfilePk();
        // Submitted at profile-service, its event never to come: the analysis waits (the wait here is 10 minutes).
        long waiting = partner.requestBeforeItsEvent(pk);
        awaitHandled(other.erase(pk)); // another partner's erasure of the number leaves it waiting
        assertEquals("pending", TestRows.text("SELECT status FROM analyses WHERE id = ?", waiting));

        partner.erase(pk);

        awaitFailedAsErased(partner, waiting);
        // its outcome leaves for the partner's webhook like any other
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.count(
                "SELECT count(*) FROM outbox_events WHERE payload LIKE ?", "%\"analysisPk\":" + waiting + ",%") == 1);
    }

    @Test
    void an_analysis_inserted_after_the_erasure_was_handled_fails_at_once() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        partner.erase(pk);
        awaitRecordedErased(partner, pk);

        // The race: the request asked profile-service just before the delete, and inserts its analysis now.
        long late = partner.requestBeforeItsEvent(pk);

        awaitFailedAsErased(partner, late);
    }

    @Test
    void an_analysis_marked_by_the_version_before_erased_profiles_still_fails_at_once() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        long waiting = partner.requestBeforeItsEvent(pk);

        // What a pod of the version before V4 writes on the erasure, during a rolling update.
        TestRows.update("UPDATE analyses SET profile_erased = true WHERE id = ?", waiting);

        awaitFailedAsErased(partner, waiting);
    }

    @Test
    void a_submission_of_an_erased_profile_delivered_late_is_not_kept() throws Exception {
        Partner partner = new Partner();
        Partner other = new Partner();
        long pk = Partner.newProfilePk();
        partner.erase(pk);
        awaitRecordedErased(partner, pk);
        String lateEvent = UUID.randomUUID().toString();
        UUID late = UUID.randomUUID();
        UUID othersOwn = other.submit(pk, Partner.customer(), Instant.now()); // the same number at another partner

        partner.publish(pk, late, Partner.customer(), Instant.now(), lateEvent);

        awaitHandled(lateEvent);
        Partner.awaitKept(othersOwn);
        assertEquals(0, TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", late),
                "the erased profile's values are not kept again");
    }

    private static void awaitRecordedErased(Partner partner, long pk) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.count(
                "SELECT count(*) FROM erased_profiles WHERE partner_id = ? AND profile_pk = ?", partner.id, pk) == 1);
    }

    private static void awaitFailedAsErased(Partner partner, long analysisPk) {
        partner.awaitFinished(analysisPk)
                .body("data.status", equalTo("failed"))
                .body("data.failure_reason", equalTo("the profile was deleted before it was scored"));
    }

    private static void awaitGone(String setAsideEventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                TestRows.count("SELECT count(*) FROM failed_events WHERE event_id = ?", setAsideEventId) == 0);
    }

    private static void awaitHandled(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TestRows.count("SELECT count(*) FROM processed_events WHERE event_id = ?", eventId) == 1);
    }

    @Test
    void a_profile_submitted_again_is_analysed_on_its_new_submission_not_the_one_kept_here() throws Exception {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        Partner.awaitKept(partner.submit(pk, Partner.customer(), Instant.now()));
        UUID resubmitted = UUID.randomUUID(); // its event still on its way
        ProfileServiceStandIn.submitted(pk, "Bearer " + partner.token, resubmitted.toString());

        long analysisPk = partner.requestAnalysis(pk).statusCode(201).extract().jsonPath().getLong("data.pk");
        assertEquals(resubmitted.toString(), TestRows.text("SELECT submission_id::text FROM analyses WHERE id = ?", analysisPk));
        assertEquals("pending", TestRows.text("SELECT status FROM analyses WHERE id = ?", analysisPk),
                "not scored on the submission kept here");

        partner.publish(pk, resubmitted, Partner.customer(), Instant.now(), UUID.randomUUID().toString());
        partner.awaitFinished(analysisPk)
                .body("data.status", equalTo("completed"))
                .body("data.submissionId", equalTo(resubmitted.toString()));
    }

    @Test
    void a_partner_not_activated_is_not_allowed() {
        UUID partnerId = UUID.randomUUID();
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.pendingPartner(partnerId))
                .post("/api/v1/profiles/1/analyses/").then().statusCode(403)
                .body("error.message", equalTo("Not Allowed"));
    }

    @Test
    void the_partners_rate_limit_at_profile_service_is_its_429_not_a_503() {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        ProfileServiceStandIn.answer(pk, "Bearer " + partner.token, 429,
                "{\"error\": {\"code\": \"rate_limited\", \"message\": \"Too Many Requests\", \"details\": []}}");
        partner.requestAnalysis(pk).statusCode(429)
                .header("Retry-After", "1")
                .body("error.code", equalTo("rate_limited"));
        partner.analysesOf(pk, "").statusCode(429).body("error.code", equalTo("rate_limited"));
        assertEquals(0, TestRows.countUnchecked("SELECT count(*) FROM analyses WHERE profile_pk = ?", pk));
    }

    @Test
    void profile_service_failing_is_a_503_to_retry_not_a_wrong_answer() {
        Partner partner = new Partner();
        long pk = Partner.newProfilePk();
        ProfileServiceStandIn.answer(pk, "Bearer " + partner.token, 500, "{}");
        partner.requestAnalysis(pk).statusCode(503)
                .header("Retry-After", "1")
                .body("error.details[0].field", equalTo("profile"));
        assertEquals(0, TestRows.countUnchecked("SELECT count(*) FROM analyses WHERE profile_pk = ?", pk));
    }
}
