-- A message whose handling kept failing (not one that cannot be read or used) is handled again later,
-- on a growing back-off (FailedEventReplay): a fix deployed meanwhile, or a neighbour's data that has
-- since arrived, lets it through without an operator. replay_at is null once no replay is left.
ALTER TABLE failed_events
    ADD COLUMN replay_at timestamptz,
    ADD COLUMN replays   integer NOT NULL DEFAULT 0;

UPDATE failed_events SET replay_at = now() WHERE reason LIKE 'handling failed:%';

CREATE INDEX failed_events_replay_at_idx ON failed_events (replay_at) WHERE replay_at IS NOT NULL;
