-- Members, spaces and daily check-ins. A member is (platform, space_id, user_id) as text so that
-- Discord snowflakes and Slack ids live side by side.

CREATE TABLE spaces (
    platform         TEXT NOT NULL,
    space_id         TEXT NOT NULL,
    default_timezone TEXT,
    created_at       TEXT NOT NULL,
    PRIMARY KEY (platform, space_id)
) WITHOUT ROWID;

CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    platform   TEXT NOT NULL,
    space_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    timezone   TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (platform, space_id, user_id)
);

-- One row per member and local day: the day is fixed in the member's zone when they check in,
-- so a later change of time zone never moves or double-counts it.
CREATE TABLE checkins (
    member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date    TEXT NOT NULL,
    checked_in_at TEXT NOT NULL,
    minutes       INTEGER,
    note          TEXT,
    PRIMARY KEY (member_id, local_date)
) WITHOUT ROWID;
