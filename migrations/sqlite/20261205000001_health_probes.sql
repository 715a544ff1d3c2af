-- One row per running instance, rewritten by each /healthz: the write-path check. A store that
-- takes no write (a full disk, a lock held elsewhere, a read-only file) fails it. No member data.
CREATE TABLE health_probes (
    instance    TEXT PRIMARY KEY NOT NULL,
    checked_at  INTEGER NOT NULL
) WITHOUT ROWID;
