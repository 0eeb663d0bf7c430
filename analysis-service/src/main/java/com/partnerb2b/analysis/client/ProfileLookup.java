package com.partnerb2b.analysis.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Asks profile-service what a profile is when no submission of it has arrived here yet: not the
 * caller's (or unknown), not submitted, or submitted with its event still on the way. Answers it
 * cannot get in time count against a circuit breaker, so an unwell profile-service is not waited on
 * by every request.
 */
@ApplicationScoped
public class ProfileLookup {

    /** What profile-service says of the profile. */
    public sealed interface Answer {
        record NotFound() implements Answer {
        }

        record NotAllowed() implements Answer {
        }

        record NotSubmitted(String status) implements Answer {
        }

        record Submitted(UUID submissionId) implements Answer {
        }
    }

    private static final String DRAFT = "draft";

    private final ProfileServiceClient client;

    public ProfileLookup(@RestClient ProfileServiceClient client) {
        this.client = client;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Answer> profile(long pk, String authorization, String requestId) {
        return client.profile(pk, authorization, requestId)
                .map(ProfileLookup::answer)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return switch (status) {
                        case 404 -> Uni.createFrom().item(new Answer.NotFound());
                        case 403 -> Uni.createFrom().item(new Answer.NotAllowed());
                        default -> Uni.createFrom().failure(failure);
                    };
                });
    }

    private static Answer answer(ProfileServiceClient.ProfileAnswer answer) {
        ProfileServiceClient.ProfileData data = answer == null ? null : answer.data();
        if (data == null || data.status() == null) {
            throw new IllegalStateException("profile-service answered without a profile status");
        }
        if (DRAFT.equals(data.status()) || data.submissionId() == null) {
            return new Answer.NotSubmitted(data.status());
        }
        return new Answer.Submitted(data.submissionId());
    }
}
