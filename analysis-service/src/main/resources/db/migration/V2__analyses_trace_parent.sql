-- The trace of the request that asked for an analysis (W3C traceparent): the worker that scores it
-- later, and the analysis-completed event, continue that trace down to the partner's webhook.
ALTER TABLE analyses ADD COLUMN trace_parent varchar(64);
