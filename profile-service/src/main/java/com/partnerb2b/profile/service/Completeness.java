package com.partnerb2b.profile.service;

import java.util.List;

/** What a profile still lacks before it can be submitted. */
public record Completeness(List<String> missing, int requiredCount) {

    public int percentage() {
        if (requiredCount == 0) {
            return 100;
        }
        return (int) Math.floor(100.0 * (requiredCount - missing.size()) / requiredCount);
    }
}
