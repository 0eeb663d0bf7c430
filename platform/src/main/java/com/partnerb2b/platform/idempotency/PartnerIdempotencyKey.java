package com.partnerb2b.platform.idempotency;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a stored first answer to a request sent with an {@code Idempotency-Key}: keys are
 * the partner's own, so the same key of two partners never meets (JPA id class of such entities).
 */
public class PartnerIdempotencyKey implements Serializable {

    public UUID partnerId;
    public String idempotencyKey;

    public PartnerIdempotencyKey() {
    }

    public PartnerIdempotencyKey(UUID partnerId, String idempotencyKey) {
        this.partnerId = partnerId;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerIdempotencyKey key && Objects.equals(partnerId, key.partnerId)
                && Objects.equals(idempotencyKey, key.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnerId, idempotencyKey);
    }
}
