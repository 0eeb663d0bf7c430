-- The totals of the profile list, kept by the database: counting a partner's profiles on every page
-- read them all (15 ms for 67,000, bench/RESULTS.md). Each partner's count per status is spread over
-- 16 rows (by profile id), so concurrent creations rarely wait on one row, and is changed when the
-- transaction commits (a deferred trigger), so the row is locked only for the commit.
CREATE TABLE profile_counts (
    partner_id uuid        NOT NULL,
    status     varchar(16) NOT NULL,
    shard      smallint    NOT NULL,
    profiles   bigint      NOT NULL,
    PRIMARY KEY (partner_id, status, shard)
);

-- Replicas still on the previous version may write while this runs: held until the trigger exists,
-- so that no profile is written between the backfill and the first count the trigger keeps.
LOCK TABLE profiles IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO profile_counts (partner_id, status, shard, profiles)
SELECT partner_id, status, id % 16, count(*) FROM profiles GROUP BY 1, 2, 3;

CREATE FUNCTION add_to_profile_count(partner uuid, state varchar, profile bigint, delta integer) RETURNS void AS $$
BEGIN
    INSERT INTO profile_counts AS c (partner_id, status, shard, profiles) VALUES (partner, state, profile % 16, delta)
        ON CONFLICT (partner_id, status, shard) DO UPDATE SET profiles = c.profiles + delta;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION count_profiles() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM add_to_profile_count(NEW.partner_id, NEW.status, NEW.id, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM add_to_profile_count(OLD.partner_id, OLD.status, OLD.id, -1);
    ELSIF OLD.status <> NEW.status THEN
        -- Two rows, always taken in the order of their status: two transactions never wait on each other in a cycle.
        IF OLD.status < NEW.status THEN
            PERFORM add_to_profile_count(OLD.partner_id, OLD.status, OLD.id, -1);
            PERFORM add_to_profile_count(NEW.partner_id, NEW.status, NEW.id, 1);
        ELSE
            PERFORM add_to_profile_count(NEW.partner_id, NEW.status, NEW.id, 1);
            PERFORM add_to_profile_count(OLD.partner_id, OLD.status, OLD.id, -1);
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER profiles_are_counted
    AFTER INSERT OR UPDATE OF status OR DELETE ON profiles
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION count_profiles();
