package com.partnerb2b.auth.rest;

import java.time.Instant;
import java.util.UUID;

import com.partnerb2b.auth.repository.Partner;
import com.partnerb2b.auth.repository.PartnerStatus;

public record PartnerView(UUID pk, String name, PartnerStatus status, Instant createdAt, Instant updatedAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.status, partner.createdAt, partner.updatedAt);
    }
}
