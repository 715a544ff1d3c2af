//! Benchmarks for the streak records on a synthetic database of 1 million members and 30 million
//! check-ins (see BENCHMARKS.md for the figures and how to reproduce them).
//!
//! `generate PATH` builds the database once: the schema through the real migrations, then
//! set-based `INSERT ... SELECT` statements over recursive sequences, all in one transaction, so
//! SQLite writes rows in key order without a round trip per row. Every member checks in on 30
//! consecutive days ending 0 to 9 days before "today", which the streak rules settle exactly (30
//! days earn the two freezes a member may hold), so the stored aggregates are the ones the
//! check-in path itself would have written. `measure PATH` times check-in, `/streak`,
//! leaderboard pages and the heatmap through `App`, and prints percentiles. `PATH` may also be a
//! PostgreSQL URL (`postgres://...`, an empty database of its own): the same data is generated
//! there (`support/streak_fill_postgres.rs`) and measured through the same calls.

#[path = "support/streak_fill_postgres.rs"]
mod streak_fill_postgres;

use backend_mentor::app::{App, BoardRequest};
use backend_mentor::content::ContentSource;
use backend_mentor::domain::history::DayMark;
use backend_mentor::domain::{CallerRights, MemberRef, Metric, Minutes, Period, Platform, Timezone};
use backend_mentor::heatmap::{heatmap_start, render_heatmap, HeatmapDay};
use backend_mentor::storage::Store;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::sync::Arc;
use std::time::Instant;

const MEMBERS: i64 = 1_000_000;
const DAYS_EACH: i64 = 30;
const BIG_SPACE: i64 = 100_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 17).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 17, 12, 0, 0).unwrap()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    backend_mentor::telemetry::init(backend_mentor::config::LogFormat::Pretty, "warn");
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, path] if cmd == "generate" => generate(path).await,
        [cmd, path] if cmd == "measure" => measure(path).await,
        [cmd, path] if cmd == "profile" => profile(path).await,
        [cmd] if cmd == "render" => render().await,
        _ => anyhow::bail!("usage: streak_bench generate|measure|profile PATH, or streak_bench render"),
    }
}

/// Statements that fill the database, in order; `{today}` etc. are filled in below.
const FILL: &[&str] = &[
    "INSERT INTO members (id, platform, space_id, user_id, created_at)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {members})
     SELECT i, 'discord', CASE WHEN i <= {big} THEN 'big' ELSE 's' || ((i - {big} - 1) / 1000) END,
            'u' || i, '2026-01-01T00:00:00Z' FROM n",
    "INSERT INTO checkins (member_id, local_date, checked_in_at, minutes, checkin_count, added_by_correction)
     WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < {days} - 1)
     SELECT m.id, date('{today}', '-' || ((m.id % 10) + {days} - 1 - k.j) || ' days'),
            date('{today}', '-' || ((m.id % 10) + {days} - 1 - k.j) || ' days') || 'T18:00:00Z',
            (m.id * 7 + k.j * 13) % 90 + 1, 1, 0
     FROM members m, k ORDER BY m.id, k.j",
    "INSERT INTO checkin_notes (member_id, local_date, noted_at, minutes, note)
     SELECT member_id, local_date, checked_in_at, minutes, 'read about indexes' FROM checkins
     WHERE (member_id + CAST(substr(local_date, 9, 2) AS INTEGER)) % 100 = 0",
    "INSERT INTO streaks (member_id, platform, space_id, current_days, longest_days, total_days, total_minutes,
                          freezes_held, freezes_used, days_toward_freeze, last_day, alive_until)
     SELECT m.id, m.platform, m.space_id, {days}, {days}, {days}, t.minutes, 2, 0, {days} % 7,
            date('{today}', '-' || (m.id % 10) || ' days'),
            CAST(strftime('%s', date('{today}', '-' || (m.id % 10) || ' days'), '+4 days') AS INTEGER)
     FROM members m JOIN (SELECT member_id, SUM(minutes) AS minutes FROM checkins GROUP BY member_id) t
       ON t.member_id = m.id",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT member_id, 'all', platform, space_id, '1970-01-01', total_days, total_minutes FROM streaks",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT c.member_id, 'week', m.platform, m.space_id, '{week}', COUNT(*), SUM(c.minutes)
     FROM checkins c JOIN members m ON m.id = c.member_id
     WHERE c.local_date BETWEEN '{week}' AND '{today}' GROUP BY c.member_id",
    "INSERT INTO period_totals (member_id, period, platform, space_id, period_start, days, minutes)
     SELECT c.member_id, 'month', m.platform, m.space_id, '{month}', COUNT(*), SUM(c.minutes)
     FROM checkins c JOIN members m ON m.id = c.member_id
     WHERE c.local_date BETWEEN '{month}' AND '{today}' GROUP BY c.member_id",
];

