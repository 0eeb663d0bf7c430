package com.partnerb2b.webhook;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.webhook.delivery.LoopbackReceiver;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A partner of the tests with its own receiver on loopback, and the analysis outcomes published for it. */
final class WebhookPartner implements AutoCloseable {

    /** The trace every published test event continues (W3C traceparent). */
    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AtomicInteger ANALYSES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    final UUID id = UUID.randomUUID();
    final String token = TestTokens.partner(id);
    final LoopbackReceiver receiver;
    final String url;

    WebhookPartner(LoopbackReceiver.Responder... answers) throws Exception {
        receiver = new LoopbackReceiver();
        AtomicInteger calls = new AtomicInteger();
        receiver.on("/hooks", exchange -> answers[Math.min(calls.getAndIncrement(), answers.length - 1)].respond(exchange));
        url = "http://receiver.test:" + receiver.port() + "/hooks";
    }

    RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    ValidatableResponse configure(String target) {
        return request().contentType(ContentType.JSON).body(Map.of("url", target)).post("/api/v1/webhooks/configure/").then();
    }

    /** Configures its receiver (which must answer the test event 2xx); returns {pk, secret}. */
    String[] configured() {
        var json = configure(url).statusCode(201).extract().jsonPath();
        return new String[] { json.getString("data.pk"), json.getString("data.secret") };
    }

    ValidatableResponse deliveries(String pk, String query) {
        return request().get("/api/v1/webhooks/" + pk + "/deliveries/" + query).then();
    }

    /** Publishes an analysis-completed event for this partner; returns the event id. */
    String publishAnalysis(String eventId) throws Exception {
        String[] event = analysisEvent(eventId);
        TestTopics.send(AnalysisCompleted.TOPIC, event[0], event[1]);
        return eventId;
    }

    /** An analysis-completed event for this partner: {key, value}. */
    String[] analysisEvent(String eventId) throws Exception {
        int analysis = ANALYSES.incrementAndGet();
        AnalysisCompleted data = new AnalysisCompleted(id, (long) analysis + 1000, UUID.randomUUID(), "CLIENT-" + analysis,
                (long) analysis, AnalysisCompleted.COMPLETED, 612, "B", 0.083, "approve",
                List.of(new AnalysisCompleted.Reason("R01_CHECKING_ACCOUNT", "checking_account_status", "débiteur",
                        "Compte courant débiteur")),
                null, List.of(), "german-reference:1.0.0", Instant.now(), Instant.now(), null);
        EventEnvelope envelope = new EventEnvelope("1.0", eventId, "/partnerb2b/analysis-service", AnalysisCompleted.TYPE,
                String.valueOf(data.profilePk()), Instant.now(), "application/json", MAPPER.valueToTree(data), TRACEPARENT);
        return new String[] { String.valueOf(data.profilePk()), MAPPER.writeValueAsString(envelope) };
    }

    String publishAnalysis() throws Exception {
        return publishAnalysis(UUID.randomUUID().toString());
    }

    List<LoopbackReceiver.Hit> analysisHits() {
        return receiver.hits("/hooks").stream().filter(h -> h.body().contains("\"analysis.")).toList();
    }

    static Duration patience() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
