package com.partnerb2b.platform.sql;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} column read through the reactive client, as the {@link Instant} the entities hold. */
public final class Timestamps {

    private Timestamps() {
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Within years 1 to 9999: an instant a partner gives (a query filter) that a column can be compared
     * with. {@code Instant.parse} takes years up to a billion, which no timestamp column or
     * {@link OffsetDateTime} conversion accepts.
     */
    public static boolean comparable(Instant value) {
        return !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
    }

    /** Null for a null column. */
    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
