package com.partnerb2b.profile.repository;

import java.time.Instant;

/** Filters of the profile list; null means "any". */
public record ProfileFilter(String status, String externalReference, Instant createdAfter, Instant createdBefore) {
}
