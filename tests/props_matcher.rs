//! Property tests: on random input, the embedded matcher, the scanner and
//! `lookup_bytes` give exactly the answers of the `regex` crate applied to
//! every shipped record's regex (case-insensitive, line by line).
//!
//! Inputs are arbitrary bytes and mixes of fragments of the records' own
//! signatures, aliases and examples with random bytes, NUL bytes, line
//! endings, non-ASCII characters and changes of case, so that most cases
//! come close to a match and many match. `PROPTEST_CASES=N` runs more cases.

mod support;

use errdex::lookup::{split_lines, MAX_LINE};
use errdex::matcher::{find_record, matching, Scratch};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use std::cell::RefCell;
use support::{config, reference, reference_matches, reference_scan, scan, Chunked};

thread_local! {
    // One scratch for every case, so that state left over from one line
    // cannot change the answer for the next.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::new());
}

/// Every text of every shipped record.
fn pool() -> &'static [&'static str] {
    static POOL: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let mut texts = Vec::new();
        for r in errdex::records() {
            texts.push(r.signature);
            texts.extend(r.aliases.iter().chain(r.examples).copied());
        }
        texts
    })
}

/// Characters that case folding treats specially, and other non-ASCII text.
const UNUSUAL: &[&str] = &[
    "\u{212A}", // KELVIN SIGN, folds to k
    "\u{17F}",  // LONG S, folds to s
    "\u{130}",  // I WITH DOT ABOVE
    "\u{131}",  // DOTLESS I
    "ß", "\u{1E9E}", // CAPITAL SHARP S
    "É", "é", "Σ", "ς", "\u{2126}", // OHM SIGN
    "ﬀ", "’", "中文", "😀", "\u{FEFF}", "\u{200B}", "\t", " ",
];

/// How a piece of a line is changed before it is used.
#[derive(Debug, Clone, Copy)]
enum Case {
    Keep,
    Upper,
    Lower,
    Swap,
    FoldedLetters,
}

fn recase(bytes: Vec<u8>, case: Case) -> Vec<u8> {
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(_) => {
            return match case {
                Case::Upper => bytes.to_ascii_uppercase(),
                Case::Lower => bytes.to_ascii_lowercase(),
                _ => bytes,
            }
        }
    };
    match case {
        Case::Keep => bytes,
        Case::Upper => text.to_uppercase().into_bytes(),
        Case::Lower => text.to_lowercase().into_bytes(),
        Case::Swap => text
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect::<String>()
                }
            })
            .collect::<String>()
            .into_bytes(),
        Case::FoldedLetters => text
            .replace('k', "\u{212A}")
            .replace('S', "\u{17F}")
            .into_bytes(),
    }
}

fn case() -> impl Strategy<Value = Case> {
    prop_oneof![
        4 => Just(Case::Keep),
        1 => Just(Case::Upper),
        1 => Just(Case::Lower),
        1 => Just(Case::Swap),
        1 => Just(Case::FoldedLetters),
    ]
}

/// One piece of a line.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    let n = pool().len();
    prop_oneof![
        // A whole record text: the most likely way to produce a match.
        3 => (0..n, case()).prop_map(|(i, c)| recase(pool()[i].as_bytes().to_vec(), c)),
        // A cut of one, on any byte (UTF-8 sequences may be split).
        3 => (0..n, any::<u16>(), any::<u16>(), case()).prop_map(|(i, start, len, c)| {
            let t = pool()[i].as_bytes();
            let start = usize::from(start) % (t.len() + 1);
            let end = (start + usize::from(len) % 48).min(t.len());
            recase(t[start..end].to_vec(), c)
        }),
        2 => proptest::collection::vec(any::<u8>(), 0..12),
        1 => (1..4usize).prop_map(|k| vec![0u8; k]),
        1 => proptest::sample::select(UNUSUAL).prop_map(|s| s.as_bytes().to_vec()),
        1 => proptest::sample::select(&[" ", ": ", "\"", "'", "(", ")", "/", ".", "-"][..])
            .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

/// A line: a few pieces, no line ending inside.
fn line() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(piece(), 0..6).prop_map(|pieces| {
        let mut line = pieces.concat();
        line.retain(|&b| b != b'\n');
        line
    })
}

/// A line that may contain stray `\r`, `\n` and `\r\n` (the matcher takes
/// any bytes; only the scanner splits lines).
fn raw_line() -> impl Strategy<Value = Vec<u8>> {
    let eol =
        proptest::sample::select(&["\n", "\r", "\r\n"][..]).prop_map(|s| s.as_bytes().to_vec());
    proptest::collection::vec(prop_oneof![4 => piece(), 1 => eol], 0..6)
        .prop_map(|pieces| pieces.concat())
}

