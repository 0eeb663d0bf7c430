package com.partnerb2b.profile.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.crypto.FieldCipher;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeType;
import com.partnerb2b.profile.repository.Profile;
import com.partnerb2b.profile.repository.ProfileValue;

/**
 * Stores values of sensitive attributes encrypted (bound to their partner, profile and attribute), others as text;
 * gives a value back as text, or in its JSON type for an event.
 */
@ApplicationScoped
public class ProfileValueCodec {

    private final FieldCipher cipher;
    private final ObjectMapper mapper;

    public ProfileValueCodec(FieldCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    public ProfileValue encode(Profile profile, Attribute attribute, int position, String text) {
        ProfileValue value = new ProfileValue();
        value.profile = profile;
        value.attribute = attribute;
        value.position = position;
        if (attribute.sensitiveData) {
            FieldCipher.Sealed sealed = cipher.seal(text, context(profile, attribute));
            value.valueCipher = sealed.ciphertext();
            value.keyId = sealed.keyId();
        } else {
            value.valueText = text;
        }
        return value;
    }

    public String decode(ProfileValue value) {
        return decode(value.profile, value.attribute, value.valueText, value.valueCipher, value.keyId);
    }

    /** A stored value in clear: its text, or its ciphertext opened. */
    public String decode(Profile profile, Attribute attribute, String text, byte[] ciphertext, String keyId) {
        return ciphertext == null ? text : cipher.openText(ciphertext, keyId, context(profile, attribute));
    }

    /**
     * An attribute's value in its JSON type, from the canonical texts {@link ProfileValidator} stored:
     * a whole number ({@code Long}, or {@code BigInteger} beyond it), a {@code BigDecimal}, a
     * {@code Boolean}, an ISO date or a text as {@code String}, a list of texts for a multiple
     * choice, a {@code JsonNode} for a json attribute.
     */
    public Object typed(Attribute attribute, List<String> texts) {
        if (attribute.allowsSeveralValues()) {
            return List.copyOf(texts);
        }
        String text = texts.get(0);
        return switch (attribute.type) {
            case AttributeType.INTEGER -> {
                BigInteger number = new BigInteger(text);
                yield number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
            }
            case AttributeType.FLOAT -> new BigDecimal(text);
            case AttributeType.BOOLEAN -> "True".equals(text);
            case AttributeType.JSON -> {
                try {
                    yield mapper.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored value of " + attribute.name + " is not JSON", e);
                }
            }
            // DATE is stored as ISO yyyy-MM-dd already; STRING and CHOICE are texts.
            default -> text;
        };
    }

    private static String context(Profile profile, Attribute attribute) {
        return "profile-value:" + profile.partnerId + ":" + profile.id + ":" + attribute.name;
    }
}
