package com.partnerb2b.profile.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An attribute an operator adds to the catalogue. */
public record NewAttributeRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,99}") String name,
        @NotBlank @Size(max = 200) String displayedName,
        @NotBlank String type,
        @NotBlank @Size(max = 100) String category,
        @JsonProperty("isRequired") boolean isRequired,
        String validation,
        boolean sensitiveData,
        @Size(max = 500) String regex,
        @PositiveOrZero Integer maxLength,
        @PositiveOrZero Integer minLength,
        Double maxValue,
        Double minValue,
        @JsonProperty("isEqualTo") @Size(max = 200) String isEqualTo,
        LocalDate maxDate,
        LocalDate minDate,
        @PositiveOrZero Long maxSize,
        @Size(max = 100) String acceptedFormat,
        @Size(max = 500) List<@Valid @NotNull NewChoiceRequest> choices) {
}
