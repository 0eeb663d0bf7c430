package com.partnerb2b.profile.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A partner's customer: values of catalogue attributes, documents, a status. */
@Entity
@Table(name = "profiles")
public class Profile {

    public static final String DRAFT = "draft";
    public static final String COMPLETE = "complete";
    public static final String ANALYZED = "analyzed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String status;

    @Column(name = "external_reference")
    public String externalReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /**
     * The current submission: set anew by every submit, cleared when the profile returns to draft.
     * An analysis is shown only if it was computed on this submission.
     */
    @Column(name = "submission_id")
    public UUID submissionId;

    /** The latest analysis of the current submission as JSON (see ProfileAnalysisService), from analysis-completed. */
    @Column(name = "last_analysis")
    public String lastAnalysis;

    /** Optimistic lock: two writers of one profile cannot both win silently. */
    @Version
    public long version;

    /** Read through this collection; written by ProfileRepository's statements (rows are deleted by the database with the profile). */
    @OneToMany(mappedBy = "profile")
    @OrderBy("position")
    public List<ProfileValue> values = new ArrayList<>();
}
