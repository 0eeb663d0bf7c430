package com.partnerb2b.auth.service;

import java.time.Instant;

public record IssuedTokens(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt) {
}
