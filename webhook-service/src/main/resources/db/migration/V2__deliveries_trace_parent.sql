-- The trace the analysis-completed event continued (W3C traceparent): each attempt to deliver the
-- webhook is a span of that trace and sends it on as the traceparent header.
ALTER TABLE deliveries ADD COLUMN trace_parent varchar(64);
