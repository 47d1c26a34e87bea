//! Looking up an error message or a pasted log.
//!
//! The input is split into lines (`\n`, with a trailing `\r` removed); every
//! line is matched against every record through the prefilter and the
//! embedded automata (see [`matcher`](crate::matcher)). Each record keeps its
//! best line. Results are ranked by:
//!
//! 1. **specificity**: the minimum length of any text the record's regex can
//!    match. A record that needs `ENOSPC: System limit for number of file
//!    watchers reached` explains that line better than one that needs only
//!    `ENOSPC`, so it ranks first;
//! 2. **key line**: a match on the line that states the error (the last line
//!    of a Python traceback, a Java exception or `Caused by:` line, rustc's
//!    `error[E...]:`, `npm ERR!`, a line logged at error level) beats a match
//!    on a context line (stack frames, notes);
//! 3. **confidence** of the record.
//!
//! On top of that order, when two records matched the same line and one
//! *refines* the other (the other's regex fires on the first's own
//! signature or examples, but not the reverse; computed at build time), the
//! refinement is moved ahead: a TLS "certificate has expired" record beats the
//! generic "CERTIFICATE_VERIFY_FAILED" one on a line that says both.
//!
//! The [`Match::score`] folds the three into one number that sorts the same way.

use crate::matcher::{self, Scratch};
use crate::Record;

/// Longest line matched, in bytes; a longer line is matched on its first
/// `MAX_LINE` bytes.
pub const MAX_LINE: usize = 1 << 20;

/// One record that matched, with where and why.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Match<'a> {
    /// The record.
    pub record: &'static Record,
    /// The line that matched (without its line ending).
    pub line: &'a [u8],
    /// Its number, from 1.
    pub line_number: usize,
    /// Byte offsets of the match within the line.
    pub span: core::ops::Range<usize>,
    /// Whether the line states the error rather than giving context.
    pub key_line: bool,
    /// Minimum length of any text the record's regex can match.
    pub specificity: u32,
    /// Rank score: specificity, then key line, then confidence (higher first).
    pub score: f64,
}

impl Match<'_> {
    /// The matched line as text (invalid UTF-8 replaced).
    pub fn line_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.line)
    }

    /// Why the match ranks where it does, in one line.
    ///
    /// ```
    /// let m = &errdex::lookup("Error: Invalid WebSocket frame: invalid UTF-8 sequence")[0];
    /// assert!(m.why().starts_with("its regex needs at least"));
    /// ```
    pub fn why(&self) -> String {
        format!(
            "its regex needs at least {} characters; {} line {}; confidence {:.2}",
            self.specificity,
            if self.key_line {
                "matched the key error"
            } else {
                "matched context"
            },
            self.line_number,
            self.record.confidence
        )
    }
}

/// What to look up and how many results to keep.
#[derive(Debug, Clone, Default)]
pub struct Options<'d> {
    /// Keep at most this many results (`None`: all).
    pub limit: Option<usize>,
    /// Only records of this domain.
    pub domain: Option<&'d str>,
}

/// The records that match `text`, best first.
///
/// ```
/// let hits = errdex::lookup("RangeError: Invalid WebSocket frame: invalid UTF-8 sequence");
/// assert_eq!(hits[0].record.id, "api/websocket-close-1007-payload-data");
/// assert!(errdex::lookup("all good, nothing to see").is_empty());
/// ```
pub fn lookup(text: &str) -> Vec<Match<'_>> {
    lookup_bytes(text.as_bytes(), &Options::default())
}

/// [`lookup`] for bytes (any encoding; invalid UTF-8 is fine), with options.
pub fn lookup_bytes<'a>(text: &'a [u8], options: &Options<'_>) -> Vec<Match<'a>> {
    thread_local! {
        static SCRATCH: core::cell::RefCell<Scratch> = core::cell::RefCell::new(Scratch::new());
    }
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut scratch) => lookup_with(text, options, &mut scratch),
        Err(_) => lookup_with(text, options, &mut Scratch::new()),
    })
}

