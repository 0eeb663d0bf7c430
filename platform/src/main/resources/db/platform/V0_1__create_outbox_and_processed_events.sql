-- Platform tables, shipped once for every service: add `db/platform` to quarkus.flyway.locations.
-- Platform versions (V0_x) sort before every service's own (V1...), so they apply first on a new
-- database. A platform migration added after services have applied higher versions needs
-- quarkus.flyway.out-of-order=true in those services.

-- Transactional outbox (platform's outbox package): rows written in the producer's transaction,
-- published by the relay per key in seq order (the order their transactions inserted them).
CREATE TABLE outbox_events (
    id           uuid PRIMARY KEY,
    seq          bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic        varchar(200) NOT NULL,
    message_key  varchar(200) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
-- The relay's scan: pending rows, oldest first.
CREATE INDEX outbox_events_pending_idx ON outbox_events (seq) WHERE published_at IS NULL;
-- A key's older pending rows (per-key order) and a key's rows (erasure).
CREATE INDEX outbox_events_key_idx ON outbox_events (message_key, seq);

-- Consumed-event log (platform's messaging package): a redelivered event is handled once.
CREATE TABLE processed_events (
    event_id     varchar(200) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);
