-- A member id is never given to anyone else once used. SQLite hands a new row the highest id
-- plus one, so deleting the newest member used to pass their id to the next newcomer, who then
-- inherited rows keyed by it outside the member tables (the nudge delivery log) and missed that
-- day's nudge. New members now take an id above both the highest in use and the highest ever
-- deleted, kept here.
CREATE TABLE member_id_floor (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    highest_used INTEGER NOT NULL
);
INSERT INTO member_id_floor (singleton, highest_used) SELECT 1, COALESCE(MAX(id), 0) FROM members;

-- Deleting a member removes every row about them: the tables keyed by member cascade; the
-- delivery log names the member by id as text, so it is cleared here, on every delete path.
CREATE TRIGGER members_deleted AFTER DELETE ON members
BEGIN
    UPDATE member_id_floor SET highest_used = MAX(highest_used, OLD.id) WHERE singleton = 1;
    DELETE FROM deliveries WHERE kind = 'nudge' AND target = CAST(OLD.id AS TEXT);
END;
