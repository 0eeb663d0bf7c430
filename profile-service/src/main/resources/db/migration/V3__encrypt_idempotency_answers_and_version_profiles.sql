-- The replayed answer of an Idempotency-Key contains the profile's values: keep it encrypted like
-- the values themselves. Stored answers are at most 24 h old and replaying is best-effort: drop them.
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys DROP COLUMN response_body;
ALTER TABLE idempotency_keys ADD COLUMN response_cipher bytea NOT NULL;
ALTER TABLE idempotency_keys ADD COLUMN key_id varchar(64) NOT NULL;
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Optimistic locking: a submit, an upload or an analysis result racing a change fails instead of
-- silently overwriting it.
ALTER TABLE profiles ADD COLUMN version bigint NOT NULL DEFAULT 0;
