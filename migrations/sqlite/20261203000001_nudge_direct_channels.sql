-- The member's direct-message channel, once opened for a nudge, so later nudges cost one
-- request. Kept with the nudge setting: turning nudges off drops it with the rest.
ALTER TABLE nudge_settings ADD COLUMN direct_channel_id TEXT;
