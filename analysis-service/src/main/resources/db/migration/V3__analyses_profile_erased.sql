-- The profile of a waiting analysis was erased: its submission will never come (or is gone), so the
-- worker fails it at once instead of after the submission wait.
ALTER TABLE analyses ADD COLUMN profile_erased boolean NOT NULL DEFAULT false;
