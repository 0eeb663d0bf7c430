package com.partnerb2b.platform.tracing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /**
     * One span per stored trace, all around one piece of work (the events of one poll, handled together):
     * the work receives each span's traceparent, in the order given; the first span is current while the
     * work is built.
     */
    public <T> Uni<T> continuingEach(String name, SpanKind kind, List<String> traceparents, Function<List<String>, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            List<Span> spans = new ArrayList<>(traceparents.size());
            List<String> continued = new ArrayList<>(traceparents.size());
            for (String traceparent : traceparents) {
                Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(TraceParents.parent(traceparent)).startSpan();
                spans.add(span);
                continued.add(TraceParents.of(span));
            }
            Uni<T> running;
            try (Scope ignored = spans.isEmpty() ? Scope.noop() : spans.get(0).makeCurrent()) {
                running = work.apply(continued);
            } catch (RuntimeException e) {
                spans.forEach(span -> end(span, e));
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancelled) -> spans.forEach(span -> end(span, failure)));
        });
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    public <T> Uni<T> continuing(String name, SpanKind kind, String traceparent, Function<String, Uni<T>> work) {
        return continuingEach(name, kind, Collections.singletonList(traceparent), continued -> work.apply(continued.get(0)));
    }
}
