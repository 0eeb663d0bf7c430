package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestTokens;
import com.partnerb2b.profile.service.CatalogueService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SubmitCompletenessTest {

    @Inject
    CatalogueService catalogues;

    @Test
    void submit_lists_missing_required_documents_with_a_completion_percentage() throws Exception {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "signed_contract", "displayedName", "Contrat signé", "type", "file",
                        "category", "documents", "isRequired", true, "acceptedFormat", "pdf"))
                .post("/admin/v1/attributes/").then().statusCode(201);
        try {
            ProfileApi partner = new ProfileApi();
            long pk = partner.createValid();
            partner.submit(pk).statusCode(400)
                    .body("error.message", equalTo("Missing required attributes."))
                    .body("error.details.missing", contains("signed_contract"))
                    .body("error.details.completion", equalTo(88));
            partner.get(pk).body("data.status", equalTo("draft"));

            DocumentTest.uploadPdf(partner, pk, "signed_contract");
            partner.submit(pk).statusCode(200).body("data.status", equalTo("Complet"));
        } finally {
            try (Connection connection = PostgresTestResource.database().connect(); Statement statement = connection.createStatement()) {
                statement.execute("UPDATE attributes SET is_required = false WHERE name = 'signed_contract'");
            }
            catalogues.invalidate();
        }
    }
}
