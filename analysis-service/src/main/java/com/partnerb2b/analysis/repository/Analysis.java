package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One analysis of one submission of a partner's profile. */
@Entity
@Table(name = "analyses")
public class Analysis {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "profile_pk", nullable = false)
    public Long profilePk;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    /** The partner's own reference of the profile, as submitted (null until the submission arrived). */
    @Column(name = "external_reference")
    public String externalReference;

    @Column(nullable = false)
    public String status;

    /** Claims so far; also the fencing token of the current lease. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_by")
    public String claimedBy;

    public Integer score;

    public String grade;

    @Column(name = "probability_of_default")
    public Double probabilityOfDefault;

    public String decision;

    /** JSON list of reasons. */
    public String reasons;

    /** JSON object. */
    public String affordability;

    /** JSON list of attribute names. */
    @Column(name = "missing_inputs")
    public String missingInputs;

    @Column(name = "scorecard_version")
    public String scorecardVersion;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The request that asked for it, as a W3C traceparent: its scoring and its event continue that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }
}
