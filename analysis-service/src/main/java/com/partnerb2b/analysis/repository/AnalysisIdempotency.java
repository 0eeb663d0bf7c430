package com.partnerb2b.analysis.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.partnerb2b.platform.idempotency.IdempotencyRecordBase;
import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

/** The analysis a request sent with an {@code Idempotency-Key} created. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(PartnerIdempotencyKey.class)
public class AnalysisIdempotency extends IdempotencyRecordBase {

    /** The analysis the first request created (its hash: of the profile pk asked about). */
    @Column(name = "analysis_id", nullable = false)
    public Long analysisId;
}
