package com.partnerb2b.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreatePartnerRequest(@NotBlank @Size(max = 200) String name) {
}
