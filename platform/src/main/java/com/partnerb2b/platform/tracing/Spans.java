package com.partnerb2b.platform.tracing;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * Spans around asynchronous work that continues a stored trace (an event consumed, an analysis
 * scored, a webhook delivered). The work receives its span's traceparent explicitly: a reactive
 * chain outlives the span's scope, so whatever it stores or sends must carry the value itself.
 */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    public Spans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.partnerb2b");
    }

    public <T> Uni<T> continuing(String name, SpanKind kind, String traceparent, Function<String, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(TraceParents.parent(traceparent)).startSpan();
            Uni<T> running;
            try (Scope ignored = span.makeCurrent()) {
                running = work.apply(TraceParents.of(span));
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                span.end();
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR);
                }
                span.end();
            });
        });
    }
}
