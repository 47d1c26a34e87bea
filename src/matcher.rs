//! The ahead-of-time matcher: embedded automata walked in place.
//!
//! `build.rs` compiled every record's regex (case-insensitive, Unicode, as
//! the regex crate parses it) into a Thompson NFA and flattened all of them
//! into `u32` tables that are embedded with `include_bytes!`; nothing is
//! parsed or compiled at run time. Matching a line has two steps:
//!
//! 1. **Prefilter.** Every four- and eight-byte window of the line,
//!    lower-cased (ASCII; the two non-ASCII characters that fold to ASCII
//!    letters, U+212A KELVIN SIGN and U+017F LONG S, are mapped to `k` and
//!    `s`), is tested against a bit filter of the grams chosen at build time.
//!    A gram hit marks one factor of the pattern branches that use it; a
//!    pattern becomes a candidate when all factors (up to three) of one of
//!    its branches are marked. Any match contains all factors of its branch,
//!    so no match is ever filtered out.
//! 2. **Confirmation.** Each candidate's NFA is simulated over the line with
//!    leftmost-first semantics (a Pike VM without captures, tracking only the
//!    start of the match). While no thread is alive it jumps with `memchr` to
//!    the next byte a match can start with. The answer and span are exactly
//!    those of `regex::bytes::Regex::find` for the same pattern.
//!
//! The trade-off: an NFA simulation costs more per byte than a DFA, but it is
//! small (no state explosion on `.*`, no size blow-up on Unicode classes) and
//! it only runs on the rare lines the prefilter lets through.

use crate::nfa_op as op;
use regex_automata::util::look::{Look, LookMatcher};

/// Wrapper that gives embedded bytes the alignment of `u64`.
#[repr(C, align(8))]
pub(crate) struct Aligned<B: ?Sized>(pub B);