/// A log: lines joined by `\n`, `\r\n` or a lone `\r` (which does not end
/// a line), with or without a final line ending.
fn log() -> impl Strategy<Value = Vec<u8>> {
    let ending = proptest::sample::select(&["\n", "\r\n", "\r", "\n\n", "\r\r\n"][..]);
    (
        proptest::collection::vec((line(), ending), 0..12),
        any::<bool>(),
    )
        .prop_map(|(lines, final_eol)| {
            let mut log = Vec::new();
            let count = lines.len();
            for (i, (line, ending)) in lines.into_iter().enumerate() {
                log.extend_from_slice(&line);
                if i + 1 < count || final_eol {
                    log.extend_from_slice(ending.as_bytes());
                }
            }
            log
        })
}

/// Read sizes for a [`Chunked`] reader (0 is an `Interrupted` error).
fn read_sizes() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(
        prop_oneof![1 => Just(0usize), 8 => 1..64usize, 2 => 64..4096usize],
        1..8,
    )
    .prop_filter("some read must make progress", |s| s.iter().any(|&n| n > 0))
}

/// The matcher's records for `line` equal the reference's, and so do the
/// spans of the leftmost-first match of each.
fn check_line(line: &[u8]) -> Result<(), TestCaseError> {
    let want = reference_matches(line);
    SCRATCH.with(|s| {
        let mut scratch = s.borrow_mut();
        let got = matching(line, &mut scratch);
        prop_assert_eq!(
            &got,
            &want,
            "records for {:?}",
            String::from_utf8_lossy(line)
        );
        for &i in &want {
            let span = reference()[i].find(line).map(|m| m.range());
            prop_assert_eq!(
                find_record(i, line, &mut scratch),
                span,
                "span of {} in {:?}",
                errdex::records()[i].id,
                String::from_utf8_lossy(line)
            );
        }
        Ok(())
    })
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn matcher_equals_regex_on_arbitrary_bytes(line in proptest::collection::vec(any::<u8>(), 0..160)) {
        check_line(&line)?;
    }

    #[test]
    fn matcher_equals_regex_on_mixed_fragments(line in raw_line()) {
        check_line(&line)?;
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn scan_equals_regex_line_by_line(log in log(), sizes in read_sizes()) {
        let want = reference_scan(&log);
        let (hits, lines) = scan(Chunked::new(&log, sizes));
        prop_assert_eq!(hits, want, "hits in {:?}", String::from_utf8_lossy(&log));
        let expected_lines = log.iter().filter(|&&b| b == b'\n').count()
            + usize::from(log.last().is_some_and(|&b| b != b'\n'));
        prop_assert_eq!(lines, expected_lines as u64);
    }

    #[test]
    fn lookup_finds_exactly_the_records_that_match_a_line(log in log()) {
        let found = errdex::lookup_bytes(&log, &errdex::Options::default());
        let lines: Vec<&[u8]> = split_lines(&log).map(|l| &l[..l.len().min(MAX_LINE)]).collect();
        let mut want: Vec<usize> = lines.iter().flat_map(|l| reference_matches(l)).collect();
        want.sort_unstable();
        want.dedup();
        let mut got = Vec::new();
        for m in &found {
            let i = errdex::records().iter().position(|r| std::ptr::eq(r, m.record))
                .expect("a match names a shipped record");
            got.push(i);
            prop_assert!(m.line_number >= 1 && m.line_number <= lines.len());
            prop_assert_eq!(m.line, lines[m.line_number - 1], "line {} of the input", m.line_number);
            let span = reference()[i].find(m.line).map(|x| x.range());
            prop_assert_eq!(Some(m.span.clone()), span, "span of {}", m.record.id);
        }
        let count = got.len();
        got.sort_unstable();
        got.dedup();
        prop_assert_eq!(count, got.len(), "a record is listed twice");
        prop_assert_eq!(got, want);
    }

    #[test]
    fn lookup_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400), limit in proptest::option::of(0..4usize)) {
        let options = errdex::Options { limit, domain: None };
        let found = errdex::lookup_bytes(&bytes, &options);
        if let Some(limit) = limit {
            prop_assert!(found.len() <= limit);
        }
        for m in &found {
            let i = errdex::records().iter().position(|r| std::ptr::eq(r, m.record)).unwrap();
            prop_assert!(reference()[i].is_match(m.line), "{} does not match {:?}", m.record.id, String::from_utf8_lossy(m.line));
        }
    }
}

/// Draws `n` values of `strategy` with a fixed seed.
fn draw<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, n: usize) -> Vec<T> {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..n)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

#[test]
fn the_generated_inputs_often_match_a_record() {
    // The properties above say something only if matches are common.
    let lines = draw(raw_line(), 500);
    let matched = lines
        .iter()
        .filter(|l| !reference_matches(l).is_empty())
        .count();
    assert!(
        matched >= 100,
        "only {matched} of 500 generated lines match a record"
    );
    let logs = draw(log(), 200);
    let with_hits = logs
        .iter()
        .filter(|l| !reference_scan(l).is_empty())
        .count();
    assert!(
        with_hits >= 100,
        "only {with_hits} of 200 generated logs have a hit"
    );
    let with_cr = logs
        .iter()
        .filter(|l| l.windows(2).any(|w| w == b"\r\n"))
        .count();
    assert!(
        with_cr >= 20,
        "only {with_cr} of 200 generated logs use \\r\\n"
    );
}
