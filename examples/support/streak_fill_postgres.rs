//! `streak_bench generate postgres://...`: the same synthetic million members as the SQLite
//! fill, written with PostgreSQL's `generate_series` and date arithmetic in one transaction,
//! through the real migrations and triggers (so `board_counts` is kept as a check-in keeps it).

use std::time::Instant;

/// Statements that fill the database, in order; `{today}` etc. are filled in by the caller.
pub const FILL: &[&str] = &[
    "INSERT INTO members (id, platform, space_id, user_id, created_at) OVERRIDING SYSTEM VALUE
     SELECT i, 'discord', CASE WHEN i <= {big} THEN 'big' ELSE 's' || ((i - {big} - 1) / 1000) END,
            'u' || i, TIMESTAMPTZ '2026-01-01T00:00:00Z' FROM generate_series(1, {members}) i",
    "SELECT setval(pg_get_serial_sequence('members', 'id'), {members})",
    "INSERT INTO checkins (member_id, local_date, checked_in_at, minutes, checkin_count, added_by_correction)
     SELECT m.id, DATE '{today}' - ((m.id % 10) + {days} - 1 - k)::INT,
            (DATE '{today}' - ((m.id % 10) + {days} - 1 - k)::INT) + TIME '18:00' AT TIME ZONE 'UTC',
            (m.id * 7 + k * 13) % 90 + 1, 1, FALSE
     FROM members m, generate_series(0, {days} - 1) k ORDER BY m.id, k",
    "INSERT INTO checkin_notes (member_id, local_date, noted_at, minutes, note)
     SELECT member_id, local_date, checked_in_at, minutes, 'read about indexes' FROM checkins
     WHERE (member_id + EXTRACT(DAY FROM local_date)::BIGINT) % 100 = 0",
    "INSERT INTO streaks (member_id, platform, space_id, current_days, longest_days, total_days, total_minutes,
                          freezes_held, freezes_used, days_toward_freeze, last_day, alive_until)
     SELECT m.id, m.platform, m.space_id, {days}, {days}, {days}, t.minutes, 2, 0, {days} % 7,
            DATE '{today}' - (m.id % 10)::INT,
            EXTRACT(EPOCH FROM (DATE '{today}' - (m.id % 10)::INT + 4)::TIMESTAMP AT TIME ZONE 'UTC')::BIGINT
     FROM members m JOIN (SELECT member_id, SUM(minutes)::BIGINT AS minutes FROM checkins GROUP BY member_id) t
       ON t.member_id = m.id",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT member_id, 'all', platform, space_id, DATE '1970-01-01', total_days, total_minutes FROM streaks",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT c.member_id, 'week', m.platform, m.space_id, DATE '{week}', COUNT(*), SUM(c.minutes)
     FROM checkins c JOIN members m ON m.id = c.member_id
     WHERE c.local_date BETWEEN DATE '{week}' AND DATE '{today}' GROUP BY c.member_id, m.platform, m.space_id",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT c.member_id, 'month', m.platform, m.space_id, DATE '{month}', COUNT(*), SUM(c.minutes)
     FROM checkins c JOIN members m ON m.id = c.member_id
     WHERE c.local_date BETWEEN DATE '{month}' AND DATE '{today}' GROUP BY c.member_id, m.platform, m.space_id",
];

/// Empties the database the URL names, applies the migrations and runs `statements`.
pub async fn fill(url: &str, statements: Vec<String>) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await?;
    sqlx::raw_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public").execute(&mut conn).await?;
    backend_mentor::storage::Store::connect(url).await?.close().await;
    let mut tx = conn.begin().await?;
    for sql in &statements {
        let started = Instant::now();
        let done = sqlx::raw_sql(sql).execute(&mut *tx).await?;
        let words = sql.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        println!("{:>10} rows in {:>6.1} s: {words}", done.rows_affected(), started.elapsed().as_secs_f64());
    }
    tx.commit().await?;
    sqlx::raw_sql("VACUUM ANALYZE").execute(&mut conn).await?;
    let size: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())").fetch_one(&mut conn).await?;
    println!("database size: {} MB", size / 1_000_000);
    Ok(())
}
