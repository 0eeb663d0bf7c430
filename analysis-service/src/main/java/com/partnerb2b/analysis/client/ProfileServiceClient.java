package com.partnerb2b.analysis.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** profile-service's partner API, called on the partner's behalf (its token, its request id). */
@RegisterRestClient(configKey = "profile-service")
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public interface ProfileServiceClient {

    /** The part of profile-service's profile answer analysis-service reads. */
    record ProfileAnswer(ProfileData data) {
    }

    record ProfileData(Long pk, String status, UUID submissionId) {
    }

    @GET
    @Path("/{pk}/")
    Uni<ProfileAnswer> profile(@PathParam("pk") long pk, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);
}
