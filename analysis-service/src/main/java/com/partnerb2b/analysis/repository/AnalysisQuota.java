package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many analyses an operator allows a partner; a null limit is unlimited. */
@Entity
@Table(name = "analysis_quotas")
public class AnalysisQuota {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "analysis_limit")
    public Integer limit;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
