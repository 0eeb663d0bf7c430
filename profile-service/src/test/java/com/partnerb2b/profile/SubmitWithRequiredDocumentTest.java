package com.partnerb2b.profile;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTopics;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A catalogue where an operator made a document required. It runs on a database of its own (its
 * own test profile), so the catalogue change and the percentages it implies touch no other test.
 */
@QuarkusTest
@TestProfile(SubmitWithRequiredDocumentTest.OwnCatalogue.class)
class SubmitWithRequiredDocumentTest {

    public static class OwnCatalogue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerb2b.test.catalogue", "with-required-contract");
        }
    }

    private final ProfileApi partner = new ProfileApi();

    private static boolean contractRequired;

    @BeforeEach
    void requireASignedContract() {
        if (contractRequired) {
            return;
        }
        contractRequired = true;
        RestAssured.given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "signed_contract", "displayedName", "Contrat signé", "type", "file",
                        "category", "documents", "isRequired", true, "acceptedFormat", "pdf"))
                .post("/admin/v1/attributes/").then().statusCode(201);
    }

    @Test
    void submit_lists_missing_required_documents_with_a_completion_percentage() {
        long pk = partner.createValid();
        // 8 required values of the default catalogue are there, the required document is not: 8 of 9.
        partner.submit(pk).statusCode(400)
                .body("error.message", equalTo("Missing required attributes."))
                .body("error.details.field", contains("signed_contract"))
                .body("error.details.message", contains("Missing required attributes."))
                .body("error.completion", equalTo(88));
        partner.get(pk).body("data.status", equalTo("draft"));

        DocumentTest.uploadPdf(partner, pk, "signed_contract");
        partner.submit(pk).statusCode(200).body("data.status", equalTo("Complet"));
    }

    @Test
    void a_refused_submit_publishes_nothing_and_a_repeated_one_publishes_once() throws Exception {
        long pk = partner.createValid();
        partner.submit(pk).statusCode(400);
        partner.submit(pk).statusCode(400);
        assertEquals(List.of(), OutboxRows.eventIds(pk), "no event was recorded: none can ever be published");

        DocumentTest.uploadPdf(partner, pk, "signed_contract");
        partner.submit(pk).statusCode(200);
        partner.submit(pk).statusCode(200); // unchanged since: no second submission
        List<String> events = OutboxRows.eventIds(pk);
        assertEquals(1, events.size(), "one event for one submission");
        TestTopics.awaitEvent("profile-submitted", events.get(0), Duration.ofSeconds(30));
    }
}
