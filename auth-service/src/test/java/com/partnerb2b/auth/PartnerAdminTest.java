package com.partnerb2b.auth;

import static com.partnerb2b.auth.AuthApi.operatorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PartnerAdminTest {

    @Test
    void operator_creates_activates_and_suspends_a_partner() {
        String token = operatorToken();
        String pk = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Leasing Lyon"))
                .post("/admin/v1/partners/").then()
                .statusCode(201)
                .body("data.name", equalTo("Leasing Lyon"))
                .body("data.status", equalTo("pending"))
                .body("data.createdAt", notNullValue())
                .extract().path("data.pk");

        given().auth().oauth2(token).get("/admin/v1/partners/" + pk + "/").then()
                .statusCode(200).body("data.pk", equalTo(pk));
        given().auth().oauth2(token).post("/admin/v1/partners/" + pk + "/activate/").then()
                .statusCode(200).body("data.status", equalTo("active"));
        given().auth().oauth2(token).post("/admin/v1/partners/" + pk + "/suspend/").then()
                .statusCode(200).body("data.status", equalTo("suspended"));
    }

    @Test
    void api_key_is_shown_once_with_a_recognisable_prefix() {
        String pk = AuthApi.createPartner("Banque Cle");
        AuthApi.issueKey(pk).statusCode(201)
                .body("data.keyId", matchesPattern("[0-9a-f]{16}"))
                .body("data.apiKey", startsWith("pb2b_live_"))
                .body("data.createdAt", notNullValue());

        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/" + pk + "/api-keys/").then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].apiKey", nullValue())
                .body("data[0].prefix", startsWith("pb2b_live_"))
                .body("data[0].active", equalTo(true));
    }

    @Test
    void partners_are_listed_with_pagination_and_status_filter() {
        for (int i = 0; i < 3; i++) {
            AuthApi.createPartner("Liste " + i);
        }
        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/?limit=2&page=1").then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("meta.page", equalTo(1))
                .body("meta.limit", equalTo(2))
                .body("meta.total", greaterThanOrEqualTo(3))
                .body("meta.total_pages", greaterThanOrEqualTo(2));
        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/?status=pending").then()
                .statusCode(200)
                .body("data.status", everyItem(equalTo("pending")));
    }

    @Test
    void bad_list_parameters_are_400_naming_the_parameter() {
        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/?limit=101").then()
                .statusCode(400).body("error.details[0].field", equalTo("limit"));
        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/?page=abc").then()
                .statusCode(400).body("error.message", equalTo("Type Error"))
                .body("error.details[0].field", equalTo("page"));
        given().auth().oauth2(operatorToken()).get("/admin/v1/partners/?status=deleted").then()
                .statusCode(400).body("error.details[0].field", equalTo("status"));
    }

    @Test
    void unknown_partner_and_key_are_404() {
        String token = operatorToken();
        given().auth().oauth2(token).get("/admin/v1/partners/" + UUID.randomUUID() + "/").then()
                .statusCode(404).body("error.message", equalTo("Partner Not Found"));
        given().auth().oauth2(token).get("/admin/v1/partners/not-a-uuid/").then()
                .statusCode(404).body("error.message", equalTo("Partner Not Found"));
        given().auth().oauth2(token).post("/admin/v1/partners/" + UUID.randomUUID() + "/api-keys/").then()
                .statusCode(404);
        String pk = AuthApi.createPartner("Banque Sans Cle");
        given().auth().oauth2(token).delete("/admin/v1/partners/" + pk + "/api-keys/0123456789abcdef/").then()
                .statusCode(404).body("error.message", equalTo("API Key Not Found"));
    }

    @Test
    void a_key_cannot_be_revoked_through_another_partner() {
        AuthApi.PartnerWithKey owner = AuthApi.activePartner("Banque Proprietaire");
        String other = AuthApi.createPartner("Banque Autre");
        given().auth().oauth2(operatorToken()).delete("/admin/v1/partners/" + other + "/api-keys/" + owner.keyId() + "/")
                .then().statusCode(404);
        AuthApi.token(owner.apiKey()).statusCode(200);
    }

    @Test
    void create_partner_validates_its_body() {
        given().auth().oauth2(operatorToken()).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/admin/v1/partners/").then()
                .statusCode(400).body("error.details[0].field", equalTo("name"));
        given().auth().oauth2(operatorToken()).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201)))
                .post("/admin/v1/partners/").then()
                .statusCode(400).body("error.details[0].field", equalTo("name"));
    }
}
