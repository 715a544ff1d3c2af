-- Leaderboard pages and ranks count members along the board indexes with index-only scans, which
-- skip the table only where the visibility map says a page has no changes since the last vacuum.
-- Every check-in rewrites its member's `streaks` and `period_totals` rows (non-HOT: the board
-- columns are indexed), and a streak board read settles at once every streak ended since the last.
-- By default autovacuum waits for dead rows of 20% of the table (200,000 of a million members),
-- and until then each counted entry is a visit to the table: a 100k-member server's streak board
-- went from 3.3 to 8 ms at p99 after 40,000 streaks changed (BENCHMARKS.md). Vacuuming these two
-- tables after 1% keeps the counts in the index; each vacuum then has little to do.
ALTER TABLE streaks SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
ALTER TABLE period_totals SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