fn lookup_with<'a>(text: &'a [u8], options: &Options<'_>, scratch: &mut Scratch) -> Vec<Match<'a>> {
    let lines: Vec<&[u8]> = split_lines(text).collect();
    let keys = key_lines(&lines);
    let mut best: Vec<Match<'a>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = &line[..line.len().min(MAX_LINE)];
        matcher::candidates(line, scratch);
        let candidates = std::mem::take(scratch.candidates_mut());
        for &p in &candidates {
            let record = &crate::records()[p as usize];
            if options.domain.is_some_and(|d| d != record.domain) {
                continue;
            }
            let Some((start, end)) = matcher::find(p as usize, line, false, scratch) else {
                continue;
            };
            let specificity = matcher::min_len(p as usize);
            let key_line = keys[i];
            let score =
                f64::from(specificity) + if key_line { 0.5 } else { 0.0 } + 0.4 * record.confidence;
            let m = Match {
                record,
                line,
                line_number: i + 1,
                span: start..end,
                key_line,
                specificity,
                score,
            };
            match best.iter_mut().find(|b| core::ptr::eq(b.record, record)) {
                Some(b) if b.score >= m.score => {}
                Some(b) => *b = m,
                None => best.push(m),
            }
        }
        *scratch.candidates_mut() = candidates;
    }
    best.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.record.id.cmp(b.record.id))
    });
    apply_refinements(&mut best);
    if let Some(limit) = options.limit {
        best.truncate(limit);
    }
    best
}

/// Moves a record ahead of one it refines when both matched the same line.
fn apply_refinements(best: &mut [Match<'_>]) {
    let index = |m: &Match<'_>| crate::index_of(m.record);
    let mut moves = best.len() * best.len();
    let mut i = 0;
    while i < best.len() && moves > 0 {
        let target = index(&best[i]);
        let found = (i + 1..best.len()).find(|&j| {
            best[j].line_number == best[i].line_number && crate::refines(index(&best[j]), target)
        });
        match found {
            Some(j) => {
                best[i..=j].rotate_right(1);
                moves -= 1;
            }
            None => i += 1,
        }
    }
}

/// Whether one line matches one record (the scan's question), using `scratch`.
pub(crate) fn line_matches(line: &[u8], scratch: &mut Scratch, mut each: impl FnMut(usize)) {
    matcher::candidates(line, scratch);
    let candidates = std::mem::take(scratch.candidates_mut());
    for &p in &candidates {
        if matcher::find(p as usize, line, true, scratch).is_some() {
            each(p as usize);
        }
    }
    *scratch.candidates_mut() = candidates;
}

/// Lines of `text` without their `\n` or `\r\n`.
pub fn split_lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let text = text.strip_suffix(b"\n").unwrap_or(text);
    text.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
}

/// Log levels that mark a line as an error.
const ERROR_LEVELS: &[&[u8]] = &[
    b"ERROR",
    b"FATAL",
    b"CRITICAL",
    b"SEVERE",
    b"CRIT",
    b"EMERG",
    b"ALERT",
];
/// Other log levels.
const OTHER_LEVELS: &[&[u8]] = &[b"WARNING", b"WARN", b"NOTICE", b"INFO", b"DEBUG", b"TRACE"];

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The log level `s` starts with (as a whole word), if any.
fn level_at(s: &[u8]) -> Option<&'static [u8]> {
    ERROR_LEVELS
        .iter()
        .chain(OTHER_LEVELS)
        .copied()
        .find(|level| {
            starts_with_ci(s, level) && s.get(level.len()).is_none_or(|b| b" :]|".contains(b))
        })
}

