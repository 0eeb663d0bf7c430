-- Several deliveries of an endpoint may now be in flight at once: the claim counts an endpoint's
-- running leases under the endpoint's row lock, through this index, instead of endpoints.busy_until.
-- busy_until is no longer written; it stays until no instance of the previous release can run.
CREATE INDEX deliveries_pending_endpoint_idx ON deliveries (endpoint_id, id) WHERE status = 'pending';
COMMENT ON COLUMN endpoints.busy_until IS 'unused since V3; to be dropped';
