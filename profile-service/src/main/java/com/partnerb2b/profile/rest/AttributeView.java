package com.partnerb2b.profile.rest;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.service.Catalogue;

/** An attribute exactly in the seed's shape, plus {@code regex} and each choice's conditional requirement. */
@JsonPropertyOrder({ "pk", "name", "displayedName", "type", "isRequired", "validation", "sensitiveData",
        "attributechoice_set", "maxLength", "minLength", "maxValue", "minValue", "isEqualTo", "maxDate", "minDate",
        "maxSize", "acceptedFormat", "regex" })
public record AttributeView(
        long pk,
        String name,
        String displayedName,
        String type,
        @JsonProperty("isRequired") boolean isRequired,
        String validation,
        boolean sensitiveData,
        @JsonProperty("attributechoice_set") List<ChoiceView> attributechoiceSet,
        int maxLength,
        int minLength,
        double maxValue,
        double minValue,
        @JsonProperty("isEqualTo") String isEqualTo,
        LocalDate maxDate,
        LocalDate minDate,
        Long maxSize,
        String acceptedFormat,
        String regex) {

    /** A choice; {@code requires} names the attribute that choosing it makes required, if any. */
    public record ChoiceView(String displayedName, String requires) {
    }

    static AttributeView of(Attribute a, Catalogue catalogue) {
        List<ChoiceView> choices = a.choices.stream()
                .map(c -> new ChoiceView(c.displayedName,
                        c.requiresAttributeId == null ? null : catalogue.byId(c.requiresAttributeId).name))
                .toList();
        return new AttributeView(a.id, a.name, a.displayedName, a.type, a.isRequired, a.validation, a.sensitiveData,
                choices, a.maxLength, a.minLength, a.maxValue, a.minValue, a.isEqualTo, a.maxDate, a.minDate, a.maxSize,
                a.acceptedFormat, a.regex);
    }
}
