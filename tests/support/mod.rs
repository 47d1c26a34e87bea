//! Helpers shared by the property tests and the scan limit tests: the case
//! count, and a reference matcher built on the `regex` crate.
//!
//! Each test file uses a different part of this module.
#![allow(dead_code)]

use errdex::lookup::MAX_LINE;
use proptest::test_runner::{Config, FileFailurePersistence};
use regex::bytes::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// The proptest configuration: `default_cases` cases per property, unless
/// `PROPTEST_CASES` is set (`PROPTEST_CASES=100000` for a deeper run).
///
/// A failing case is saved (as its random seed) in
/// `tests/<file>.proptest-regressions` and replayed first by every later run.
/// Those files are meant to be committed: a failure found once, on any
/// machine, stays a test case for everyone until the code is fixed and the
/// file reviewed.
pub fn config(default_cases: u32) -> Config {
    let mut config = Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config
}

/// Every shipped record's regex, compiled by the `regex` crate exactly as
/// the matcher promises to behave: case-insensitive, Unicode, on bytes.
pub fn reference() -> &'static [Regex] {
    static REGEXES: OnceLock<Vec<Regex>> = OnceLock::new();
    REGEXES.get_or_init(|| {
        errdex::records()
            .iter()
            .map(|r| {
                RegexBuilder::new(r.regex)
                    .case_insensitive(true)
                    .build()
                    .expect("every shipped regex compiles")
            })
            .collect()
    })
}

/// Indexes of the records whose reference regex matches `line`, ascending.
pub fn reference_matches(line: &[u8]) -> Vec<usize> {
    reference()
        .iter()
        .enumerate()
        .filter(|(_, re)| re.is_match(line))
        .map(|(i, _)| i)
        .collect()
}

/// The lines a scan sees in `input`, as documented in `errdex::scan`: split
/// at `\n`, one trailing `\r` removed (a lone `\r` elsewhere is an ordinary
/// byte), a last line without `\n` still counts, and a line longer than
/// `MAX_LINE` is cut to its first `MAX_LINE` bytes.
pub fn scan_lines(input: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        lines.push(&line[..line.len().min(MAX_LINE)]);
        rest = next;
    }
    lines
}

/// `(line number, record)` for every line of `input` and every record whose
/// reference regex matches it, in scan order.
pub fn reference_scan(input: &[u8]) -> Vec<(u64, usize)> {
    let mut hits = Vec::new();
    for (i, line) in scan_lines(input).into_iter().enumerate() {
        for r in reference_matches(line) {
            hits.push((i as u64 + 1, r));
        }
    }
    hits
}

/// Runs `errdex::scan::scan_reader` and collects `(line, record)` hits and
/// the line count.
pub fn scan(input: impl std::io::Read) -> (Vec<(u64, usize)>, u64) {
    let mut hits = Vec::new();
    let lines = errdex::scan::scan_reader(input, |n, _, r| hits.push((n, r)))
        .expect("reading from memory does not fail");
    (hits, lines)
}

/// A reader that hands out `data` in pieces of the given sizes (cycled; a
/// size of 0 stands for one `Interrupted` error, which readers must retry).
pub struct Chunked<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl<'a> Chunked<'a> {
    /// A reader over `data` that returns at most `sizes[i]` bytes on its
    /// i-th read (cycling through `sizes`).
    pub fn new(data: &'a [u8], sizes: Vec<usize>) -> Self {
        assert!(sizes.iter().any(|&s| s > 0), "some read must make progress");
        Chunked {
            data,
            sizes,
            next: 0,
        }
    }
}

impl std::io::Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()];
        self.next += 1;
        if size == 0 {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let n = size.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}
