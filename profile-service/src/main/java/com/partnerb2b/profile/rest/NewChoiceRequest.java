package com.partnerb2b.profile.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A choice of a choice attribute; {@code requires} names an attribute that choosing it makes required. */
public record NewChoiceRequest(@NotBlank @Size(max = 200) String displayedName, String requires) {
}
