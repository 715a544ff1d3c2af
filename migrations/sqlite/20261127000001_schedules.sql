-- Scheduled learning prompts per space, study nudges per member, and the claims that make each
-- post or nudge go out exactly once per (target, local date).

CREATE TABLE prompt_schedules (
    platform        TEXT NOT NULL,
    space_id        TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    local_time      TEXT NOT NULL,
    timezone        TEXT NOT NULL,
    weekdays        INTEGER NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    -- Why posting stopped by itself (a removed channel, a lost permission), shown at /setup show.
    disabled_reason TEXT,
    rotation_seed   INTEGER NOT NULL,
    posts_made      INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (platform, space_id)
) WITHOUT ROWID;

CREATE TABLE nudge_settings (
    member_id          INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    local_time         TEXT NOT NULL,
    weekdays           INTEGER NOT NULL,
    -- A local date: no nudges up to and including it.
    snooze_until       TEXT,
    -- Set when the platform refused the direct message; nudges stop until the member turns them on again.
    dm_closed_at       TEXT,
    dm_closed_notified INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT NOT NULL
);

-- A claim is written before anything is sent; its primary key is what makes a second send
-- impossible, whatever the number of ticks, restarts or scheduler instances.
CREATE TABLE deliveries (
    kind       TEXT NOT NULL CHECK (kind IN ('prompt', 'nudge')),
    target     TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
    claimed_at TEXT NOT NULL,
    claimed_by TEXT NOT NULL,
    detail     TEXT,
    PRIMARY KEY (kind, target, local_date)
) WITHOUT ROWID;
CREATE INDEX deliveries_claimed ON deliveries (status, claimed_at) WHERE status = 'claimed';
