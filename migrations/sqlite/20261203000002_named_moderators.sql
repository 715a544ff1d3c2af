-- Members a moderator named as moderators of a space, besides the platform's own admins and
-- the space's moderator role (Slack has no roles: a workspace admin names the others).
CREATE TABLE space_moderators (
    platform  TEXT NOT NULL,
    space_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    named_by  TEXT NOT NULL,
    named_at  TEXT NOT NULL,
    PRIMARY KEY (platform, space_id, user_id)
) WITHOUT ROWID;