/// Views aligned little-endian bytes as `u32` words (in a `static` initializer).
pub(crate) const fn words(bytes: &'static [u8]) -> &'static [u32] {
    // SAFETY: every table is embedded through `Aligned` (8-byte aligned), its
    // length is a multiple of 4 (written as whole words by build.rs), and the
    // words were written little-endian, which the `cfg` below requires.
    unsafe { core::slice::from_raw_parts(bytes.as_ptr().cast::<u32>(), bytes.len() / 4) }
}

/// Views aligned little-endian bytes as `u64` words.
pub(crate) const fn words64(bytes: &'static [u8]) -> &'static [u64] {
    // SAFETY: as for `words`, with 8-byte alignment and a length that is a
    // multiple of 8.
    unsafe { core::slice::from_raw_parts(bytes.as_ptr().cast::<u64>(), bytes.len() / 8) }
}

#[cfg(not(target_endian = "little"))]
compile_error!("the embedded matcher tables are little-endian");

use crate::generated::matcher as t;

/// How many patterns (records) the matcher holds.
pub(crate) fn pattern_count() -> usize {
    t::PATTERNS.len() / 4
}

/// The minimum length of any match of pattern `p` (its specificity).
pub(crate) fn min_len(p: usize) -> u32 {
    t::PATTERNS[p * 4 + 1]
}

/// Reusable memory for matching; one per thread.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    lower: Vec<u8>,
    masks: Vec<u8>,
    touched: Vec<u32>,
    candidates: Vec<u32>,
    curr: ThreadSet,
    next: ThreadSet,
    stack: Vec<(u32, u32)>,
}

impl Scratch {
    /// Empty scratch space; it grows on first use.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// The candidates found by the last [`candidates`] call.
    pub(crate) fn candidates_mut(&mut self) -> &mut Vec<u32> {
        &mut self.candidates
    }
}

/// An ordered set of NFA threads (state, start of match), sparse-set style.
#[derive(Debug, Default, Clone)]
struct ThreadSet {
    dense: Vec<(u32, u32)>,
    sparse: Vec<u32>,
}

impl ThreadSet {
    fn reset(&mut self, states: usize) {
        self.dense.clear();
        if self.sparse.len() < states {
            self.sparse.resize(states, 0);
        }
    }

    fn contains(&self, s: u32) -> bool {
        let i = self.sparse[s as usize] as usize;
        i < self.dense.len() && self.dense[i].0 == s
    }

    fn insert(&mut self, s: u32, start: u32) {
        self.sparse[s as usize] = self.dense.len() as u32;
        self.dense.push((s, start));
    }
}

/// The patterns whose prefilter accepts `line`, in ascending order, into `s.candidates`.
pub(crate) fn candidates(line: &[u8], s: &mut Scratch) {
    s.candidates.clear();
    s.candidates.extend_from_slice(t::ALWAYS);
    let subs = t::SUBS.len() / 2;
    if s.masks.len() < subs {
        s.masks.resize(subs, 0);
    }
    if line.is_ascii() {
        scan_grams(line, &mut s.masks, &mut s.touched, &mut s.candidates);
    } else {
        lower_into(line, &mut s.lower);
        scan_grams(&s.lower, &mut s.masks, &mut s.touched, &mut s.candidates);
    }
    for &sub in &s.touched {
        s.masks[sub as usize] = 0;
    }
    s.touched.clear();
    s.candidates.sort_unstable();
    s.candidates.dedup();
}

/// Tests every four- and eight-byte window of `bytes` (lower-cased on the
/// fly) against the gram filter, marking factors and collecting candidates.
#[inline]
fn scan_grams(bytes: &[u8], masks: &mut [u8], touched: &mut Vec<u32>, out: &mut Vec<u32>) {
    let log2 = t::GRAM_BITS_LOG2;
    let bits = t::GRAM_BITS;
    let mut w = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        w = (w >> 8) | (u64::from(b.to_ascii_lowercase()) << 56);
        if i < 3 {
            continue;
        }
        let mut test = |key: u64| {
            let h = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - log2)) as usize;
            if bits[h / 64] & (1 << (h % 64)) != 0 {
                gram_hit(key, masks, touched, out);
            }
        };
        if t::HAS_SHORT_GRAMS {
            test(1 << 63 | (w >> 32));
        }
        if i >= 7 {
            test(w);
        }
    }
}

/// A window passed the filter: look it up and mark the factors it satisfies.
#[cold]
fn gram_hit(key: u64, masks: &mut [u8], touched: &mut Vec<u32>, out: &mut Vec<u32>) {
    let Ok(g) = t::GRAMS.binary_search(&key) else {
        return;
    };
    let (from, to) = (t::GRAM_STARTS[g] as usize, t::GRAM_STARTS[g + 1] as usize);
    for &posting in &t::POSTINGS[from..to] {
        let sub = (posting >> 2) as usize;
        let bit = 1u8 << (posting & 3);
        let m = masks[sub];
        if m & bit != 0 {
            continue;
        }
        if m == 0 {
            touched.push(sub as u32);
        }
        masks[sub] = m | bit;
        if u32::from(m | bit) == t::SUBS[sub * 2 + 1] {
            out.push(t::SUBS[sub * 2]);
        }
    }
}

/// ASCII-lower-cases `line` into `out`, mapping U+212A KELVIN SIGN to `k`
/// and U+017F LONG S to `s` (the only non-ASCII characters that fold to
/// ASCII letters).
fn lower_into(line: &[u8], out: &mut Vec<u8>) {
    out.clear();
    if line.is_ascii() {
        out.extend(line.iter().map(u8::to_ascii_lowercase));
        return;
    }
    let mut i = 0;
    while i < line.len() {
        match &line[i..] {
            [0xE2, 0x84, 0xAA, ..] => {
                out.push(b'k');
                i += 3;
            }
            [0xC5, 0xBF, ..] => {
                out.push(b's');
                i += 2;
            }
            [b, ..] => {
                out.push(b.to_ascii_lowercase());
                i += 1;
            }
            [] => break,
        }
    }
}

