package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.partnerb2b.platform.test.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** A partner of the tests: its token and the calls it makes. */
final class ProfileApi {

    final UUID partnerId = UUID.randomUUID();
    private final String token = TestTokens.partner(partnerId);

    String token() {
        return token;
    }

    /** The required attributes of the default catalogue, valid. */
    static Map<String, Object> validAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("lastname", "Dupont");
        attributes.put("firstname", "Marie");
        attributes.put("email", "marie.dupont@example.fr");
        attributes.put("phone_number", "06 12 34 56 78");
        attributes.put("birth_date", "1988-04-12");
        attributes.put("delivery_address1", "12 rue de la Paix");
        attributes.put("monthly_income", 2800);
        attributes.put("monthly_charges", 900);
        return attributes;
    }

    static Map<String, Object> with(Object... pairs) {
        Map<String, Object> attributes = validAttributes();
        for (int i = 0; i < pairs.length; i += 2) {
            attributes.put((String) pairs[i], pairs[i + 1]);
        }
        return attributes;
    }

    RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    ValidatableResponse create(Map<String, Object> attributes) {
        return request().contentType(ContentType.JSON).body(Map.of("attributes", attributes))
                .post("/api/v1/profiles/").then();
    }

    long createValid() {
        return create(validAttributes()).statusCode(201).extract().jsonPath().getLong("data.pk");
    }

    ValidatableResponse submit(long pk) {
        return request().post("/api/v1/profiles/" + pk + "/submit/").then();
    }

    ValidatableResponse get(long pk) {
        return request().get("/api/v1/profiles/" + pk + "/").then();
    }

    /** PATCH: the given attributes replace their values (a submitted profile returns to draft). */
    ValidatableResponse patch(long pk, Map<String, Object> attributes) {
        return request().contentType(ContentType.JSON).body(Map.of("attributes", attributes))
                .patch("/api/v1/profiles/" + pk + "/").then();
    }

    /** The profile's current submission as its detail view shows it; null for a draft. */
    String submissionId(long pk) {
        return get(pk).statusCode(200).extract().jsonPath().getString("data.submissionId");
    }
}
