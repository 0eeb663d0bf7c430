package com.partnerb2b.auth.repository;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import jakarta.persistence.AttributeConverter;

public enum PartnerStatus {
    PENDING("pending"),
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String value;

    PartnerStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<PartnerStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<PartnerStatus, String> {
        @Override
        public String convertToDatabaseColumn(PartnerStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public PartnerStatus convertToEntityAttribute(String value) {
            return value == null ? null : parse(value).orElseThrow();
        }
    }
}
