package com.partnerb2b.webhook.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.events.AnalysisCompleted;

/**
 * The bodies partners receive: {@code {"type", "timestamp", "data"}} (Standard Webhooks), built once
 * per delivery so that every attempt sends the same bytes.
 */
@ApplicationScoped
public class WebhookPayloads {

    public static final String ANALYSIS_COMPLETED = "analysis.completed";
    public static final String ANALYSIS_FAILED = "analysis.failed";
    public static final String TEST = "webhook.test";

    private final ObjectMapper mapper;

    public WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static String typeOf(AnalysisCompleted analysis) {
        return AnalysisCompleted.COMPLETED.equals(analysis.status()) ? ANALYSIS_COMPLETED : ANALYSIS_FAILED;
    }

    public String analysis(AnalysisCompleted analysis, Instant eventTime) {
        ObjectNode body = mapper.createObjectNode().put("type", typeOf(analysis)).put("timestamp", eventTime.toString());
        ObjectNode data = body.putObject("data");
        data.put("pk", analysis.analysisPk());
        data.put("profile", analysis.profilePk());
        data.put("externalReference", analysis.externalReference());
        data.put("status", analysis.status());
        data.putPOJO("score", analysis.score());
        data.put("grade", analysis.grade());
        data.putPOJO("probability_of_default", analysis.probabilityOfDefault());
        data.put("decision", analysis.decision());
        data.set("reasons", mapper.valueToTree(analysis.reasons()));
        data.put("version", analysis.version());
        if (analysis.failureReason() != null) {
            data.put("failure_reason", analysis.failureReason());
        }
        return body.toString();
    }

    public String test(Instant now) {
        ObjectNode body = mapper.createObjectNode().put("type", TEST).put("timestamp", now.toString());
        body.putObject("data").put("message", "Ceci est un test de votre webhook PartnerB2B.");
        return body.toString();
    }
}
