package com.partnerb2b.auth.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The Alberture operator credential: {@code PARTNERB2B_OPERATOR_API_KEY}, a secret in production. */
@ConfigMapping(prefix = "partnerb2b.operator")
public interface OperatorSettings {

    Optional<String> apiKey();
}