/// Whether a match of pattern `p` can start at `at`.
#[inline]
fn can_start(p: usize, hay: &[u8], at: usize) -> bool {
    let first = t::PATTERNS[p * 4 + 2];
    if first == FIRST_ANY {
        return true;
    }
    let Some(&b) = hay.get(at) else { return false };
    t::FIRST[p * 8 + b as usize / 32] & (1 << (b % 32)) != 0
}

/// The first position at or after `at` where a match of pattern `p` can start.
fn next_start(p: usize, hay: &[u8], at: usize) -> Option<usize> {
    let first = t::PATTERNS[p * 4 + 2];
    if first == FIRST_ANY {
        return (at <= hay.len()).then_some(at);
    }
    let rest = hay.get(at..)?;
    let found = match first >> 24 {
        1 => memchr::memchr(first as u8, rest),
        2 => memchr::memchr2(first as u8, (first >> 8) as u8, rest),
        3 => memchr::memchr3(first as u8, (first >> 8) as u8, (first >> 16) as u8, rest),
        0 => None,
        _ => rest
            .iter()
            .position(|&b| t::FIRST[p * 8 + b as usize / 32] & (1 << (b % 32)) != 0),
    };
    found.map(|i| at + i)
}

const FIRST_ANY: u32 = 0xFF << 24;