/// The store `PATH` names: a PostgreSQL URL as given, else a SQLite file.
fn database_url(path: &str) -> String {
    if backend_mentor::storage::is_postgres_url(path) {
        path.to_string()
    } else {
        format!("sqlite://{path}")
    }
}

/// The fill statements with the run's figures in them.
fn statements(fill: &[&str]) -> Vec<String> {
    let filled = |statement: &&str| {
        statement
            .replace("{members}", &MEMBERS.to_string())
            .replace("{big}", &BIG_SPACE.to_string())
            .replace("{days}", &DAYS_EACH.to_string())
            .replace("{today}", &today().to_string())
            .replace("{week}", &Period::Week.start(today()).to_string())
            .replace("{month}", &Period::Month.start(today()).to_string())
    };
    fill.iter().map(filled).collect()
}

async fn generate(path: &str) -> anyhow::Result<()> {
    if backend_mentor::storage::is_postgres_url(path) {
        return streak_fill_postgres::fill(path, statements(streak_fill_postgres::FILL)).await;
    }
    for stale in [path.to_string(), format!("{path}-wal"), format!("{path}-shm")] {
        let _ = std::fs::remove_file(stale);
    }
    let store = Store::connect(&format!("sqlite://{path}")).await?;
    store.close().await;
    let options =
        sqlx::sqlite::SqliteConnectOptions::new().filename(path).journal_mode(sqlx::sqlite::SqliteJournalMode::Off);
    let pool = sqlx::SqlitePool::connect_with(options).await?;
    let mut tx = pool.begin().await?;
    for (statement, sql) in FILL.iter().zip(statements(FILL)) {
        let started = Instant::now();
        let done = sqlx::raw_sql(&sql).execute(&mut *tx).await?;
        println!(
            "{:>10} rows in {:>6.1} s: {}",
            done.rows_affected(),
            started.elapsed().as_secs_f64(),
            first_words(statement)
        );
    }
    tx.commit().await?;
    sqlx::raw_sql("ANALYZE").execute(&pool).await?;
    pool.close().await;
    println!("database size: {} MB", std::fs::metadata(path)?.len() / 1_000_000);
    Ok(())
}

