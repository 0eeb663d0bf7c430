package com.partnerb2b.profile.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeType;

/** Stored canonical texts come back in their JSON types (what profile-submitted v2 carries). */
class ProfileValueCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProfileValueCodec codec = new ProfileValueCodec(null, JSON);

    @Test
    void each_type_has_its_json_type() throws Exception {
        assertEquals(2800L, codec.typed(attribute(AttributeType.INTEGER, null), List.of("2800")));
        assertEquals(-3L, codec.typed(attribute(AttributeType.INTEGER, null), List.of("-3")));
        assertEquals(new BigInteger("9223372036854775808"),
                codec.typed(attribute(AttributeType.INTEGER, null), List.of("9223372036854775808")), "beyond a long");
        assertEquals(new BigDecimal("1500.25"), codec.typed(attribute(AttributeType.FLOAT, null), List.of("1500.25")));
        assertEquals(true, codec.typed(attribute(AttributeType.BOOLEAN, null), List.of("True")));
        assertEquals(false, codec.typed(attribute(AttributeType.BOOLEAN, null), List.of("False")));
        assertEquals("1988-04-12", codec.typed(attribute(AttributeType.DATE, null), List.of("1988-04-12")));
        assertEquals("Dupont", codec.typed(attribute(AttributeType.STRING, null), List.of("Dupont")));
        assertEquals("marié_pacsé", codec.typed(attribute(AttributeType.CHOICE, "unique choice"), List.of("marié_pacsé")));
        assertEquals(List.of("vélo", "auto"), codec.typed(attribute(AttributeType.CHOICE, "multiple choice"), List.of("vélo", "auto")));
        assertEquals(List.of("vélo"), codec.typed(attribute(AttributeType.CHOICE, "multiple choice"), List.of("vélo")),
                "a multiple choice is a list even with one value");
        assertEquals(JSON.readTree("{\"a\": [1, 2.5, null]}"), codec.typed(attribute(AttributeType.JSON, null), List.of("{\"a\":[1,2.5,null]}")));
    }

    @Test
    void typed_values_serialise_as_json_numbers_booleans_strings_and_arrays() throws Exception {
        String json = JSON.writeValueAsString(List.of(
                codec.typed(attribute(AttributeType.INTEGER, null), List.of("15000")),
                codec.typed(attribute(AttributeType.FLOAT, null), List.of("0.35")),
                codec.typed(attribute(AttributeType.BOOLEAN, null), List.of("True")),
                codec.typed(attribute(AttributeType.CHOICE, "multiple choice"), List.of("auto"))));
        assertEquals("[15000,0.35,true,[\"auto\"]]", json);
    }

    private static Attribute attribute(String type, String validation) {
        Attribute attribute = new Attribute();
        attribute.name = "a_" + type;
        attribute.type = type;
        attribute.validation = validation;
        return attribute;
    }
}
