package com.partnerb2b.analysis.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.partnerb2b.platform.ratelimit.TooManyAttemptsException;
import io.smallrye.mutiny.Uni;

/**
 * Asks profile-service what a profile is, on every analysis request: not the caller's (or unknown),
 * not submitted, or submitted, on which submission (its event here already or still on the way). Answers it
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
    // A 429 is the partner's own rate limit at profile-service (the lookup carries its token), not a
    // sign of profile-service's health: passed on to the partner, and no failure for the breaker.
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = TooManyAttemptsException.class)
    public Uni<Answer> profile(long pk, String authorization, String requestId) {
        return client.profile(pk, authorization, requestId)
                .map(ProfileLookup::answer)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return switch (status) {
                        case 404 -> Uni.createFrom().item(new Answer.NotFound());
                        case 403 -> Uni.createFrom().item(new Answer.NotAllowed());
                        case 429 -> Uni.createFrom().failure(new TooManyAttemptsException(retryAfter(failure)));
                        default -> Uni.createFrom().failure(failure);
                    };
                });
    }

    private static long retryAfter(Throwable failure) {
        String header = ((WebApplicationException) failure).getResponse().getHeaderString("Retry-After");
        try {
            return header == null ? 1 : Math.max(1, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
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
