package com.partnerb2b.profile;

import static com.partnerb2b.profile.ProfileApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProfileLifecycleTest {

    private final ProfileApi partner = new ProfileApi();

    @Test
    void detail_shows_updated_at_documents_and_last_analysis() {
        long pk = partner.createValid();
        partner.get(pk).statusCode(200)
                .body("data.pk", equalTo((int) pk))
                .body("data.status", equalTo("draft"))
                .body("data.updatedAt", notNullValue())
                .body("data.document_set", empty())
                .body("data.last_analyse", nullValue())
                .body("data.profileattribute_set", hasSize(8));
        // the path works without its trailing slash too
        partner.request().get("/api/v1/profiles/" + pk).then().statusCode(200);
    }

    @Test
    void patch_changes_the_given_attributes_and_a_list_replaces_previous_values() {
        long pk = partner.create(with("means_of_movement", List.of("vélo", "auto"), "gender", "F")).statusCode(201)
                .extract().jsonPath().getLong("data.pk");
        partner.request().contentType(ContentType.JSON)
                .body("{\"attributes\": {\"means_of_movement\": [\"marche\"], \"gender\": null, \"firstname\": \"Léa\"},"
                        + " \"externalReference\": \"REF-9\"}")
                .patch("/api/v1/profiles/" + pk + "/").then()
                .statusCode(200)
                .body("data.externalReference", equalTo("REF-9"))
                .body("data.profileattribute_set.findAll { it.attribute.name == 'means_of_movement' }.value", contains("marche"))
                .body("data.profileattribute_set.attribute.name", not(org.hamcrest.Matchers.hasItem("gender")))
                .body("data.profileattribute_set.find { it.attribute.name == 'firstname' }.value", equalTo("Léa"));
    }

    @Test
    void patch_cannot_remove_a_required_attribute_and_reports_bad_values() {
        long pk = partner.createValid();
        partner.request().contentType(ContentType.JSON).body("{\"attributes\": {\"email\": null}}")
                .patch("/api/v1/profiles/" + pk + "/").then()
                .statusCode(400).body("error.message", equalTo("Missing required attributes."));
        partner.request().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("gender", "Z")))
                .patch("/api/v1/profiles/" + pk + "/").then()
                .statusCode(400).body("error.message", equalTo("Choice does not exist."));
    }

    @Test
    void put_replaces_every_attribute() {
        long pk = partner.create(with("gender", "M", "children_number", 2)).statusCode(201).extract().jsonPath().getLong("data.pk");
        partner.request().contentType(ContentType.JSON).body(Map.of("attributes", ProfileApi.validAttributes()))
                .put("/api/v1/profiles/" + pk + "/").then()
                .statusCode(200)
                .body("data.profileattribute_set", hasSize(8))
                .body("data.externalReference", nullValue());
    }

    @Test
    void a_change_keeps_each_value_in_its_place_and_a_read_shows_what_the_change_answered() throws Exception {
        long pk = partner.create(with("means_of_movement", List.of("vélo", "auto"), "identity_document_number", "AB123456", "gender", "F"))
                .statusCode(201).extract().jsonPath().getLong("data.pk");
        List<List<Object>> created = pairs(partner.get(pk).extract().jsonPath());
        long lastnameRow = count("SELECT v.id FROM profile_values v JOIN attributes a ON a.id = v.attribute_id"
                + " WHERE v.profile_id = ? AND a.name = 'lastname'", pk);

        // A list that grows, a removal, a sensitive value changed, an attribute the profile did not have.
        var patched = partner.request().contentType(ContentType.JSON).body("{\"attributes\": {\"means_of_movement\": [\"marche\", \"vélo\", \"auto\"],"
                + " \"gender\": null, \"identity_document_number\": \"ZZ987654\", \"children_number\": 3}}")
                .patch("/api/v1/profiles/" + pk + "/").then().statusCode(200).extract().jsonPath();
        List<List<Object>> expected = new ArrayList<>();
        boolean movementShown = false;
        for (List<Object> pair : created) {
            switch ((String) pair.get(0)) {
                case "gender" -> { }
                case "identity_document_number" -> expected.add(List.of("identity_document_number", "ZZ987654"));
                case "means_of_movement" -> {
                    if (!movementShown) {
                        List.of("marche", "vélo", "auto").forEach(value -> expected.add(List.of("means_of_movement", value)));
                        movementShown = true;
                    }
                }
                default -> expected.add(pair);
            }
        }
        expected.add(List.of("children_number", "3"));
        assertEquals(expected, pairs(patched));
        assertEquals(expected, pairs(partner.get(pk).extract().jsonPath()));
        assertEquals(lastnameRow, count("SELECT v.id FROM profile_values v JOIN attributes a ON a.id = v.attribute_id"
                + " WHERE v.profile_id = ? AND a.name = 'lastname'", pk), "a value the change left alone is not written again");

        // PUT: what is kept stays in its place, what is not given is gone, a new attribute comes last.
        Map<String, Object> replacement = new java.util.LinkedHashMap<>();
        replacement.put("gender", "M");
        replacement.putAll(ProfileApi.validAttributes());
        replacement.put("firstname", "Anne");
        var put = partner.request().contentType(ContentType.JSON).body(Map.of("attributes", replacement))
                .put("/api/v1/profiles/" + pk + "/").then().statusCode(200).extract().jsonPath();
        List<List<Object>> afterPut = pairs(put);
        assertEquals(afterPut, pairs(partner.get(pk).extract().jsonPath()));
        assertEquals(ProfileApi.validAttributes().size() + 1, afterPut.size());
        assertEquals(List.of("gender", "M"), afterPut.get(afterPut.size() - 1));
        assertTrue(afterPut.contains(List.of("firstname", "Anne")));
        assertTrue(afterPut.stream().noneMatch(pair -> pair.get(0).equals("means_of_movement") || pair.get(0).equals("children_number")));
    }

    /** A detail answer's values as (attribute, value) pairs, in the order shown. */
    private static List<List<Object>> pairs(io.restassured.path.json.JsonPath answer) {
        List<List<Object>> pairs = new ArrayList<>();
        List<Map<String, Object>> values = answer.getList("data.profileattribute_set");
        for (Map<String, Object> value : values) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attribute = (Map<String, Object>) value.get("attribute");
            pairs.add(List.of(attribute.get("name"), String.valueOf(value.get("value"))));
        }
        return pairs;
    }

    @Test
    void submit_answers_complet_and_a_modified_profile_returns_to_draft() {
        long pk = partner.createValid();
        partner.submit(pk).statusCode(200)
                .body("data.status", equalTo("Complet"))
                .body("data.message", equalTo("Ce profil est complet et prêt pour analyse."));
        partner.get(pk).body("data.status", equalTo("complete"));
        // submitting again changes nothing
        partner.submit(pk).statusCode(200);

        partner.request().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("children_number", 1)))
                .patch("/api/v1/profiles/" + pk + "/").then()
                .statusCode(200).body("data.status", equalTo("draft"));
        partner.submit(pk).statusCode(200);
        partner.get(pk).body("data.status", equalTo("complete"));
    }

    @Test
    void list_is_paginated_and_filtered() {
        ProfileApi own = new ProfileApi();
        for (int i = 0; i < 3; i++) {
            own.request().contentType(ContentType.JSON)
                    .body(Map.of("attributes", ProfileApi.validAttributes(), "externalReference", "LIST-" + i))
                    .post("/api/v1/profiles/").then().statusCode(201);
        }
        long submitted = own.createValid();
        own.submit(submitted).statusCode(200);

        own.request().get("/api/v1/profiles/?limit=2").then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("meta.total", equalTo(4))
                .body("meta.total_pages", equalTo(2))
                .body("meta.limit", equalTo(2));
        own.request().get("/api/v1/profiles/?page=2&limit=3").then()
                .statusCode(200).body("data", hasSize(1));
        own.request().get("/api/v1/profiles/?externalReference=LIST-1").then()
                .statusCode(200).body("data", hasSize(1)).body("data[0].externalReference", equalTo("LIST-1"));
        own.request().get("/api/v1/profiles/?status=complete").then()
                .statusCode(200).body("data.pk", contains((int) submitted));
        own.request().get("/api/v1/profiles/?createdAfter=2000-01-01&createdBefore=2999-01-01").then()
                .statusCode(200).body("meta.total", equalTo(4));
        own.request().get("/api/v1/profiles/?createdAfter=2999-01-01").then()
                .statusCode(200).body("data", empty()).body("meta.total", equalTo(0));
        own.request().get("/api/v1/profiles/?status=deleted").then().statusCode(400);
        own.request().get("/api/v1/profiles/?createdAfter=hier").then().statusCode(400)
                .body("error.details[0].field", equalTo("createdAfter"));
        // Instant.parse takes years up to a billion; no timestamp can be compared with them.
        own.request().get("/api/v1/profiles/?createdAfter=-1000000000-01-01T00:00:00Z").then().statusCode(400)
                .body("error.details[0].field", equalTo("createdAfter"));
        own.request().get("/api/v1/profiles/?createdBefore=%2B1000000000-12-31T23:59:59Z").then().statusCode(400)
                .body("error.details[0].field", equalTo("createdBefore"));
        own.request().get("/api/v1/profiles/?limit=500").then().statusCode(400);
        own.request().get("/api/v1/profiles/").then().body("data.status", everyItem(not(nullValue())));
    }

    @Test
    void list_totals_follow_concurrent_creations_submissions_changes_and_deletions() throws Exception {
        ProfileApi own = new ProfileApi();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Long> pks = new ArrayList<>();
        try {
            List<Future<Long>> creations = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                creations.add(callers.submit(own::createValid));
            }
            for (Future<Long> creation : creations) {
                pks.add(creation.get());
            }
        } finally {
            callers.shutdown();
        }
        assertTotals(own, 24, 24, 0);

        for (long pk : pks.subList(0, 6)) {
            own.submit(pk).statusCode(200);
        }
        own.submit(pks.get(0)).statusCode(200); // again: no change
        assertTotals(own, 24, 18, 6);

        own.request().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("children_number", 2)))
                .patch("/api/v1/profiles/" + pks.get(1) + "/").then().statusCode(200).body("data.status", equalTo("draft"));
        assertTotals(own, 24, 19, 5);

        own.request().delete("/api/v1/profiles/" + pks.get(2) + "/").then().statusCode(200);
        own.request().delete("/api/v1/profiles/" + pks.get(10) + "/").then().statusCode(200);
        own.request().delete("/api/v1/profiles/" + pks.get(10) + "/").then().statusCode(404);
        assertTotals(own, 22, 18, 4);
        assertEquals(22, countOf(own, null));
        assertEquals(18, countOf(own, "draft"));
        // another partner's profiles and totals are its own
        new ProfileApi().request().get("/api/v1/profiles/").then().statusCode(200).body("meta.total", equalTo(0));
    }

    private static void assertTotals(ProfileApi partner, int all, int drafts, int complete) {
        partner.request().get("/api/v1/profiles/?limit=5").then().statusCode(200)
                .body("meta.total", equalTo(all)).body("meta.total_pages", equalTo((all + 4) / 5));
        partner.request().get("/api/v1/profiles/?status=draft").then().statusCode(200).body("meta.total", equalTo(drafts));
        partner.request().get("/api/v1/profiles/?status=complete").then().statusCode(200)
                .body("meta.total", equalTo(complete)).body("data", hasSize(complete));
        partner.request().get("/api/v1/profiles/?createdAfter=2000-01-01").then().statusCode(200).body("meta.total", equalTo(all));
    }

    private static long countOf(ProfileApi partner, String status) throws Exception {
        return count("SELECT count(*) FROM profiles WHERE partner_id = ? AND (?::text IS NULL OR status = ?)", partner.partnerId, status, status);
    }

    @Test
    void delete_erases_the_profile_and_its_values_for_real() throws Exception {
        long pk = partner.create(with("identity_document_number", "AB123456")).statusCode(201).extract().jsonPath().getLong("data.pk");
        partner.submit(pk).statusCode(200);
        partner.request().delete("/api/v1/profiles/" + pk + "/").then()
                .statusCode(200)
                .body("data.message", equalTo("Le profil a bien été supprimé."));
        partner.get(pk).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        partner.request().delete("/api/v1/profiles/" + pk + "/").then().statusCode(404);

        assertEquals(0, count("SELECT count(*) FROM profiles WHERE id = ?", pk));
        assertEquals(0, count("SELECT count(*) FROM profile_values WHERE profile_id = ?", pk));
        // Its submission's event (its values) is gone; the erasure's own event tells the others to forget it.
        assertEquals(0, count("SELECT count(*) FROM outbox_events WHERE message_key = ?::text AND payload::jsonb ->> 'type' <> ?",
                pk, ProfileErased.TYPE));
    }

    @Test
    void unknown_or_malformed_profile_ids_are_404() {
        partner.get(999_999_999L).statusCode(404).body("error.message", equalTo("Profile Not Found"));
        partner.request().get("/api/v1/profiles/abc/").then().statusCode(404);
        partner.request().post("/api/v1/profiles/abc/submit/").then().statusCode(404);
    }

    static long count(String sql, Object... params) throws Exception {
        try (Connection connection = PostgresTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
