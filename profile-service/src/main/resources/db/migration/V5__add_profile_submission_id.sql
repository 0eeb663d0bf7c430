-- Each submission of a profile gets an id, carried by profile-submitted and echoed by
-- analysis-completed: a result computed on a superseded submission is recognised and ignored.
-- Null while the profile is a draft (never submitted, or changed since its last submission).
ALTER TABLE profiles ADD COLUMN submission_id uuid;
