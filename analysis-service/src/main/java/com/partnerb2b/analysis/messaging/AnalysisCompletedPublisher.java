package com.partnerb2b.analysis.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.service.AnalysisResults;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.outbox.Outbox;
import com.partnerb2b.platform.sql.RowChange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The {@code analysis-completed} event of a finished analysis (key: the profile pk), written to the
 * outbox in the transaction that records the result.
 */
@ApplicationScoped
public class AnalysisCompletedPublisher {

    public static final String SOURCE = "/partnerb2b/analysis-service";

    private final Outbox outbox;
    private final AnalysisResults results;
    private final ObjectMapper mapper;

    public AnalysisCompletedPublisher(Outbox outbox, AnalysisResults results, ObjectMapper mapper) {
        this.outbox = outbox;
        this.results = results;
        this.mapper = mapper;
    }

    /**
     * Records the analysis's end ({@code end}) with its event, in one statement: false, with nothing
     * written, if {@code end} changed no row (the claim was lost).
     */
    public Uni<Boolean> recordWithEvent(SqlClient client, RowChange end, Analysis analysis, String traceparent) {
        return outbox.appendOnChange(client, end, AnalysisCompleted.TOPIC, analysis.profilePk.toString(), SOURCE,
                AnalysisCompleted.TYPE, analysis.completedAt, mapper.valueToTree(results.result(analysis)), traceparent)
                .map(event -> event != null);
    }
}
