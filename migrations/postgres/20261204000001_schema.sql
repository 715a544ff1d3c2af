-- The whole schema on PostgreSQL, as the SQLite migrations up to 20261203000002 leave it. Days
-- are DATE, instants TIMESTAMPTZ and flags BOOLEAN (SQLite keeps all three as text or 0/1); the
-- stores' queries hand the same values up either way. Member ids come from an identity sequence, which never hands an id out twice,
-- deleted members included (SQLite needs member_id_floor for that).

CREATE TABLE spaces (
    platform           TEXT NOT NULL,
    space_id           TEXT NOT NULL,
    default_timezone   TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    moderator_role_id  TEXT,
    members_see_boards BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (platform, space_id)
);

CREATE TABLE members (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform   TEXT NOT NULL,
    space_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    timezone   TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (platform, space_id, user_id)
);

-- One row per member and local day, fixed in the member's zone when they check in.
CREATE TABLE checkins (
    member_id           BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date          DATE NOT NULL,
    checked_in_at       TIMESTAMPTZ NOT NULL,
    minutes             BIGINT,
    checkin_count       BIGINT NOT NULL DEFAULT 1,
    added_by_correction BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (member_id, local_date)
);

CREATE TABLE checkin_notes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date DATE NOT NULL,
    noted_at   TIMESTAMPTZ NOT NULL,
    minutes    BIGINT,
    note       TEXT NOT NULL
);
CREATE INDEX checkin_notes_by_member ON checkin_notes (member_id, local_date);

CREATE TABLE roadmap_progress (
    member_id   BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    step_number BIGINT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('learning', 'done', 'skipped')),
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, step_number)
);

CREATE TABLE topic_progress (
    member_id   BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    step_number BIGINT NOT NULL,
    topic_index BIGINT NOT NULL,
    done_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, step_number, topic_index)
);

CREATE TABLE streaks (
    member_id          BIGINT PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    platform           TEXT NOT NULL,
    space_id           TEXT NOT NULL,
    current_days       BIGINT NOT NULL,
    longest_days       BIGINT NOT NULL,
    total_days         BIGINT NOT NULL,
    total_minutes      BIGINT NOT NULL,
    freezes_held       BIGINT NOT NULL,
    freezes_used       BIGINT NOT NULL,
    days_toward_freeze BIGINT NOT NULL,
    last_day           DATE,
    alive_until        BIGINT NOT NULL
);
CREATE INDEX streaks_board ON streaks (platform, space_id, current_days DESC, total_days DESC, total_minutes DESC, member_id);
CREATE INDEX streaks_running ON streaks (platform, space_id, alive_until) WHERE current_days > 0;

CREATE TABLE period_totals (
    member_id    BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    period       TEXT NOT NULL CHECK (period IN ('week', 'month', 'all')),
    platform     TEXT NOT NULL,
    space_id     TEXT NOT NULL,
    period_start DATE NOT NULL,
    days         BIGINT NOT NULL,
    minutes      BIGINT NOT NULL,
    PRIMARY KEY (member_id, period)
);
CREATE INDEX period_totals_by_days ON period_totals (platform, space_id, period, period_start, days DESC, minutes DESC, member_id);
CREATE INDEX period_totals_by_minutes ON period_totals (platform, space_id, period, period_start, minutes DESC, days DESC, member_id);

-- How many members hold each exact score on each board, kept by the triggers below, so a
-- member's place is a sum over the scores above theirs instead of a count over every member.
CREATE TABLE board_counts (
    platform     TEXT NOT NULL,
    space_id     TEXT NOT NULL,
    board        TEXT NOT NULL,
    period_start TEXT NOT NULL,
    first_value  BIGINT NOT NULL,
    second_value BIGINT NOT NULL,
    third_value  BIGINT NOT NULL,
    members      BIGINT NOT NULL,
    PRIMARY KEY (platform, space_id, board, period_start, first_value, second_value, third_value)
);

CREATE FUNCTION board_count_add(p TEXT, s TEXT, b TEXT, ps TEXT, v1 BIGINT, v2 BIGINT, v3 BIGINT, delta BIGINT)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO board_counts VALUES (p, s, b, ps, v1, v2, v3, delta)
    ON CONFLICT (platform, space_id, board, period_start, first_value, second_value, third_value)
    DO UPDATE SET members = board_counts.members + delta;
