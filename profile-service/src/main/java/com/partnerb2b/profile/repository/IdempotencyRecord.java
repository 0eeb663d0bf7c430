package com.partnerb2b.profile.repository;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.partnerb2b.platform.idempotency.IdempotencyRecordBase;
import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

/** The first answer to a request sent with an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(PartnerIdempotencyKey.class)
public class IdempotencyRecord extends IdempotencyRecordBase {

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    /** The answer's JSON, encrypted (it contains the profile's values). */
    @Column(name = "response_cipher", nullable = false)
    public byte[] responseCipher;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** The profile the first answer created: its deletion erases this copy of its data too. */
    @Column(name = "profile_id")
    public Long profileId;
}
