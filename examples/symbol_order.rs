//! Writes `link/symbol-order.txt`, the order in which the linker places the release binary's
//! functions (`build.rs` passes it to LLD): every function that a start and the Discord load ran,
//! most run first, so the code a running bot touches sits on few pages instead of being scattered
//! over 25 MB with the kernel mapping 64 KiB around each touched page.
//!
//! The run is recorded with callgrind on the release binary itself, and the executed addresses
//! are named through the link map of that same build: the binary ships without symbols, and
//! another build's names differ in their hashes, which follow each crate's profile and features.
//! So the binary is built on its own, exactly as `cargo build --release` builds it (building an
//! example in the same command adds the dev-dependencies' features and renames everything):
//!
//! ```sh
//! MENTOR_LINK_MAP=$PWD/target/backend-mentor.map cargo build --release --bin backend-mentor
//! cargo build --release --example discord_load --example symbol_order
//! BOT_UNDER="/usr/bin/valgrind --tool=callgrind --dump-instr=yes --dump-line=no --compress-pos=no \
//!   --compress-strings=no --callgrind-out-file=$PWD/target/callgrind.out" \
//!   target/release/examples/discord_load 20 5
//! target/release/examples/symbol_order target/backend-mentor.map target/callgrind.out > link/symbol-order.txt
//! ```

use std::collections::HashMap;

/// One input section of the link map: where it landed, its size, and the (mangled) names the
/// function it holds may have (`-ffunction-sections`, as rustc and cc build); none for a section
/// of several functions.
struct Section {
    start: u64,
    size: u64,
    names: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, map, profiles @ ..] = args.as_slice() else { usage() };
    if profiles.is_empty() {
        usage();
    }
    let sections = text_sections(&std::fs::read_to_string(map).expect("the link map is readable"));
    let mut executed: HashMap<u64, u64> = HashMap::new();
    for profile in profiles {
        let text = std::fs::read_to_string(profile).expect("the callgrind output is readable");
        executed_addresses(&text, &mut executed);
    }
    let (order, outside) = hottest_first(&sections, &executed);
    let bytes: u64 = order.iter().map(|&index| sections[index].size).sum();
    eprintln!(
        "{} functions ran ({} KiB of {} KiB of code); {} addresses fell outside every function",
        order.len(),
        bytes / 1024,
        sections.iter().map(|s| s.size).sum::<u64>() / 1024,
        outside
    );
    assert!(
        outside * 100 <= executed.len() as u64,
        "most addresses must name a function: is the map from the build that ran?"
    );
    for index in order {
        for name in &sections[index].names {
            println!("{name}");
        }
    }
}

fn usage() -> ! {
    eprintln!("usage: symbol_order LINK_MAP CALLGRIND_OUT [CALLGRIND_OUT ...]");
    std::process::exit(2)
}

/// The input sections placed in the output `.text`, in address order, from LLD's `-Map` file:
/// `VMA LMA Size Align`, then an output section, an input section or a symbol, told apart by
/// how far each is indented past the four numbers (1, 9 and 17 spaces).
fn text_sections(map: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut in_text = false;
    for line in map.lines() {
        let Some((numbers, rest)) = split_after_fields(line, 4) else { continue };
        let (Some(start), Some(size)) = (hex(numbers.first()), hex(numbers.get(2))) else { continue };
        let name = rest.trim_start();
        match rest.len() - name.len() {
            1 => in_text = name == ".text",
            9 if in_text => sections.push(Section { start, size, names: names_of(name) }),
            _ => {}
        }
    }
    sections
}

/// The names of the function an input section such as `file.o:(.text.unlikely._RNv...)` holds:
/// the section's name without `.text.` and the prefix the compiler adds for cold, hot or start-up
/// code.
fn names_of(input: &str) -> Vec<String> {
    let Some(section) = input.rsplit_once(":(").and_then(|(_, s)| s.strip_suffix(')')) else { return Vec::new() };
    let Some(name) = section.strip_prefix(".text.") else { return Vec::new() };
    if let Some(cold) = name.strip_prefix("unlikely.") {
        // LLVM puts a whole cold function here; GCC (SQLite) the cold half of `name`, as
        // `name.cold`. Both are listed: the linker skips the one that does not exist.
        return vec![cold.to_string(), format!("{cold}.cold")];
    }
    let name = ["hot.", "startup.", "exit.", "split."].iter().find_map(|p| name.strip_prefix(p)).unwrap_or(name);
    vec![name.to_string()]
}

/// The first `count` whitespace-separated fields of `line`, and what follows them untouched.
fn split_after_fields(line: &str, count: usize) -> Option<(Vec<&str>, &str)> {
    let mut fields = Vec::new();
    let mut rest = line;
    for _ in 0..count {
        let trimmed = rest.trim_start();
        let end = trimmed.find(' ')?;
        fields.push(&trimmed[..end]);
        rest = &trimmed[end..];
    }
    Some((fields, rest))
}

fn hex(field: Option<&&str>) -> Option<u64> {
    u64::from_str_radix(field?.trim_start_matches("0x"), 16).ok()
}

/// Adds the instruction counts of the release binary's executed addresses in one callgrind
/// output (`--dump-instr=yes --compress-pos=no --compress-strings=no`): cost lines start with
/// the address and end with the count, under the object named by the last `ob=`. Callgrind
/// writes addresses as the object's own (its link addresses), wherever it was loaded.
fn executed_addresses(profile: &str, executed: &mut HashMap<u64, u64>) {
    let mut in_binary = false;
    for line in profile.lines() {
        if let Some(object) = line.strip_prefix("ob=") {
            in_binary = object.ends_with("/backend-mentor");
        } else if in_binary && line.starts_with("0x") {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (Some(address), Some(count)) = (hex(fields.first()), fields.last()) else { continue };
            *executed.entry(address).or_default() += count.parse::<u64>().unwrap_or(0);
        }
    }
}

/// The sections that hold an executed address, most instructions first, and how many executed
/// addresses no section holds.
fn hottest_first(sections: &[Section], executed: &HashMap<u64, u64>) -> (Vec<usize>, u64) {
    let mut counts: HashMap<usize, u64> = HashMap::new();
    let mut outside = 0;
    for (&address, &count) in executed {
        let index = sections.partition_point(|section| section.start <= address);
        match index.checked_sub(1).filter(|&i| address < sections[i].start + sections[i].size) {
            Some(i) => *counts.entry(i).or_default() += count,
            None => outside += 1,
        }
    }
    let mut order: Vec<(usize, u64)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (order.into_iter().map(|(index, _)| index).collect(), outside)
}
