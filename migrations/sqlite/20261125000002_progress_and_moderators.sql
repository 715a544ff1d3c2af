-- Roadmap progress per member and step, and the optional moderator role of a space.

CREATE TABLE roadmap_progress (
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    step_number INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('learning', 'done', 'skipped')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (member_id, step_number)
) WITHOUT ROWID;

ALTER TABLE spaces ADD COLUMN moderator_role_id TEXT;
