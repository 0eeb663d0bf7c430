package com.partnerb2b.profile;

import static com.partnerb2b.profile.ProfileApi.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ProfileValidationTest {

    private final ProfileApi partner = new ProfileApi();

    @Test
    void a_valid_profile_is_created_as_draft_with_values_in_request_order() {
        partner.request().contentType(ContentType.JSON)
                .body(Map.of("attributes", with("family_situation", "marié_pacsé", "means_of_movement", List.of("vélo", "auto")),
                        "externalReference", "CLIENT-42"))
                .post("/api/v1/profiles/").then()
                .statusCode(201)
                .body("data.pk", notNullValue())
                .body("data.status", equalTo("draft"))
                .body("data.createdAt", notNullValue())
                .body("data.externalReference", equalTo("CLIENT-42"))
                .body("data.profileattribute_set.attribute.name", contains("lastname", "firstname", "email", "phone_number",
                        "birth_date", "delivery_address1", "monthly_income", "monthly_charges", "family_situation",
                        "means_of_movement", "means_of_movement"))
                .body("data.profileattribute_set.value", contains("Dupont", "Marie", "marie.dupont@example.fr",
                        "06 12 34 56 78", "1988-04-12", "12 rue de la Paix", "2800", "900", "marié_pacsé", "vélo", "auto"));
    }

    @Test
    void unknown_attribute_is_404_attribute_not_found() {
        failure(partner.create(with("favourite_colour", "bleu")), 404, "Attribute Not Found")
                .body("error.details[0].field", equalTo("favourite_colour"));
    }

    @Test
    void choice_must_exist_and_be_unique() {
        failure(partner.create(with("gender", "X")), 400, "Choice does not exist.");
        failure(partner.create(with("gender", List.of("M", "F"))), 400, "Choice must be unique");
        failure(partner.create(with("means_of_movement", List.of("vélo", "fusée"))), 400, "Choice does not exist.");
    }

    @Test
    void regex_mismatch() {
        failure(partner.create(with("email", "pas-un-email")), 400, "Regex match invalid");
        failure(partner.create(with("phone_number", "12345")), 400, "Regex match invalid");
    }

    @Test
    void values_of_the_wrong_type() {
        failure(partner.create(with("monthly_income", "beaucoup")), 400, "Type Error");
        failure(partner.create(with("monthly_income", 12.5)), 400, "Type Error");
        failure(partner.create(with("scholarship_student", "oui")), 400, "Type Error");
        failure(partner.create(with("birth_date", "2023-02-30")), 400, "Type Error");
        failure(partner.create(with("birth_date", "12/04/1988")), 400, "Type Error");
        failure(partner.create(with("lastname", Map.of("a", 1))), 400, "Type Error");
    }

    @Test
    void accepted_spellings_of_typed_values() {
        partner.create(with("scholarship_student", "True", "children_number", "2", "monthly_income", "3000"))
                .statusCode(201)
                .body("data.profileattribute_set.find { it.attribute.name == 'scholarship_student' }.value", equalTo("True"))
                .body("data.profileattribute_set.find { it.attribute.name == 'children_number' }.value", equalTo("2"));
        partner.create(with("scholarship_student", false)).statusCode(201)
                .body("data.profileattribute_set.find { it.attribute.name == 'scholarship_student' }.value", equalTo("False"));
    }

    @Test
    void out_of_bounds_values_lengths_and_dates() {
        failure(partner.create(with("children_number", -1)), 400, "Invalid value");
        failure(partner.create(with("monthly_income", 5_000_000)), 400, "Invalid value");
        failure(partner.create(with("identity_document_number", "123")), 400, "Invalid length");
        failure(partner.create(with("birth_date", "1850-01-01")), 400, "Invalid date");
    }

    @Test
    void missing_required_attributes_are_all_listed() {
        Map<String, Object> attributes = ProfileApi.validAttributes();
        attributes.remove("email");
        attributes.remove("monthly_income");
        failure(partner.create(attributes), 400, "Missing required attributes.")
                .body("error.details.field", containsInAnyOrder("email", "monthly_income"));
    }

    @Test
    void a_chosen_value_can_make_another_attribute_required() {
        failure(partner.create(with("housing_situation", "autre situation d'habilitation")), 400, "Missing required attributes.")
                .body("error.details.field", contains("other_housing_situation"));
        partner.create(with("housing_situation", "autre situation d'habilitation", "other_housing_situation", "caravane"))
                .statusCode(201);
        failure(partner.create(with("professional_situation", "salarié")), 400, "Missing required attributes.")
                .body("error.details.field", contains("years_in_current_job"));
        failure(partner.create(with("professional_situation", "étudiant")), 400, "Missing required attributes.")
                .body("error.details.field", contains("scholarship_student"));
        partner.create(with("professional_situation", "recherche_emploi")).statusCode(201);
    }

    @Test
    void every_error_of_a_request_is_reported() {
        Map<String, Object> attributes = with("gender", "X", "email", "nope", "children_number", -3);
        attributes.remove("lastname");
        // The message is the first error in request order (email comes before gender); details list all.
        failure(partner.create(attributes), 400, "Regex match invalid")
                .body("error.details", hasSize(4))
                .body("error.details.message", hasItem("Choice does not exist."))
                .body("error.details.message", hasItem("Invalid value"))
                .body("error.details.message", hasItem("Missing required attributes."));
    }

    @Test
    void a_document_attribute_cannot_be_given_as_a_value() {
        failure(partner.create(with("bank_statement", "releve.pdf")), 400, "Type Error");
    }

    @Test
    void malformed_bodies() {
        partner.request().contentType(ContentType.JSON).body("{\"attributes\": {").post("/api/v1/profiles/").then()
                .statusCode(400).body("error.message", equalTo("Parse Error"));
        partner.request().contentType(ContentType.JSON).body("[]").post("/api/v1/profiles/").then()
                .statusCode(400).body("error.message", equalTo("Type Error"));
        partner.request().contentType(ContentType.JSON).body("{}").post("/api/v1/profiles/").then()
                .statusCode(400).body("error.details[0].field", equalTo("attributes"));
        partner.request().contentType(ContentType.JSON).body(Map.of("attributes", List.of(1))).post("/api/v1/profiles/").then()
                .statusCode(400).body("error.message", equalTo("Type Error"));
        partner.request().contentType(ContentType.JSON).body(Map.of("attributes", ProfileApi.validAttributes(), "externalReference", 5))
                .post("/api/v1/profiles/").then()
                .statusCode(400).body("error.details[0].field", equalTo("externalReference"));
    }

    private static ValidatableResponse failure(ValidatableResponse response, int status, String message) {
        return response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.message", equalTo(message))
                .body("meta.request_id", notNullValue());
    }
}
