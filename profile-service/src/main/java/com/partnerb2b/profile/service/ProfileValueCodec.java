package com.partnerb2b.profile.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.crypto.FieldCipher;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.Profile;
import com.partnerb2b.profile.repository.ProfileValue;

/** Stores values of sensitive attributes encrypted (bound to their partner, profile and attribute), others as text. */
@ApplicationScoped
public class ProfileValueCodec {

    private final FieldCipher cipher;

    public ProfileValueCodec(FieldCipher cipher) {
        this.cipher = cipher;
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
        return value.valueCipher == null ? value.valueText
                : cipher.openText(value.valueCipher, value.keyId, context(value.profile, value.attribute));
    }

    private static String context(Profile profile, Attribute attribute) {
        return "profile-value:" + profile.partnerId + ":" + profile.id + ":" + attribute.name;
    }
}
