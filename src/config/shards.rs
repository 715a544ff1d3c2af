//! `DISCORD_SHARD_COUNT` and `DISCORD_SHARDS`: how many gateway shards the bot runs in all, and
//! which of them this process holds. Discord requires sharding past 2,500 servers (each shard
//! one websocket, carrying the servers whose `(id >> 22) % count` is its number); a large bot
//! spreads its shards over several processes, each started with its own range and the same count.

use super::ConfigError;

/// The shards this process connects: `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardPlan {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

const COUNT: &str = "DISCORD_SHARD_COUNT";
const SHARDS: &str = "DISCORD_SHARDS";

/// Reads the two variables; `None` (one shard, as a small bot runs) when neither is set.
pub(super) fn shard_plan(count: Option<String>, shards: Option<String>) -> Result<Option<ShardPlan>, ConfigError> {
    let refuse = |name, problem: String| ConfigError { name, problem };
    let Some(count) = count else {
        return match shards {
            Some(_) => Err(refuse(SHARDS, format!("needs {COUNT}, the number of shards in all"))),
            None => Ok(None),
        };
    };
    let total = count
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| refuse(COUNT, "expected the number of shards in all, 1 or more".to_string()))?;
    let (first, last) = match shards.as_deref().map(str::trim) {
        None => (0, total - 1),
        Some(range) => parse_range(range).ok_or_else(|| {
            refuse(SHARDS, "expected this process's shards as a number such as 3 or a range such as 0-3".to_string())
        })?,
    };
    if first > last || last >= total {
        return Err(refuse(
            SHARDS,
            format!("the shards {first}-{last} are not within 0-{} ({COUNT} is {total})", total - 1),
        ));
    }
    Ok(Some(ShardPlan { first, last, total }))
}

/// "3" or "0-3" (both ends included).
fn parse_range(text: &str) -> Option<(u32, u32)> {
    match text.split_once('-') {
        Some((first, last)) => Some((first.trim().parse().ok()?, last.trim().parse().ok()?)),
        None => text.parse().ok().map(|n| (n, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(count: Option<&str>, shards: Option<&str>) -> Result<Option<ShardPlan>, ConfigError> {
        shard_plan(count.map(String::from), shards.map(String::from))
    }

    #[test]
    fn a_count_alone_holds_every_shard_and_a_range_holds_its_part() {
        assert_eq!(plan(None, None).unwrap(), None);
        assert_eq!(plan(Some("4"), None).unwrap(), Some(ShardPlan { first: 0, last: 3, total: 4 }));
        assert_eq!(plan(Some("4"), Some("2-3")).unwrap(), Some(ShardPlan { first: 2, last: 3, total: 4 }));
        assert_eq!(plan(Some("2"), Some("1")).unwrap(), Some(ShardPlan { first: 1, last: 1, total: 2 }));
    }

    #[test]
    fn ranges_outside_the_count_and_odd_values_are_refused_by_name() {
        for (count, shards, name) in [
            (Some("0"), None, COUNT),
            (Some("two"), None, COUNT),
            (Some("2"), Some("2"), SHARDS),
            (Some("4"), Some("3-1"), SHARDS),
            (Some("4"), Some("a-b"), SHARDS),
            (None, Some("0-1"), SHARDS),
        ] {
            assert_eq!(plan(count, shards).unwrap_err().name, name, "{count:?} {shards:?}");
        }
    }
}