/// Runs pattern `p` over `hay`: the leftmost-first match span, if any.
/// With `earliest`, stops at the first match found (the span is then not final).
///
/// A Pike VM over the pattern's embedded NFA: threads are kept in priority
/// order, a new anchored attempt is added at each position where a match can
/// start (skipping ahead with `memchr` while no thread is alive), and no new
/// attempt starts once a match is found.
pub(crate) fn find(
    p: usize,
    hay: &[u8],
    earliest: bool,
    s: &mut Scratch,
) -> Option<(usize, usize)> {
    let start = t::PATTERNS[p * 4];
    let base = t::PATTERNS[p * 4 + 3];
    let end = if p + 1 < pattern_count() {
        t::PATTERNS[(p + 1) * 4 + 3]
    } else {
        (t::OPS.len() / 3) as u32
    };
    let states = (end - base) as usize;
    let looks = LookMatcher::new();
    let Scratch {
        curr, next, stack, ..
    } = s;
    curr.reset(states);
    next.reset(states);
    let mut matched = None;
    let mut at = 0usize;
    loop {
        if matched.is_none() {
            if curr.dense.is_empty() {
                match next_start(p, hay, at) {
                    Some(n) => at = n,
                    None => break,
                }
            }
            if can_start(p, hay, at) {
                closure(curr, stack, base, start, at as u32, at, hay, &looks);
            }
        }
        if curr.dense.is_empty() {
            break;
        }
        next.dense.clear();
        for i in 0..curr.dense.len() {
            let (local, from) = curr.dense[i];
            let sid = (base + local) as usize;
            let (kind, a, b) = (t::OPS[sid * 3], t::OPS[sid * 3 + 1], t::OPS[sid * 3 + 2]);
            match kind {
                op::MATCH => {
                    matched = Some((from as usize, at));
                    if earliest {
                        return matched;
                    }
                    // Lower-priority threads lose to this match.
                    break;
                }
                op::RANGE if at < hay.len() => {
                    let byte = u32::from(hay[at]);
                    if (a & 0xFF) <= byte && byte <= (a >> 8) {
                        closure(next, stack, base, b, from, at + 1, hay, &looks);
                    }
                }
                op::SPARSE if at < hay.len() => {
                    let byte = u32::from(hay[at]);
                    for r in 0..b {
                        let i = ((a + r) * 2) as usize;
                        let range = t::RANGES[i];
                        if byte < (range & 0xFF) {
                            break;
                        }
                        if byte <= (range >> 8) {
                            closure(
                                next,
                                stack,
                                base,
                                t::RANGES[i + 1],
                                from,
                                at + 1,
                                hay,
                                &looks,
                            );
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        if at >= hay.len() {
            break;
        }
        core::mem::swap(curr, next);
        at += 1;
    }
    matched
}

/// Adds state `sid` and everything reachable from it without consuming a
/// byte, in priority order, to `set`; `at` is the current position.
#[allow(clippy::too_many_arguments)]
fn closure(
    set: &mut ThreadSet,
    stack: &mut Vec<(u32, u32)>,
    base: u32,
    sid: u32,
    from: u32,
    at: usize,
    hay: &[u8],
    looks: &LookMatcher,
) {
    stack.push((sid, from));
    while let Some((sid, from)) = stack.pop() {
        let local = sid - base;
        if set.contains(local) {
            continue;
        }
        set.insert(local, from);
        let i = sid as usize * 3;
        let (kind, a, b) = (t::OPS[i], t::OPS[i + 1], t::OPS[i + 2]);
        match kind {
            op::GOTO => stack.push((a, from)),
            op::START => stack.push((a, at as u32)),
            op::UNION => {
                for k in (a..a + b).rev() {
                    stack.push((t::ALTS[k as usize], from));
                }
            }
            op::LOOK => {
                let look = Look::from_repr(a).expect("build.rs writes valid look-around kinds");
                if looks.matches(look, hay, at) {
                    stack.push((b, from));
                }
            }
            // Byte-consuming, match and dead states end the closure here.
            op::RANGE | op::SPARSE | op::MATCH | op::FAIL => {}
            _ => {}
        }
    }
}

/// The indexes (into [`records`](crate::records)) of every record whose regex
/// matches `line`, ascending: the prefilter, then each candidate confirmed.
///
/// ```
/// let mut scratch = errdex::matcher::Scratch::new();
/// let hits = errdex::matcher::matching(b"Invalid frame payload data", &mut scratch);
/// let ids: Vec<_> = hits.iter().map(|&i| errdex::records()[i].id).collect();
/// assert!(ids.contains(&"api/websocket-close-1007-payload-data"));
/// ```
pub fn matching(line: &[u8], scratch: &mut Scratch) -> Vec<usize> {
    let mut out = Vec::new();
    crate::lookup::line_matches(line, scratch, |p| out.push(p));
    out
}

/// The leftmost-first match of record `index`'s regex in `hay`, without the
/// prefilter: the same span `regex::bytes::Regex::find` reports.
///
/// ```
/// let i = errdex::records().iter().position(|r| r.id == "api/websocket-close-1007-payload-data").unwrap();
/// let mut scratch = errdex::matcher::Scratch::new();
/// assert_eq!(errdex::matcher::find_record(i, b"x: Invalid frame payload data!", &mut scratch), Some(3..29));
/// ```
pub fn find_record(
    index: usize,
    hay: &[u8],
    scratch: &mut Scratch,
) -> Option<core::ops::Range<usize>> {
    find(index, hay, false, scratch).map(|(s, e)| s..e)
}

/// Sizes of the embedded matcher: (patterns, patterns without a prefilter,
/// distinct grams, NFA states).
///
/// ```
/// let (patterns, always, _grams, states) = errdex::matcher::sizes();
/// assert_eq!(patterns, errdex::records().len());
/// assert!(always <= patterns && states > 0);
/// ```
pub fn sizes() -> (usize, usize, usize, usize) {
    (
        pattern_count(),
        t::ALWAYS.len(),
        t::GRAMS.len(),
        t::OPS.len() / 3,
    )
}

/// Indexes of the records whose regex has no literal the prefilter can use;
/// they are confirmed on every line.
pub fn always() -> &'static [u32] {
    t::ALWAYS
}
