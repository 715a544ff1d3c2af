-- One row per running instance, rewritten by each /healthz: the write-path check. A store that
-- takes no write (a read-only server, a standby, a lock held elsewhere) fails it. No member data.
CREATE TABLE health_probes (
    instance    TEXT PRIMARY KEY,
    checked_at  BIGINT NOT NULL
);
