package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A profile as it was submitted (from profile-submitted): what its analyses are scored on. */
@Entity
@Table(name = "submissions")
public class Submission {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "profile_pk", nullable = false)
    public Long profilePk;

    @Column(name = "catalogue_version")
    public Long catalogueVersion;

    @Column(name = "external_reference")
    public String externalReference;

    /** The submitted values by attribute name, typed, as JSON. */
    @Column(nullable = false)
    public String attributes;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
