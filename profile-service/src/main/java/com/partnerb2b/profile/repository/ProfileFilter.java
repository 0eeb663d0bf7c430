package com.partnerb2b.profile.repository;

import java.time.Instant;

/** Filters of the profile list; null means "any". */
public record ProfileFilter(String status, String externalReference, Instant createdAfter, Instant createdBefore) {

    /** No filter but the status: the list's total is then one the database keeps (profile_counts). */
    public boolean atMostStatus() {
        return externalReference == null && createdAfter == null && createdBefore == null;
    }
}