/// Strips a leading timestamp, bracketed fields and a log level from a line;
/// says whether one of them was an error level (`ERROR`, `[error]`, `FATAL` ...).
fn strip_prefix(line: &[u8]) -> (&[u8], bool) {
    let mut s = line.trim_ascii_start();
    let mut error_level = false;
    loop {
        let before = s.len();
        // Timestamps and other runs of digits and separators.
        let n = s
            .iter()
            .take_while(|b| b.is_ascii_digit() || b"-:.,/TZ+".contains(b))
            .count();
        if n >= 4 {
            s = s[n..].trim_ascii_start();
        }
        if s.first() == Some(&b'[') {
            if let Some(close) = s.iter().position(|&b| b == b']') {
                error_level |= level_at(&s[1..]).is_some_and(|l| ERROR_LEVELS.contains(&l));
                s = s[close + 1..].trim_ascii_start();
            }
        }
        if let Some(level) = level_at(s) {
            error_level |= ERROR_LEVELS.contains(&level);
            s = s[level.len()..].trim_ascii_start();
            s = s.strip_prefix(b":").unwrap_or(s).trim_ascii_start();
        }
        if s.len() == before {
            return (s, error_level);
        }
    }
}

/// Whether a line states an error (as opposed to a frame, a note or output).
pub fn is_key_line(line: &[u8]) -> bool {
    if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
        let t = line.trim_ascii_start();
        // Indented frames and notes are context; indented "Caused by" is not.
        return starts_with_ci(t, b"caused by:");
    }
    let (s, error_level) = strip_prefix(line);
    if error_level {
        return true;
    }
    const PREFIXES: &[&[u8]] = &[
        b"error",
        b"fatal",
        b"panic",
        b"npm err!",
        b"npm error",
        b"caused by:",
        b"exception",
        b"e:",
        b"err!",
    ];
    if PREFIXES.iter().any(|p| starts_with_ci(s, p)) {
        return true;
    }
    // `SomeError: message`, `java.lang.FooException: ...`, `thread 'main' panicked`.
    let head_len = s
        .iter()
        .position(|&b| b == b':' || b == b' ')
        .unwrap_or(s.len());
    let head = &s[..head_len];
    let named = [&b"error"[..], b"exception", b"fault", b"failure", b"errno"]
        .iter()
        .any(|w| head.len() >= w.len() && head[head.len() - w.len()..].eq_ignore_ascii_case(w));
    named || s.windows(9).any(|w| w.eq_ignore_ascii_case(b" panicked"))
}

/// Which lines of a pasted block state the error.
///
/// In a Python traceback the key line is the one after the last frame; if
/// nothing looks like an error line, every line counts as a key line.
fn key_lines(lines: &[&[u8]]) -> Vec<bool> {
    let mut keys: Vec<bool> = lines.iter().map(|l| is_key_line(l)).collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with(b"Traceback (most recent call last)") {
            // The first unindented line after the frames ends the traceback.
            if let Some(end) =
                (i + 1..lines.len()).find(|&j| !lines[j].starts_with(b" ") && !lines[j].is_empty())
            {
                keys[end] = true;
            }
        }
    }
    if !keys.iter().any(|&k| k) {
        keys.iter_mut().for_each(|k| *k = true);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lines_are_recognised() {
        for key in [
            &b"ModuleNotFoundError: No module named 'x'"[..],
            b"java.lang.NullPointerException: boom",
            b"Caused by: java.io.IOException: nope",
            b"error[E0382]: borrow of moved value: `v`",
            b"npm ERR! code ERESOLVE",
            b"2024-05-01T10:00:00Z ERROR db: connection refused",
            b"[2024-05-01 10:00:00] [error] oops",
            b"thread 'main' panicked at src/main.rs:2:5:",
        ] {
            assert!(is_key_line(key), "{}", String::from_utf8_lossy(key));
        }
        for context in [
            &b"    at com.example.Main.main(Main.java:5)"[..],
            b"  File \"x.py\", line 1, in <module>",
            b"note: run with `RUST_BACKTRACE=1`",
            b"2024-05-01 10:00:00 INFO started",
        ] {
            assert!(
                !is_key_line(context),
                "{}",
                String::from_utf8_lossy(context)
            );
        }
    }

    #[test]
    fn lines_split_on_lf_and_crlf() {
        let lines: Vec<&[u8]> = split_lines(b"a\r\nb\nc\r\n").collect();
        assert_eq!(lines, [&b"a"[..], b"b", b"c"]);
        assert_eq!(split_lines(b"").count(), 1);
    }
}
