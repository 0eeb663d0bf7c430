-- The catalogue's version, bumped by the database itself in the transaction of any change to the
-- attributes or their choices. Each replica caches the catalogue with the version it read and
-- compares it at most every second, so an operator's change shows on every replica within a second.
CREATE TABLE catalogue_version (
    id      smallint PRIMARY KEY CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_catalogue_version() RETURNS trigger AS $$
BEGIN
    UPDATE catalogue_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER attributes_change_the_catalogue
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attributes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();

CREATE TRIGGER attribute_choices_change_the_catalogue
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attribute_choices
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version();
