-- Streak records that learners can trust, and that stay fast with a million members.
--
-- Several check-ins a day: the day row now adds up minutes and counts check-ins, and every note
-- goes to checkin_notes. A day a moderator added has checkin_count 0 and added_by_correction 1.
ALTER TABLE checkins ADD COLUMN checkin_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE checkins ADD COLUMN added_by_correction INTEGER NOT NULL DEFAULT 0;
UPDATE checkins SET minutes = 0 WHERE minutes IS NULL;

CREATE TABLE checkin_notes (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    noted_at   TEXT NOT NULL,
    minutes    INTEGER,
    note       TEXT NOT NULL
);
CREATE INDEX checkin_notes_by_member ON checkin_notes (member_id, local_date);
INSERT INTO checkin_notes (member_id, local_date, noted_at, minutes, note)
    SELECT member_id, local_date, checked_in_at, minutes, note FROM checkins WHERE note IS NOT NULL;
ALTER TABLE checkins DROP COLUMN note;

-- One row per member with the streak state settled through last_day (see src/domain/streak.rs),
-- kept up to date by every check-in so /streak and the streak board never scan history.
-- alive_until is the Unix time at which the streak ends if the member never checks in again
-- (0 when there is none), so the board can skip dead streaks without knowing each member's zone.
-- A member with check-ins but no row here (data from before this migration) is rebuilt on use.
CREATE TABLE streaks (
    member_id          INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    platform           TEXT NOT NULL,
    space_id           TEXT NOT NULL,
    current_days       INTEGER NOT NULL,
    longest_days       INTEGER NOT NULL,
    total_days         INTEGER NOT NULL,
    total_minutes      INTEGER NOT NULL,
    freezes_held       INTEGER NOT NULL,
    freezes_used       INTEGER NOT NULL,
    days_toward_freeze INTEGER NOT NULL,
    last_day           TEXT,
    alive_until        INTEGER NOT NULL
);
CREATE INDEX streaks_board ON streaks (platform, space_id, current_days DESC, total_days DESC, total_minutes DESC, member_id);
-- Finds the running streaks that have ended, so a board read can settle them first.
CREATE INDEX streaks_running ON streaks (platform, space_id, alive_until) WHERE current_days > 0;

-- Days and minutes per member for the current week, the current month and all time, refreshed at
-- check-in; a leaderboard page is then an index range, whatever the size of the server.
CREATE TABLE period_totals (
    member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    period       TEXT NOT NULL CHECK (period IN ('week', 'month', 'all')),
    platform     TEXT NOT NULL,
    space_id     TEXT NOT NULL,
    period_start TEXT NOT NULL,
    days         INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    PRIMARY KEY (member_id, period)
) WITHOUT ROWID;
CREATE INDEX period_totals_by_days ON period_totals (platform, space_id, period, period_start, days DESC, minutes DESC, member_id);
CREATE INDEX period_totals_by_minutes ON period_totals (platform, space_id, period, period_start, minutes DESC, days DESC, member_id);

-- How many members of a space share each score on each board: (days, minutes, 0) for the week,
-- month and all-time boards, (current streak, total days, total minutes) for the streak board. Triggers keep it
-- exact, including when a member is deleted, so a board's size, a member's place and the start
-- of any page cost one step per distinct score instead of one per member.
CREATE TABLE board_counts (
    platform     TEXT NOT NULL,
    space_id     TEXT NOT NULL,
    board        TEXT NOT NULL,
    period_start TEXT NOT NULL,
    first_value  INTEGER NOT NULL,
    second_value INTEGER NOT NULL,
    third_value  INTEGER NOT NULL,
    members      INTEGER NOT NULL,
    PRIMARY KEY (platform, space_id, board, period_start, first_value, second_value, third_value)
) WITHOUT ROWID;

CREATE TRIGGER period_totals_counted AFTER INSERT ON period_totals WHEN new.days > 0 BEGIN
    INSERT INTO board_counts VALUES (new.platform, new.space_id, new.period, new.period_start, new.days, new.minutes, 0, 1)
    ON CONFLICT DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER period_totals_uncounted AFTER DELETE ON period_totals WHEN old.days > 0 BEGIN
    UPDATE board_counts SET members = members - 1
    WHERE platform = old.platform AND space_id = old.space_id AND board = old.period
      AND period_start = old.period_start AND first_value = old.days AND second_value = old.minutes AND third_value = 0;
END;
CREATE TRIGGER period_totals_recounted AFTER UPDATE ON period_totals BEGIN
    UPDATE board_counts SET members = members - 1
    WHERE old.days > 0 AND platform = old.platform AND space_id = old.space_id AND board = old.period
      AND period_start = old.period_start AND first_value = old.days AND second_value = old.minutes AND third_value = 0;
    INSERT INTO board_counts SELECT new.platform, new.space_id, new.period, new.period_start, new.days, new.minutes, 0, 1
    WHERE new.days > 0
    ON CONFLICT DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER streaks_counted AFTER INSERT ON streaks WHEN new.current_days > 0 BEGIN
    INSERT INTO board_counts VALUES (new.platform, new.space_id, 'streak', '', new.current_days, new.total_days, new.total_minutes, 1)
    ON CONFLICT DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER streaks_uncounted AFTER DELETE ON streaks WHEN old.current_days > 0 BEGIN
    UPDATE board_counts SET members = members - 1
    WHERE platform = old.platform AND space_id = old.space_id AND board = 'streak' AND period_start = ''
      AND first_value = old.current_days AND second_value = old.total_days AND third_value = old.total_minutes;
END;
CREATE TRIGGER streaks_recounted AFTER UPDATE ON streaks BEGIN
    UPDATE board_counts SET members = members - 1
    WHERE old.current_days > 0 AND platform = old.platform AND space_id = old.space_id AND board = 'streak'
      AND period_start = '' AND first_value = old.current_days AND second_value = old.total_days AND third_value = old.total_minutes;
    INSERT INTO board_counts SELECT new.platform, new.space_id, 'streak', '', new.current_days, new.total_days, new.total_minutes, 1
    WHERE new.current_days > 0
    ON CONFLICT DO UPDATE SET members = members + 1;
END;

-- Days that neither break nor extend a streak: pauses, and days skipped by a time zone change.
CREATE TABLE neutral_days (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('pause', 'timezone')),
    created_at TEXT NOT NULL
);
CREATE INDEX neutral_days_by_member ON neutral_days (member_id, first_day);

-- Study groups: a Discord role (key role:<id>) or a named group (key name:<lowercase name>).
CREATE TABLE study_groups (
    id         INTEGER PRIMARY KEY,
    platform   TEXT NOT NULL,
    space_id   TEXT NOT NULL,
    group_key  TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (platform, space_id, group_key)
);
CREATE TABLE group_members (
    group_id  INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_member ON group_members (member_id);

-- The audit log of moderator corrections, readable by the member concerned. The moderator's
-- user id becomes NULL when that moderator deletes their own data.
CREATE TABLE day_corrections (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date        TEXT NOT NULL,
    action            TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    reason            TEXT NOT NULL,
    moderator_user_id TEXT,
    corrected_at      TEXT NOT NULL
);
CREATE INDEX day_corrections_by_member ON day_corrections (member_id, corrected_at);
CREATE INDEX day_corrections_by_moderator ON day_corrections (moderator_user_id);

-- Whether members (not only moderators) may see leaderboards; off by default.
ALTER TABLE spaces ADD COLUMN members_see_boards INTEGER NOT NULL DEFAULT 0;
