-- The profiles partners erased (profile-erased), kept for good: an analysis of one — even one whose
-- request checked the profile just before its deletion and was inserted after the erasure was handled
-- here — fails at once, and a submission of one arriving late (a redelivery) is not kept again. Only
-- the partner's id and the profile's number: nothing of its values.
CREATE TABLE erased_profiles (
    partner_id uuid        NOT NULL,
    profile_pk bigint      NOT NULL,
    erased_at  timestamptz NOT NULL,
    PRIMARY KEY (partner_id, profile_pk)
);

INSERT INTO erased_profiles (partner_id, profile_pk, erased_at)
SELECT DISTINCT partner_id, profile_pk, now() FROM analyses WHERE profile_erased;

-- analyses.profile_erased (V3) is no longer written or read; it stays while instances of the version
-- before this one may still run (a rolling update), and goes in a later migration.
