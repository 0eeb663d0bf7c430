package com.partnerb2b.platform.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Date formats of the existing PartnerB2B API, which partners already parse: UTC without a zone
 * suffix ({@code 2025-05-20T13:08:18}), microseconds in {@code meta.timestamp}.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private Timestamps() {
    }

    public static String meta() {
        return MICROS.format(LocalDateTime.now(ZoneOffset.UTC));
    }

    /** An expiry instant as the seed shows it: UTC, whole seconds, no zone suffix. */
    public static String expiry(Instant instant) {
        return SECONDS.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }
}
