package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MetadataTest {

    @Test
    void attributes_come_grouped_by_category_in_the_seed_shape() {
        JsonPath json = new ProfileApi().request().get("/api/v1/metadata/").then()
                .statusCode(200)
                .body("data", hasKey("family situation"))
                .body("data", hasKey("documents"))
                .body("data", hasKey("credit request"))
                .body("data.'family situation'[0].name", equalTo("family_situation"))
                .body("data.'family situation'[0].displayedName", equalTo("Situation familiale"))
                .body("data.'family situation'[0].type", equalTo("choice"))
                .body("data.'family situation'[0].isRequired", equalTo(false))
                .body("data.'family situation'[0].validation", nullValue())
                .body("data.'family situation'[0].sensitiveData", equalTo(false))
                .body("data.'family situation'[0].attributechoice_set.displayedName",
                        contains("célibataire", "marié_pacsé", "séparé_divorcé"))
                .body("data.'family situation'[0].maxLength", equalTo(0))
                .body("data.'family situation'[0].maxValue", equalTo(9.223372036854776e18f))
                .body("data.'family situation'[0].isEqualTo", nullValue())
                .body("data.'family situation'[0].acceptedFormat", nullValue())
                .body("data.documents.name", hasItems("bank_statement", "proof_of_address", "identity_document", "payslip", "tax_notice"))
                .body("data.documents.find { it.name == 'bank_statement' }.displayedName", equalTo("Relevé bancaire"))
                .body("data.documents.find { it.name == 'bank_statement' }.sensitiveData", equalTo(true))
                .body("data.documents.find { it.name == 'bank_statement' }.acceptedFormat", equalTo("pdf"))
                .body("data.'personal data'.find { it.name == 'email' }.regex", notNullValue())
                .body("data.'personal data'.find { it.name == 'birth_country' }.attributechoice_set", hasSize(249))
                .extract().jsonPath();

        List<String> keys = new ArrayList<>();
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.prettify())
                    .path("data").path("family situation").get(0).fieldNames().forEachRemaining(keys::add);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of("pk", "name", "displayedName", "type", "isRequired", "validation", "sensitiveData",
                "attributechoice_set", "maxLength", "minLength", "maxValue", "minValue", "isEqualTo", "maxDate", "minDate",
                "maxSize", "acceptedFormat", "regex"), keys);
        assertEquals("other_housing_situation", json.getString(
                "data.'housing situation'.find { it.name == 'housing_situation' }.attributechoice_set.find { it.displayedName == \"autre situation d'habilitation\" }.requires"));
    }

    @Test
    void the_catalogue_is_revalidated_with_its_etag_and_sent_compressed() {
        ProfileApi partner = new ProfileApi();
        io.restassured.response.Response first = partner.request().get("/api/v1/metadata/");
        first.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("private"));
        String etag = first.header("ETag");
        assertEquals('"', etag.charAt(0), "a strong entity tag: " + etag);

        partner.request().header("If-None-Match", etag).get("/api/v1/metadata/").then()
                .statusCode(304).header("ETag", equalTo(etag));
        partner.request().header("If-None-Match", "\"another\"").get("/api/v1/metadata/").then().statusCode(200);

        // RestAssured decodes gzip itself: the header says the bytes travelled compressed.
        partner.request().header("Accept-Encoding", "gzip").get("/api/v1/metadata/").then()
                .statusCode(200).header("Content-Encoding", "gzip").body("data", hasKey("documents"));

        // An operator's change gives the catalogue another tag, and the old one is answered in full.
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "etag_probe_" + System.nanoTime(), "displayedName", "Sonde", "type", "string", "category", "diverse"))
                .post("/admin/v1/attributes/").then().statusCode(201);
        io.restassured.response.Response after = partner.request().header("If-None-Match", etag).get("/api/v1/metadata/");
        after.then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void a_change_made_through_another_replica_shows_without_a_restart() throws Exception {
        ProfileApi partner = new ProfileApi();
        String etag = partner.request().get("/api/v1/metadata/").then().statusCode(200).extract().header("ETag");
        String name = "replica_probe_" + System.nanoTime();
        // Another replica's change: straight into the shared database, this replica's cache untouched.
        try (java.sql.Connection connection = com.partnerb2b.platform.test.PostgresTestResource.database().connect();
                java.sql.PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO attributes (name, displayed_name, type, category, position) VALUES (?, 'Sonde', 'string', 'diverse', 999)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> partner.request()
                .header("If-None-Match", etag).get("/api/v1/metadata/").then()
                .statusCode(200).body("data.diverse.name", org.hamcrest.Matchers.hasItem(name)));
        partner.create(ProfileApi.with(name, "une valeur")).statusCode(201);
    }

    @Test
    void an_operator_adds_an_attribute_that_partners_then_use() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "loyalty_level", "displayedName", "Niveau de fidélité", "type", "choice",
                        "category", "diverse", "validation", "unique choice",
                        "choices", List.of(Map.of("displayedName", "or"), Map.of("displayedName", "argent"))))
                .post("/admin/v1/attributes/").then()
                .statusCode(201)
                .body("data.name", equalTo("loyalty_level"))
                .body("data.attributechoice_set.displayedName", contains("or", "argent"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("displayedName", "bronze"))
                .post("/admin/v1/attributes/loyalty_level/choices/").then().statusCode(201);

        ProfileApi partner = new ProfileApi();
        partner.create(ProfileApi.with("loyalty_level", "bronze")).statusCode(201);
        partner.create(ProfileApi.with("loyalty_level", "platine")).statusCode(400)
                .body("error.message", equalTo("Choice does not exist."));

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "loyalty_level", "displayedName", "X", "type", "string", "category", "diverse"))
                .post("/admin/v1/attributes/").then().statusCode(409);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Name", "displayedName", "X", "type", "colour", "category", "diverse"))
                .post("/admin/v1/attributes/").then().statusCode(400);
    }

    @Test
    void the_openapi_document_lists_every_endpoint() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : new String[] { "/api/v1/metadata/", "/api/v1/profiles/", "/api/v1/profiles/{pk}/",
                "/api/v1/profiles/{pk}/submit/", "/api/v1/profiles/{pk}/documents/", "/api/v1/documents/{pk}/",
                "/api/v1/documents/{pk}/content/", "/admin/v1/attributes/" }) {
            String bare = path.substring(0, path.length() - 1);
            org.junit.jupiter.api.Assertions.assertTrue(document.contains("\"" + path + "\"") || document.contains("\"" + bare + "\""), path);
        }
        org.junit.jupiter.api.Assertions.assertTrue(document.contains("Ce profil est complet et prêt pour analyse."));
    }
}
