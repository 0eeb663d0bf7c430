package com.partnerb2b.analysis.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.analysis.repository.Analysis;
import com.partnerb2b.analysis.service.AnalysisResults;
import com.partnerb2b.platform.events.AnalysisCompleted;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.outbox.Outbox;

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

    /** Writes the event in {@code transaction}, the one that records the analysis's end. */
    public Uni<EventEnvelope> append(SqlClient transaction, Analysis analysis, String traceparent) {
        return outbox.append(transaction, AnalysisCompleted.TOPIC, analysis.profilePk.toString(), SOURCE, AnalysisCompleted.TYPE,
                analysis.completedAt, mapper.valueToTree(results.result(analysis)), traceparent);
    }
}
