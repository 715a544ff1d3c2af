-- Checklist topics a member marked done within a roadmap step (by the topic's position).
CREATE TABLE topic_progress (
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    step_number INTEGER NOT NULL,
    topic_index INTEGER NOT NULL,
    done_at     TEXT NOT NULL,
    PRIMARY KEY (member_id, step_number, topic_index)
) WITHOUT ROWID;
