//! Build script: link options that make the release binary cheaper to keep in memory, applied
//! only where the linker is known to take them (Rust 1.90 and later link x86_64 Linux with its
//! bundled LLD). Elsewhere the binary is linked as before: the options change memory, not what
//! the program does. BENCHMARKS.md ("Footprint") has what each one saves and how it was measured.

use std::process::Command;

/// Functions listed in the order the linker should place them: the ones a start and a day of
/// interactions run, first and together (written by `examples/symbol_order.rs`).
const SYMBOL_ORDER: &str = "link/symbol-order.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={SYMBOL_ORDER}");
    println!("cargo:rerun-if-env-changed=MENTOR_LINK_MAP");
    if std::env::var("PROFILE").as_deref() != Ok("release") || !links_with_bundled_lld() {
        return;
    }
    // The position-independent binary's 62,000 pointer fix-ups, packed (DT_RELR, glibc 2.36):
    // the loader reads a few kilobytes at start instead of 1.5 MB that then stay resident.
    println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    // Code touched by a start and by serving sits scattered over 25 MB, and the kernel maps
    // 64 KiB around each touched page; placed together it takes a fraction of the pages.
    let order = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SYMBOL_ORDER);
    if order.exists() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    // Where each function landed, for the tool that writes the order (never on by default).
    if let Ok(map) = std::env::var("MENTOR_LINK_MAP") {
        println!("cargo:rustc-link-arg-bins=-Wl,-Map={map}");
    }
}

/// True when rustc links this target with its bundled LLD: x86_64 Linux (GNU) from Rust 1.90,
/// unless the build names a linker or passes any link flag of its own (any `RUSTFLAGS` word
/// with "link" in it), in which case the link is left as that build set it.
fn links_with_bundled_lld() -> bool {
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    if env("TARGET") != "x86_64-unknown-linux-gnu" || env("CARGO_ENCODED_RUSTFLAGS").contains("link") {
        return false;
    }
    if std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some() {
        return false;
    }
    let version = Command::new(env("RUSTC")).arg("--version").output().map(|out| out.stdout);
    let version = String::from_utf8(version.unwrap_or_default()).unwrap_or_default();
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let minor = version.split_whitespace().nth(1).and_then(|v| v.split('.').nth(1)?.parse::<u32>().ok());
    minor.is_some_and(|minor| minor >= 90)
}
