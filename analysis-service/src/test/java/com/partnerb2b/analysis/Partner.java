package com.partnerb2b.analysis;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.test.TestRows;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.test.TestTopics;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A partner of the tests: its token, its profiles' submissions (as profile-service publishes them) and its calls. */
final class Partner {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Profile pks unique across the run (the real ones come from profile-service's sequence). */
    private static final AtomicLong PROFILES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    final UUID id = UUID.randomUUID();
    final String token = TestTokens.partner(id);

    static long newProfilePk() {
        return PROFILES.incrementAndGet();
    }

    /** A customer of average standing whose scorecard inputs are all present. */
    static Map<String, Object> customer() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lastname", "Dupont");
        values.put("birth_date", "1988-04-12");
        values.put("monthly_income", 2800);
        values.put("monthly_charges", 900);
        values.put("requested_amount", 10000);
        values.put("credit_duration_months", 24);
        values.put("credit_purpose", "voiture_occasion");
        values.put("checking_account_status", "créditeur_moins_200");
        values.put("savings_amount", 300);
        values.put("credit_history", "crédits_en_cours_à_jour");
        values.put("professional_situation", "salarié");
        values.put("years_in_current_job", 3);
        values.put("guarantor", "aucun");
        values.put("years_at_current_address", 2);
        values.put("assets", "voiture_autre");
        values.put("other_credits", "aucun");
        values.put("housing_situation", "locataire");
        values.put("existing_credits_number", 1);
        values.put("children_number", 1);
        values.put("means_of_movement", java.util.List.of("vélo", "auto"));
        return values;
    }

    /** Publishes the profile-submitted event of a new submission of the profile; returns its submission id. */
    UUID submit(long profilePk, Map<String, Object> values, Instant submittedAt) throws Exception {
        UUID submissionId = UUID.randomUUID();
        publish(profilePk, submissionId, values, submittedAt, UUID.randomUUID().toString());
        return submissionId;
    }

    /** Publishes the event and, as profile-service would then answer, makes the submission the profile's current one. */
    void publish(long profilePk, UUID submissionId, Map<String, Object> values, Instant submittedAt, String eventId)
            throws Exception {
        ProfileServiceStandIn.submitted(profilePk, "Bearer " + token, submissionId.toString());
        TestTopics.send(ProfileSubmitted.TOPIC, String.valueOf(profilePk), event(profilePk, submissionId, values, submittedAt, eventId));
    }

    /**
     * Publishes the erasure of the partner's profile (as profile-service does when it deletes it), and
     * makes profile-service answer 404 for it; returns the event id.
     */
    String erase(long profilePk) throws Exception {
        ProfileServiceStandIn.notFound(profilePk, "Bearer " + token);
        String eventId = UUID.randomUUID().toString();
        TestTopics.send(ProfileErased.TOPIC, String.valueOf(profilePk), erasure(profilePk, eventId));
        return eventId;
    }

    String erasure(long profilePk, String eventId) throws Exception {
        Instant now = Instant.now();
        EventEnvelope envelope = new EventEnvelope("1.0", eventId, "/partnerb2b/profile-service", ProfileErased.TYPE,
                String.valueOf(profilePk), now, "application/json", MAPPER.valueToTree(new ProfileErased(id, profilePk, now)), null);
        return MAPPER.writeValueAsString(envelope);
    }

    /** The profile-submitted event profile-service would publish, as its message. */
    String event(long profilePk, UUID submissionId, Map<String, Object> values, Instant submittedAt, String eventId)
            throws Exception {
        ProfileSubmitted data = new ProfileSubmitted(id, profilePk, submissionId, 1L, "CLIENT-" + profilePk, submittedAt, values);
        EventEnvelope envelope = new EventEnvelope("1.0", eventId, "/partnerb2b/profile-service", ProfileSubmitted.TYPE,
                String.valueOf(profilePk), submittedAt, "application/json", MAPPER.valueToTree(data), null);
        return MAPPER.writeValueAsString(envelope);
    }

    RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    ValidatableResponse requestAnalysis(long profilePk) {
        return request().post("/api/v1/profiles/" + profilePk + "/analyses/").then();
    }

    /** Asks for an analysis as part of the caller's trace (a W3C traceparent header). */
    ValidatableResponse requestAnalysis(long profilePk, String traceparent) {
        return request().header("traceparent", traceparent).post("/api/v1/profiles/" + profilePk + "/analyses/").then();
    }

    ValidatableResponse analysis(long analysisPk) {
        return request().get("/api/v1/analyses/" + analysisPk + "/").then();
    }

    ValidatableResponse analysesOf(long profilePk, String query) {
        return request().get("/api/v1/profiles/" + profilePk + "/analyses/" + query).then();
    }

    /**
     * Asks for an analysis of a profile submitted at profile-service whose event has not come (here it never
     * does, unless the test publishes it): the analysis pk, pending.
     */
    long requestBeforeItsEvent(long profilePk) {
        ProfileServiceStandIn.submitted(profilePk, "Bearer " + token, UUID.randomUUID().toString());
        return requestAnalysis(profilePk).statusCode(201).extract().jsonPath().getLong("data.pk");
    }

    /** Waits until this service has kept the submission (its event consumed). */
    static void awaitKept(UUID submissionId) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TestRows.count("SELECT count(*) FROM submissions WHERE submission_id = ?", submissionId) == 1);
    }

    /** Publishes a submission, waits until it is kept here, and asks for its analysis: the analysis pk. */
    long submitAndRequest(long profilePk, Map<String, Object> values) throws Exception {
        awaitKept(submit(profilePk, values, Instant.now()));
        return requestAnalysis(profilePk).statusCode(201).extract().jsonPath().getLong("data.pk");
    }

    /** Waits for the analysis to finish and returns its final answer. */
    ValidatableResponse awaitFinished(long analysisPk) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String status = analysis(analysisPk).extract().jsonPath().getString("data.status");
            return "completed".equals(status) || "failed".equals(status);
        });
        return analysis(analysisPk);
    }
}