$$;

CREATE FUNCTION period_totals_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.days > 0 THEN
        PERFORM board_count_add(OLD.platform, OLD.space_id, OLD.period, OLD.period_start::TEXT, OLD.days, OLD.minutes, 0, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.days > 0 THEN
        PERFORM board_count_add(NEW.platform, NEW.space_id, NEW.period, NEW.period_start::TEXT, NEW.days, NEW.minutes, 0, 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER period_totals_counted AFTER INSERT OR UPDATE OR DELETE ON period_totals
    FOR EACH ROW EXECUTE FUNCTION period_totals_counts();

CREATE FUNCTION streaks_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.current_days > 0 THEN
        PERFORM board_count_add(OLD.platform, OLD.space_id, 'streak', '', OLD.current_days, OLD.total_days,
                                OLD.total_minutes, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.current_days > 0 THEN
        PERFORM board_count_add(NEW.platform, NEW.space_id, 'streak', '', NEW.current_days, NEW.total_days,
                                NEW.total_minutes, 1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER streaks_counted AFTER INSERT OR UPDATE OR DELETE ON streaks
    FOR EACH ROW EXECUTE FUNCTION streaks_counts();

CREATE TABLE neutral_days (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    first_day  DATE NOT NULL,
    last_day   DATE NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('pause', 'timezone')),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX neutral_days_by_member ON neutral_days (member_id, first_day);

CREATE TABLE study_groups (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform   TEXT NOT NULL,
    space_id   TEXT NOT NULL,
    group_key  TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (platform, space_id, group_key)
);
CREATE TABLE group_members (
    group_id  BIGINT NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_by_member ON group_members (member_id);

CREATE TABLE day_corrections (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id         BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    local_date        DATE NOT NULL,
    action            TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    reason            TEXT NOT NULL,
    moderator_user_id TEXT,
    corrected_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX day_corrections_by_member ON day_corrections (member_id, corrected_at);
CREATE INDEX day_corrections_by_moderator ON day_corrections (moderator_user_id);

CREATE TABLE prompt_schedules (
    platform        TEXT NOT NULL,
    space_id        TEXT NOT NULL,
    channel_id      TEXT NOT NULL,
    local_time      TEXT NOT NULL,
    timezone        TEXT NOT NULL,
    weekdays        BIGINT NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    -- Why posting stopped by itself (a removed channel, a lost permission), shown at /setup show.
    disabled_reason TEXT,
    rotation_seed   BIGINT NOT NULL,
    posts_made      BIGINT NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, space_id)
);

CREATE TABLE nudge_settings (
    member_id          BIGINT PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    local_time         TEXT NOT NULL,
    weekdays           BIGINT NOT NULL,
    -- A local date: no nudges up to and including it.
    snooze_until       DATE,
    -- Set when the platform refused the direct message; nudges stop until the member turns them on again.
    dm_closed_at       TIMESTAMPTZ,
    dm_closed_notified BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at         TIMESTAMPTZ NOT NULL,
    direct_channel_id  TEXT
);

-- Every scheduled send, claimed before it is made: the primary key lets one claim win across
-- any number of processes.
CREATE TABLE deliveries (
    kind       TEXT NOT NULL CHECK (kind IN ('prompt', 'nudge')),
    target     TEXT NOT NULL,
    local_date DATE NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
    claimed_at TIMESTAMPTZ NOT NULL,
    claimed_by TEXT NOT NULL,
    detail     TEXT,
    PRIMARY KEY (kind, target, local_date)
);
CREATE INDEX deliveries_claimed ON deliveries (status, claimed_at) WHERE status = 'claimed';

-- A deleted member's nudge deliveries go with them (their target is the member id as text).
CREATE FUNCTION members_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM deliveries WHERE kind = 'nudge' AND target = OLD.id::TEXT;
    RETURN NULL;
END;
$$;
CREATE TRIGGER members_deleted AFTER DELETE ON members FOR EACH ROW EXECUTE FUNCTION members_deleted();

CREATE TABLE space_moderators (
    platform  TEXT NOT NULL,
    space_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    named_by  TEXT NOT NULL,
    named_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, space_id, user_id)
);
