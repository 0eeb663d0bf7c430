package com.partnerb2b.platform.time;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The current instant; tests replace it (QuarkusMock) to move time. */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }
}
