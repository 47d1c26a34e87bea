//! Checks that the compiled-in matcher answers exactly like the regex crate
//! (`regex::bytes::Regex`, case-insensitive) for every record on every line
//! of the given files and on every record's own texts. Build it with any
//! seeds folder (`ERRDEX_SEEDS_DIR`) to check that dataset; exits 1 on the
//! first mismatches, printing them. `tests/build.rs` runs it on a synthetic set.
//!
//! `cargo run --release --example equivalence -- LOG...`
use regex::bytes::RegexBuilder;

fn main() {
    let regexes: Vec<_> = errdex::records()
        .iter()
        .map(|r| {
            RegexBuilder::new(r.regex)
                .case_insensitive(true)
                .build()
                .expect("validated at build")
        })
        .collect();
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for r in errdex::records() {
        lines.extend(
            std::iter::once(r.signature)
                .chain(r.examples.iter().copied())
                .map(|s| s.as_bytes().to_vec()),
        );
    }
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        lines.extend(errdex::lookup::split_lines(&bytes).map(<[u8]>::to_vec));
    }
    let mut scratch = errdex::matcher::Scratch::new();
    let (mut mismatches, mut matches) = (0, 0);
    for line in &lines {
        let expected: Vec<usize> = (0..regexes.len())
            .filter(|&i| regexes[i].is_match(line))
            .collect();
        let got = errdex::matcher::matching(line, &mut scratch);
        matches += expected.len();
        if got != expected {
            mismatches += 1;
            if mismatches <= 10 {
                eprintln!(
                    "{:?}: regex {expected:?}, errdex {got:?}",
                    String::from_utf8_lossy(line)
                );
            }
        }
    }
    println!(
        "{} records, {} lines, {matches} matches, {mismatches} mismatching lines",
        regexes.len(),
        lines.len()
    );
    std::process::exit(i32::from(mismatches > 0));
}
