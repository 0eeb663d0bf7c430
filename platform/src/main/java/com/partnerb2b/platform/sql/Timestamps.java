package com.partnerb2b.platform.sql;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} column read through the reactive client, as the {@link Instant} the entities hold. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Null for a null column. */
    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
