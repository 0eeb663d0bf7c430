-- Consumed messages a service could not handle (platform's messaging package, EventInbox): kept
-- whole with the reason, for inspection and replay, while the consumer moves on.
CREATE TABLE failed_events (
    id        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id  varchar(200),
    topic     varchar(200) NOT NULL,
    type      varchar(200),
    reason    text         NOT NULL,
    payload   text         NOT NULL,
    failed_at timestamptz  NOT NULL
);
CREATE INDEX failed_events_failed_at_idx ON failed_events (failed_at);