fn first_words(sql: &str) -> String {
    sql.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// A member spread over the id range by a fixed multiplicative step, so runs repeat exactly.
fn member(i: i64) -> MemberRef {
    let id = (i * 7_919) % MEMBERS + 1;
    let space = if id <= BIG_SPACE { "big".to_string() } else { format!("s{}", (id - BIG_SPACE - 1) / 1000) };
    MemberRef::new(Platform::Discord, space, format!("u{id}"))
}

async fn measure(path: &str) -> anyhow::Result<()> {
    let content = Arc::new(ContentSource::Embedded.load(&backend_mentor::startup::render_limits())?);
    let app = App::new(content, Store::connect(&database_url(path)).await?, Timezone::UTC);
    let moderator = CallerRights { manage_server: true, ..CallerRights::default() };
    let half_hour = Some(Minutes::new(30)?);
    // The first streak-board read of a server settles every streak that ended since it was last
    // read; in this data that is most of the big server, so it is timed on its own.
    let started = Instant::now();
    app.leaderboard(&big_member(0), &moderator, &BoardRequest::default(), now()).await?;
    println!(
        "{:<55} {:>7.1} ms (once)",
        "first streak board read, settling ended streaks",
        started.elapsed().as_secs_f64() * 1000.0
    );
    report(
        "/streak",
        time(2_000, |i| {
            let (app, m) = (app.clone(), member(i));
            async move { app.streak(&m, now()).await }
        })
        .await?,
    );
    report(
        "check-in",
        time(2_000, |i| {
            let (app, m) = (app.clone(), member(i + 10_000));
            async move { app.check_in(&m, now(), half_hour, None).await }
        })
        .await?,
    );
    for (label, space_member, metric, period) in [
        ("leaderboard, 100k-member server, streak", 0, Metric::Streak, Period::AllTime),
        ("leaderboard, 100k-member server, days this week", 0, Metric::Days, Period::Week),
        ("leaderboard, 100k-member server, minutes this month", 0, Metric::Minutes, Period::Month),
        ("leaderboard, 1k-member server, days all time", 1, Metric::Days, Period::AllTime),
    ] {
        let request = |i: i64| BoardRequest { group: None, period, metric, page: Some((i % 50 + 1) as u32) };
        let caller = |i: i64| if space_member == 0 { big_member(i) } else { member(i + 200_000) };
        report(
            label,
            time(500, |i| {
                let (app, rights, m, r) = (app.clone(), moderator.clone(), caller(i), request(i));
                async move { app.leaderboard(&m, &rights, &r, now()).await }
            })
            .await?,
        );
    }
    report(
        "leaderboard, 100k-member server, caller's own page",
        time(500, |i| {
            let (app, rights, m) = (app.clone(), moderator.clone(), big_member(i));
            async move { app.leaderboard(&m, &rights, &BoardRequest::default(), now()).await }
        })
        .await?,
    );
    let days = sample_days();
    report("heatmap render (SVG + PNG)", time(500, |_| async { render_heatmap(&days, today()) }).await?);
    report(
        "heatmap with its queries",
        time(500, |i| {
            let (app, m) = (app.clone(), member(i));
            async move { app.streak_heatmap(&m, now()).await }
        })
        .await?,
    );
    if !backend_mentor::storage::is_postgres_url(path) {
        println!("database size: {} MB", std::fs::metadata(path)?.len() / 1_000_000);
    }
    Ok(())
}

/// The heatmap render alone, with no database: the part of `/streak` that is pure CPU.
async fn render() -> anyhow::Result<()> {
    let days = sample_days();
    report("heatmap render (SVG + PNG)", time(5000, |_| async { render_heatmap(&days, today()) }).await?);
    println!("PNG size: {} bytes", render_heatmap(&days, today())?.len());
    Ok(())
}

/// A few calls of each kind, for looking at their statements with RUST_LOG=sqlx::query=debug.
async fn profile(path: &str) -> anyhow::Result<()> {
    let content = Arc::new(ContentSource::Embedded.load(&backend_mentor::startup::render_limits())?);
    let app = App::new(content, Store::connect(&database_url(path)).await?, Timezone::UTC);
    let moderator = CallerRights { manage_server: true, ..CallerRights::default() };
    for i in 0..3 {
        let started = Instant::now();
        app.leaderboard(&big_member(i), &moderator, &BoardRequest { page: Some(3), ..Default::default() }, now())
            .await?;
        println!("streak board page: {:.3} ms", started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        app.streak(&member(i + 500_000), now()).await?;
        println!("/streak: {:.3} ms", started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        app.check_in(&member(i + 600_000), now(), Some(Minutes::new(30)?), None).await?;
        println!("check-in: {:.3} ms", started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(())
}

fn big_member(i: i64) -> MemberRef {
    MemberRef::new(Platform::Discord, "big", format!("u{}", (i * 7_919) % BIG_SPACE + 1))
}

fn sample_days() -> Vec<HeatmapDay> {
    let first = heatmap_start(today());
    (0..=(today() - first).num_days())
        .map(|i| HeatmapDay { date: first + Duration::days(i), mark: DayMark::Counted, minutes: (i * 37) % 120 })
        .collect()
}

/// Calls made before timing, on other members: they prepare each statement on the pool's
/// connections, which happens once per connection in a running bot.
const WARM_UP: i64 = 20;

async fn time<F, Fut, T, E>(runs: i64, mut call: F) -> anyhow::Result<Vec<f64>>
where
    F: FnMut(i64) -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
    E: std::fmt::Debug,
{
    for i in runs..runs + WARM_UP {
        call(i).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    let mut samples = Vec::with_capacity(runs as usize);
    for i in 0..runs {
        let started = Instant::now();
        call(i).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    samples.sort_by(f64::total_cmp);
    Ok(samples)
}

fn report(label: &str, samples: Vec<f64>) {
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{label:<55} n={:<5} p50 {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms",
        samples.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}
