package com.partnerb2b.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import com.partnerb2b.platform.test.PostgresTestResource;
import com.partnerb2b.platform.test.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class DocumentTest {

    private final ProfileApi partner = new ProfileApi();

    @Test
    void a_pdf_is_stored_listed_and_downloaded_by_its_owner() {
        long pk = partner.createValid();
        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then().statusCode(200).body("data", hasSize(0));
        byte[] pdf = pdf("Relevé de compte de Marie Dupont");
        long document = partner.request().multiPart("attribute", "bank_statement")
                .multiPart("file", "releve.pdf", pdf, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(201)
                .body("data.pk", notNullValue())
                .body("data.attribute.name", equalTo("bank_statement"))
                .body("data.filename", equalTo("releve.pdf"))
                .body("data.size", equalTo(pdf.length))
                .body("data.contentType", equalTo("application/pdf"))
                .body("data.status", equalTo("pending"))
                .body("data.uploadedAt", notNullValue())
                .extract().jsonPath().getLong("data.pk");

        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(200).body("data", hasSize(1)).body("data[0].pk", equalTo((int) document))
                .body("data[0].attribute.name", equalTo("bank_statement")).body("data[0].filename", equalTo("releve.pdf"))
                .body("data[0].size", equalTo(pdf.length)).body("data[0].contentType", equalTo("application/pdf"));
        partner.request().get("/api/v1/documents/" + document + "/").then()
                .statusCode(200).body("data.filename", equalTo("releve.pdf"));
        byte[] downloaded = partner.request().get("/api/v1/documents/" + document + "/content/").then()
                .statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        partner.get(pk).body("data.document_set", hasSize(1));
    }

    @Test
    void a_profiles_documents_are_listed_oldest_first_each_with_its_attribute() {
        long pk = partner.createValid();
        long address = uploadPdf(partner, pk, "proof_of_address").extract().jsonPath().getLong("data.pk");
        long statement = uploadPdf(partner, pk, "bank_statement").extract().jsonPath().getLong("data.pk");

        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then().statusCode(200)
                .body("data.pk", contains((int) address, (int) statement))
                .body("data.attribute.name", contains("proof_of_address", "bank_statement"));
    }

    @Test
    void a_new_document_for_the_same_attribute_replaces_the_old_one() throws Exception {
        long pk = partner.createValid();
        long first = uploadPdf(partner, pk, "proof_of_address").extract().jsonPath().getLong("data.pk");
        byte[] second = pdf("Nouvelle facture");
        long replacement = partner.request().multiPart("attribute", "proof_of_address")
                .multiPart("file", "facture.pdf", second, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(201)
                .extract().jsonPath().getLong("data.pk");

        partner.request().get("/api/v1/profiles/" + pk + "/documents/").then()
                .body("data", hasSize(1)).body("data[0].filename", equalTo("facture.pdf"));
        partner.request().get("/api/v1/documents/" + first + "/").then().statusCode(404);
        assertEquals(0, ProfileLifecycleTest.count("SELECT count(*) FROM document_contents WHERE document_id = ?", first));
        assertArrayEquals(second, partner.request().get("/api/v1/documents/" + replacement + "/content/").then()
                .statusCode(200).extract().asByteArray());
    }

    @Test
    void the_real_type_is_read_from_the_bytes_not_the_name() {
        long pk = partner.createValid();
        partner.request().multiPart("attribute", "bank_statement")
                .multiPart("file", "releve.pdf", "je ne suis pas un PDF".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(400).body("error.message", equalTo("Invalid file format"));
        // a PNG is refused where only PDF is accepted
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
        partner.request().multiPart("attribute", "bank_statement").multiPart("file", "releve.pdf", png, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(400).body("error.message", equalTo("Invalid file format"));
    }

    @Test
    void a_pdf_that_does_not_parse_is_refused() {
        long pk = partner.createValid();
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref or trailer".getBytes(StandardCharsets.US_ASCII);
        partner.request().multiPart("attribute", "bank_statement").multiPart("file", "releve.pdf", broken, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(400).body("error.message", equalTo("Invalid file format"));
    }

    @Test
    void a_file_larger_than_the_attribute_allows_is_413() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "small_scan", "displayedName", "Petit scan", "type", "file", "category", "documents",
                        "maxSize", 2000, "acceptedFormat", "pdf"))
                .post("/admin/v1/attributes/").then().statusCode(201).body("data.maxSize", equalTo(2000));
        long pk = partner.createValid();
        byte[] big = pdfOfSize(3000);
        partner.request().multiPart("attribute", "small_scan").multiPart("file", "scan.pdf", big, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(413).body("error.message", equalTo("File too large"));
    }

    @Test
    void a_body_larger_than_any_document_is_413_before_it_is_read() {
        long pk = partner.createValid();
        byte[] huge = new byte[12 * 1024 * 1024];
        partner.request().multiPart("attribute", "bank_statement").multiPart("file", "huge.pdf", huge, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(413)
                .body("error.code", equalTo("payload_too_large"));
    }

    @Test
    void upload_needs_a_file_attribute_of_the_catalogue() {
        long pk = partner.createValid();
        partner.request().multiPart("attribute", "lastname").multiPart("file", "a.pdf", pdf("x"), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(400).body("error.message", equalTo("Type Error"));
        partner.request().multiPart("attribute", "no_such_document").multiPart("file", "a.pdf", pdf("x"), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(404).body("error.message", equalTo("Attribute Not Found"));
        partner.request().multiPart("attribute", "bank_statement")
                .post("/api/v1/profiles/" + pk + "/documents/").then()
                .statusCode(400).body("error.details[0].field", equalTo("file"));
    }

    @Test
    void documents_and_sensitive_values_are_encrypted_at_rest() throws Exception {
        String secretNumber = "ZX9876543";
        long pk = partner.create(ProfileApi.with("identity_document_number", secretNumber)).statusCode(201)
                .extract().jsonPath().getLong("data.pk");
        byte[] pdf = pdf("Numero fiscal 1234567890123");
        long document = partner.request().multiPart("attribute", "tax_notice").multiPart("file", "avis.pdf", pdf, "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(201).extract().jsonPath().getLong("data.pk");

        try (Connection connection = PostgresTestResource.database().connect()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT v.value_text, v.value_cipher, v.key_id FROM profile_values v JOIN attributes a ON a.id = v.attribute_id "
                            + "WHERE v.profile_id = ? AND a.name = 'identity_document_number'")) {
                statement.setLong(1, pk);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    assertEquals(null, rs.getString(1));
                    assertFalse(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1).contains(secretNumber));
                    assertEquals("test2026", rs.getString(3));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT content_cipher, key_id FROM document_contents WHERE document_id = ?")) {
                statement.setLong(1, document);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    byte[] stored = rs.getBytes(1);
                    assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"));
                    assertFalse(indexOf(stored, Arrays.copyOfRange(pdf, 0, 64)) >= 0);
                    assertEquals("test2026", rs.getString(2));
                }
            }
        }
        partner.get(pk).body("data.profileattribute_set.find { it.attribute.name == 'identity_document_number' }.value",
                equalTo(secretNumber));
    }

    static ValidatableResponse uploadPdf(ProfileApi partner, long pk, String attribute) {
        return partner.request().multiPart("attribute", attribute)
                .multiPart("file", attribute + ".pdf", pdf("Document " + attribute), "application/pdf")
                .post("/api/v1/profiles/" + pk + "/documents/").then().statusCode(201);
    }

    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text.replaceAll("[^\\x20-\\x7e]", "e"));
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid PDF of at least this size: one page of random (incompressible) text per 1,000 bytes. */
    static byte[] pdfOfSize(int atLeast) {
        java.util.Random random = new java.util.Random(42);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int pages = 0; pages <= atLeast / 1000; pages++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
                    content.newLineAtOffset(20, 700);
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < 1500; i++) {
                        line.append((char) ('!' + random.nextInt(90)));
                    }
                    content.showText(line.toString());
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
