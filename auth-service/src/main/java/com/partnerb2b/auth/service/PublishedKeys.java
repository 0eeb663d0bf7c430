package com.partnerb2b.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.auth.config.JwtSettings;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * The public keys every service verifies tokens with: the JWKS that {@code mp.jwt.verify.publickey.location}
 * names (a mounted secret in production). During a rotation it lists the new and the previous keys.
 * Read once at start; refuses to start if the signing key's {@code kid} is not published.
 */
@Startup
@ApplicationScoped
public class PublishedKeys {

    private final String jwks;

    public PublishedKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String location,
            JwtSettings settings, ObjectMapper mapper) {
        try {
            String content = ResourceUtils.readResource(location);
            if (content == null) {
                throw new IllegalStateException("No JWKS at " + location);
            }
            JsonNode keys = mapper.readTree(content).path("keys");
            boolean published = false;
            for (JsonNode key : keys) {
                if (key.has("d")) {
                    throw new IllegalStateException("The JWKS at " + location + " contains a private key");
                }
                published |= settings.signingKeyId().equals(key.path("kid").asText());
            }
            if (!published) {
                throw new IllegalStateException("The signing key id " + settings.signingKeyId()
                        + " is not among the keys published at " + location);
            }
            this.jwks = mapper.writeValueAsString(mapper.createObjectNode().set("keys", keys));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the JWKS at " + location, e);
        }
    }

    public String jwks() {
        return jwks;
    }
}
