package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Nothing of one partner is visible to another (404, never 403); pending partners get 403; anonymous 401. */
@QuarkusTest
class AccessTest {

    @Test
    void another_partner_gets_404_on_every_endpoint() throws Exception {
        ProfileApi owner = new ProfileApi();
        long pk = owner.createValid();
        long document = DocumentTest.uploadPdf(owner, pk, "bank_statement").extract().jsonPath().getLong("data.pk");

        ProfileApi other = new ProfileApi();
        notFound(other.request().get("/api/v1/profiles/" + pk + "/"));
        notFound(other.request().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("firstname", "X")))
                .patch("/api/v1/profiles/" + pk + "/"));
        notFound(other.request().contentType(ContentType.JSON).body(Map.of("attributes", ProfileApi.validAttributes()))
                .put("/api/v1/profiles/" + pk + "/"));
        notFound(other.request().delete("/api/v1/profiles/" + pk + "/"));
        notFound(other.request().post("/api/v1/profiles/" + pk + "/submit/"));
        notFound(other.request().get("/api/v1/profiles/" + pk + "/documents/"));
        notFound(other.request().multiPart("attribute", "bank_statement")
                .multiPart("file", "releve.pdf", DocumentTest.pdf("intrus"), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/"));
        notFound(other.request().get("/api/v1/documents/" + document + "/"));
        notFound(other.request().get("/api/v1/documents/" + document + "/content/"));
        other.request().get("/api/v1/profiles/").then().statusCode(200).body("data.pk", not(hasItem((int) pk)));

        // the owner's profile is untouched
        owner.get(pk).statusCode(200).body("data.status", equalTo("draft"))
                .body("data.document_set.size()", equalTo(1));
    }

    @Test
    void a_partner_not_activated_is_not_allowed_anywhere() {
        ProfileApi owner = new ProfileApi();
        long pk = owner.createValid();
        RequestSpecification pending = given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID()));
        notAllowed(given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).get("/api/v1/metadata/"));
        notAllowed(pending.get("/api/v1/profiles/"));
        notAllowed(given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("attributes", ProfileApi.validAttributes())).post("/api/v1/profiles/"));
        notAllowed(given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).post("/api/v1/profiles/" + pk + "/submit/"));
        notAllowed(given().auth().oauth2(TestTokens.pendingPartner(UUID.randomUUID())).get("/api/v1/documents/1/content/"));
    }

    @Test
    void without_a_token_it_is_401_and_an_operator_token_is_not_a_partner() {
        given().get("/api/v1/metadata/").then().statusCode(401).body("error.message", equalTo("Authentication Error"));
        given().get("/api/v1/profiles/").then().statusCode(401);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/profiles/").then().statusCode(403);
    }

    @Test
    void only_operators_extend_the_catalogue() {
        new ProfileApi().request().contentType(ContentType.JSON)
                .body(Map.of("name", "x_attr", "displayedName", "X", "type", "string", "category", "diverse"))
                .post("/admin/v1/attributes/").then().statusCode(403);
    }

    private static void notFound(io.restassured.response.Response response) {
        ValidatableResponse then = response.then();
        then.statusCode(404).contentType(ContentType.JSON);
    }

    private static void notAllowed(io.restassured.response.Response response) {
        response.then().statusCode(403).body("error.message", equalTo("Not Allowed"));
    }
}
