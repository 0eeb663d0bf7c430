package com.partnerb2b.analysis.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.partnerb2b.analysis.service.ActiveScorecard;
import com.partnerb2b.analysis.service.AnalysisScoring;
import com.partnerb2b.analysis.service.ScoreStability;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** Operators see which scorecard scores, its decision thresholds and how stable its population is. */
@Cancellable(false)
@Path("/admin/v1/scorecards")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: analyses")
public class ScorecardAdminResource {

    public record Thresholds(int approveFrom, int reviewFrom) {
    }

    public record ScorecardView(String name, String version, Thresholds decision, double psiAlertLevel,
            ScoreStability.Report stability) {
    }

    private final ActiveScorecard scorecard;
    private final AnalysisScoring scoring;
    private final ScoreStability stability;

    public ScorecardAdminResource(ActiveScorecard scorecard, AnalysisScoring scoring, ScoreStability stability) {
        this.scorecard = scorecard;
        this.scoring = scoring;
        this.stability = stability;
    }

    @GET
    @Path("/active/")
    @Operation(summary = "The scorecard in use, its thresholds, and the population stability index of recent scores")
    public Uni<ApiResponse<ScorecardView>> active() {
        return stability.compute().map(report -> ApiResponse.of(new ScorecardView(scorecard.get().name(),
                scorecard.get().version(), new Thresholds(scoring.decisions().approveFrom(), scoring.decisions().reviewFrom()),
                ScoreStability.ALERT_LEVEL, report)));
    }
}
