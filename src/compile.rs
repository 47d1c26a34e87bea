//! Compiling record regexes into the matcher's tables (build time only).
//!
//! Each regex is parsed exactly as the regex crate would parse it
//! (case-insensitive, Unicode) and compiled by `regex-automata` into a
//! Thompson NFA, which is flattened into plain `u32` tables that the binary
//! embeds with `include_bytes!` and walks in place (see `matcher.rs`): no
//! regex is parsed or compiled at run time.
//!
//! Beside the automata, the build chooses a prefilter for every pattern. A
//! pattern is split into its top-level alternatives (*branches*); for each
//! branch it takes up to three *factors* that every match of the branch must
//! contain, each a set of alternative literal strings, and for each literal
//! its rarest eight-byte window (four-byte for shorter literals), ASCII lower
//! case: a *gram*. At run time a line is a candidate for a pattern only when
//! every factor of one of its branches has a gram in the line, so a common
//! word alone triggers nothing; only candidates are confirmed by running
//! their automaton. The build also records which bytes a match can start
//! with, so the automaton skips straight to plausible starts.

use crate::nfa_op as op;
use regex_automata::nfa::thompson::{self, State, WhichCaptures, NFA};
use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::{BTreeMap, BTreeSet};

/// Largest NFA accepted for one pattern, in bytes of heap.
pub const NFA_SIZE_LIMIT: usize = 2 << 20;
/// Most factors (AND) a pattern's prefilter requires.
pub const MAX_FACTORS: usize = 3;
/// Most alternatives in a literal set before it stops being useful.
const MAX_SET: usize = 16;
/// Longest literal kept.
const MAX_LIT: usize = 64;

/// The matcher tables for all records, in record order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tables {
    /// Flattened NFA states, three words each.
    pub ops: Vec<u32>,
    /// Byte-range transitions of sparse states, two words each (lo | hi << 8, next).
    pub ranges: Vec<u32>,
    /// Union alternatives.
    pub alts: Vec<u32>,
    /// Per pattern: anchored start state, minimum match length, first-byte word, first state.
    pub patterns: Vec<u32>,
    /// Per pattern: the 256-bit set of bytes a match can start with.
    pub first: Vec<u32>,
    /// Per top-level branch of a pattern: the pattern, the mask of its factors.
    pub subs: Vec<u32>,
    /// Sorted distinct gram keys.
    pub grams: Vec<u64>,
    /// Offsets into `postings` per gram (len = grams + 1).
    pub gram_starts: Vec<u32>,
    /// Branch << 2 | factor, per gram.
    pub postings: Vec<u32>,
    /// Bloom-style bit filter over gram hashes.
    pub gram_bits: Vec<u64>,
    /// Patterns without a usable prefilter (always confirmed).
    pub always: Vec<u32>,
}

/// The bit of a gram in the filter (shared with the run-time matcher).
pub fn gram_hash(gram: u64, bits_log2: u32) -> usize {
    (gram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits_log2)) as usize
}

/// A pattern compiled on its own: its NFA and its prefilter factors.
pub struct Compiled {
    nfa: NFA,
    min_len: u32,
    /// Top-level alternatives, each with the factors all its matches contain.
    branches: Vec<Vec<Vec<Vec<u8>>>>,
}

/// Parses a regex as the matcher will run it.
pub fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string().lines().last().unwrap_or_default().to_string())
}

/// Compiles one pattern; the error says why it cannot be compiled.
pub fn compile(pattern: &str) -> Result<Compiled, String> {
    let hir = parse(pattern)?;
    let config = NFA::config()
        .which_captures(WhichCaptures::Implicit)
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .shrink(false);
    let nfa = thompson::Compiler::new()
        .configure(config)
        .build_from_hir(&hir)
        .map_err(|e| {
            format!("its automaton is too large or invalid: {e} (limit {NFA_SIZE_LIMIT} bytes)")
        })?;
    let min_len = hir
        .properties()
        .minimum_len()
        .unwrap_or(0)
        .min(u32::MAX as usize) as u32;
    // Factors come from the pattern without case folding: the literals are
    // then ASCII-lower-cased, and the run-time line is lower-cased the same way.
    let plain = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let mut top = &plain;
    while let HirKind::Capture(c) = top.kind() {
        top = &c.sub;
    }
    let branches = match top.kind() {
        HirKind::Alternation(subs) => subs.iter().map(branch_factors).collect(),
        _ => vec![branch_factors(top)],
    };
    Ok(Compiled {
        nfa,
        min_len,
        branches,
    })
}

/// The strongest (at most [`MAX_FACTORS`]) usable factors of one branch.
fn branch_factors(h: &Hir) -> Vec<Vec<Vec<u8>>> {
    let i = info(h);
    let mut factors = i.required;
    if let Some(f) = i.exact.as_ref().and_then(as_factor) {
        factors.push(f);
    }
    // A long literal holds several required pieces: each is a factor of its
    // own, so that three rare pieces of one message must all be present.
    let mut pieces = Vec::new();
    for f in &factors {
        if let [lit] = f.as_slice() {
            if lit.len() >= 16 {
                pieces.extend(
                    lit.chunks(8)
                        .filter(|c| c.len() == 8)
                        .map(|c| vec![c.to_vec()]),
                );
            }
        }
    }
    factors.extend(pieces);
    factors.retain(|f| factor_strength(f) > 0);
    factors.sort_by_key(|f| std::cmp::Reverse(factor_strength(f)));
    factors.dedup();
    factors.truncate(MAX_FACTORS);
    factors
}

/// Literal knowledge about a sub-expression.
#[derive(Debug, Clone, Default)]
struct Info {
    /// Every string the expression can match, when few and short.
    exact: Option<BTreeSet<Vec<u8>>>,
    /// Factors every match contains (each a set of alternatives).
    required: Vec<Vec<Vec<u8>>>,
}

fn lower(bytes: &[u8]) -> Vec<u8> {
    bytes.to_ascii_lowercase()
}

/// The single ASCII letter (lower case) a class stands for, when its members
/// are only case variants of it (`[Ee]`, `[Kk\u{212A}]`), else its members
/// when few and ASCII.
fn class_set(class: &Class) -> Option<BTreeSet<Vec<u8>>> {
    let mut chars = BTreeSet::new();
    match class {
        Class::Unicode(c) => {
            for r in c.iter() {
                if (r.end() as u32) - (r.start() as u32) > 8 {
                    return None;
                }
                for ch in r.start()..=r.end() {
                    match ch {
                        '\u{212A}' => chars.insert(b'k'),
                        '\u{17F}' => chars.insert(b's'),
                        c if c.is_ascii() => chars.insert((c as u8).to_ascii_lowercase()),
                        _ => return None,
                    };
                }
            }
        }
        Class::Bytes(c) => {
            for r in c.iter() {
                if r.end() - r.start() > 8 {
                    return None;
                }
                for b in r.start()..=r.end() {
                    if !b.is_ascii() {
                        return None;
                    }
                    chars.insert(b.to_ascii_lowercase());
                }
            }
        }
    }
    (!chars.is_empty() && chars.len() <= 4).then(|| chars.into_iter().map(|c| vec![c]).collect())
}

fn cross(a: &BTreeSet<Vec<u8>>, b: &BTreeSet<Vec<u8>>) -> Option<BTreeSet<Vec<u8>>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = BTreeSet::new();
    for x in a {
        for y in b {
            let mut s = x.clone();
            s.extend_from_slice(y);
            if s.len() > MAX_LIT {
                return None;
            }
            out.insert(s);
        }
    }
    Some(out)
}

fn as_factor(set: &BTreeSet<Vec<u8>>) -> Option<Vec<Vec<u8>>> {
    (!set.is_empty() && set.iter().all(|s| !s.is_empty())).then(|| set.iter().cloned().collect())
}

fn info(h: &Hir) -> Info {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Info {
            exact: Some(BTreeSet::from([Vec::new()])),
            required: Vec::new(),
        },
        HirKind::Literal(lit) => {
            let bytes = lower(&lit.0);
            if bytes.len() > MAX_LIT {
                Info {
                    exact: None,
                    required: vec![vec![bytes[..MAX_LIT].to_vec()]],
                }
            } else {
                Info {
                    exact: Some(BTreeSet::from([bytes])),
                    required: Vec::new(),
                }
            }
        }
        HirKind::Class(c) => Info {
            exact: class_set(c),
            required: Vec::new(),
        },
        HirKind::Capture(c) => info(&c.sub),
        HirKind::Repetition(r) => {
            let sub = info(&r.sub);
            if r.min == 0 {
                return Info::default();
            }
            let mut required = sub.required;
            if let Some(f) = sub.exact.as_ref().and_then(as_factor) {
                required.push(f);
            }
            let exact = if r.min == 1 && r.max == Some(1) {
                sub.exact
            } else {
                None
            };
            Info { exact, required }
        }
        HirKind::Concat(subs) => {
            let mut required = Vec::new();
            let mut cur: Option<BTreeSet<Vec<u8>>> = Some(BTreeSet::from([Vec::new()]));
            let mut all_exact = true;
            for s in subs {
                let si = info(s);
                let joined = match (&cur, &si.exact) {
                    (Some(c), Some(e)) => cross(c, e),
                    _ => None,
                };
                match joined {
                    Some(j) => cur = Some(j),
                    None => {
                        all_exact = false;
                        if let Some(f) = cur.as_ref().and_then(as_factor) {
                            required.push(f);
                        }
                        required.extend(si.required);
                        cur = si.exact.clone();
                        if cur.is_none() {
                            cur = Some(BTreeSet::from([Vec::new()]));
                        }
                    }
                }
            }
            if all_exact {
                Info {
                    exact: cur,
                    required,
                }
            } else {
                if let Some(f) = cur.as_ref().and_then(as_factor) {
                    required.push(f);
                }
                Info {
                    exact: None,
                    required,
                }
            }
        }
        HirKind::Alternation(subs) => {
            let infos: Vec<Info> = subs.iter().map(info).collect();
            let exact = infos.iter().try_fold(BTreeSet::new(), |mut acc, i| {
                acc.extend(i.exact.clone()?);
                (acc.len() <= MAX_SET).then_some(acc)
            });
            // One factor for the whole alternation: each branch's best factor, OR-ed.
            let mut union: BTreeSet<Vec<u8>> = BTreeSet::new();
            let mut ok = true;
            for i in &infos {
                let mut options: Vec<Vec<Vec<u8>>> = i.required.clone();
                if let Some(f) = i.exact.as_ref().and_then(as_factor) {
                    options.push(f);
                }
                match options.into_iter().max_by_key(|f| factor_strength(f)) {
                    Some(best) if factor_strength(&best) > 0 => union.extend(best),
                    _ => ok = false,
                }
            }
            let required = if ok && union.len() <= MAX_SET * 4 {
                vec![union.into_iter().collect()]
            } else {
                Vec::new()
            };
            Info { exact, required }
        }
    }
}

/// How selective a factor is: the score of its weakest alternative (0: useless).
fn factor_strength(f: &[Vec<u8>]) -> u32 {
    f.iter()
        .map(|alt| best_gram(alt).map_or(0, |(_, s)| s))
        .min()
        .unwrap_or(0)
}

/// How rare a byte is in ordinary text (higher: rarer).
fn rarity(b: u8) -> u32 {
    const COMMON: &[u8] = b" etaoinsrhldcumfpgwyb.,-_/:=";
    match COMMON.iter().position(|&c| c == b) {
        Some(i) => 4 + i as u32,
        None if b.is_ascii_digit() => 30,
        None => 40,
    }
}

/// Marks a four-byte gram key (eight-byte keys are ASCII, so bit 63 is free).
pub const SHORT_GRAM: u64 = 1 << 63;

/// The gram a literal is found by: its rarest all-ASCII eight-byte window,
/// or for literals of four to seven bytes its rarest four-byte window
/// (tagged with [`SHORT_GRAM`]). Returns the key and a selectivity score.
fn best_gram(lit: &[u8]) -> Option<(u64, u32)> {
    let score = |w: &[u8]| -> u32 { w.iter().map(|&b| rarity(b)).sum() };
    let ascii = |w: &&[u8]| w.iter().all(u8::is_ascii);
    let long = lit
        .windows(8)
        .filter(ascii)
        .map(|w| {
            (
                u64::from_le_bytes(w.try_into().expect("8 bytes")),
                1000 + score(w),
            )
        })
        .max_by_key(|&(g, s)| (s, std::cmp::Reverse(g)));
    long.or_else(|| {
        lit.windows(4)
            .filter(ascii)
            .map(|w| {
                let g = u32::from_le_bytes(w.try_into().expect("4 bytes"));
                (SHORT_GRAM | u64::from(g), score(w))
            })
            .max_by_key(|&(g, s)| (s, std::cmp::Reverse(g)))
    })
}

/// Builds the tables for all patterns (in record order).
pub fn tables(compiled: &[Compiled]) -> Tables {
    let mut t = Tables::default();
    let mut postings: BTreeMap<u64, BTreeSet<u32>> = BTreeMap::new();
    for (p, c) in compiled.iter().enumerate() {
        let base = (t.ops.len() / 3) as u32;
        flatten(&c.nfa, base, &mut t);
        let start = base + c.nfa.start_anchored().as_u32();
        let (first, set) = first_bytes(&c.nfa);
        t.first.extend(set);
        t.patterns.extend([start, c.min_len, first, base]);
        if c.branches.iter().any(Vec::is_empty) {
            // Some branch has no literal to look for: confirm on every line.
            t.always.push(p as u32);
            continue;
        }
        for factors in &c.branches {
            let sub = (t.subs.len() / 2) as u32;
            let mut mask = 0u32;
            for (fi, f) in factors.iter().enumerate() {
                mask |= 1 << fi;
                for alt in f {
                    let (gram, _) = best_gram(alt).expect("usable factors have grams");
                    postings
                        .entry(gram)
                        .or_default()
                        .insert(sub << 2 | fi as u32);
                }
            }
            t.subs.extend([p as u32, mask]);
        }
    }
    t.gram_starts.push(0);
    for (gram, list) in &postings {
        t.grams.push(*gram);
        t.postings.extend(list.iter().copied());
        t.gram_starts.push(t.postings.len() as u32);
    }
    let log2 = gram_bits_log2(t.grams.len());
    t.gram_bits = vec![0u64; (1usize << log2) / 64];
    for &g in &t.grams {
        let h = gram_hash(g, log2);
        t.gram_bits[h / 64] |= 1 << (h % 64);
    }
    t
}

/// The bytes an anchored match can start with, as a summary word and a
/// 256-bit set: the word is `n << 24 | b2 << 16 | b1 << 8 | b0` for up to
/// three bytes, [`FIRST_MANY`] for more, [`FIRST_ANY`] when the pattern can
/// match the empty string (then every position is a start).
fn first_bytes(nfa: &NFA) -> (u32, [u32; 8]) {
    let mut set = [0u32; 8];
    let mut seen = vec![false; nfa.states().len()];
    let mut stack = vec![nfa.start_anchored()];
    let mut any = false;
    let add = |lo: u8, hi: u8, set: &mut [u32; 8]| {
        for b in lo..=hi {
            set[b as usize / 32] |= 1 << (b % 32);
        }
    };
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.as_usize()], true) {
            continue;
        }
        match nfa.state(id) {
            State::ByteRange { trans } => add(trans.start, trans.end, &mut set),
            State::Sparse(s) => s
                .transitions
                .iter()
                .for_each(|t| add(t.start, t.end, &mut set)),
            State::Dense(d) => {
                for (b, next) in d.transitions.iter().enumerate() {
                    if *next != regex_automata::util::primitives::StateID::ZERO {
                        add(b as u8, b as u8, &mut set);
                    }
                }
            }
            State::Look { next, .. } | State::Capture { next, .. } => stack.push(*next),
            State::Union { alternates } => stack.extend(alternates.iter().copied()),
            State::BinaryUnion { alt1, alt2 } => stack.extend([*alt1, *alt2]),
            State::Fail => {}
            State::Match { .. } => any = true,
        }
    }
    let bytes: Vec<u32> = (0..256u32)
        .filter(|&b| set[b as usize / 32] & (1 << (b % 32)) != 0)
        .collect();
    let word = match bytes.len() {
        _ if any => FIRST_ANY,
        n @ 1..=3 => {
            (n as u32) << 24
                | bytes
                    .iter()
                    .enumerate()
                    .fold(0, |w, (i, b)| w | b << (8 * i))
        }
        0 => 0,
        _ => FIRST_MANY,
    };
    (word, set)
}

/// First-byte word: more than three possible first bytes (use the set).
pub const FIRST_MANY: u32 = 0xFE << 24;
/// First-byte word: the pattern can match the empty string.
pub const FIRST_ANY: u32 = 0xFF << 24;

/// log2 of the filter size in bits: about 32 bits per gram, at least 2^12.
pub fn gram_bits_log2(grams: usize) -> u32 {
    ((grams.max(1) * 32).next_power_of_two().trailing_zeros()).clamp(12, 26)
}

fn flatten(nfa: &NFA, base: u32, t: &mut Tables) {
    let id = |s: regex_automata::util::primitives::StateID| base + s.as_u32();
    for state in nfa.states() {
        let (kind, a, b) = match state {
            State::ByteRange { trans } => (
                op::RANGE,
                u32::from(trans.start) | u32::from(trans.end) << 8,
                id(trans.next),
            ),
            State::Sparse(s) => {
                let first = (t.ranges.len() / 2) as u32;
                for tr in s.transitions.iter() {
                    t.ranges
                        .extend([u32::from(tr.start) | u32::from(tr.end) << 8, id(tr.next)]);
                }
                (op::SPARSE, first, s.transitions.len() as u32)
            }
            State::Dense(d) => {
                let first = (t.ranges.len() / 2) as u32;
                let mut n = 0;
                let mut b = 0usize;
                while b < 256 {
                    let next = d.transitions[b];
                    let mut e = b;
                    while e + 1 < 256 && d.transitions[e + 1] == next {
                        e += 1;
                    }
                    if next != regex_automata::util::primitives::StateID::ZERO {
                        t.ranges.extend([b as u32 | (e as u32) << 8, id(next)]);
                        n += 1;
                    }
                    b = e + 1;
                }
                (op::SPARSE, first, n)
            }
            State::Look { look, next } => (op::LOOK, look.as_repr(), id(*next)),
            State::Union { alternates } => {
                let first = t.alts.len() as u32;
                t.alts.extend(alternates.iter().map(|s| id(*s)));
                (op::UNION, first, alternates.len() as u32)
            }
            State::BinaryUnion { alt1, alt2 } => {
                let first = t.alts.len() as u32;
                t.alts.extend([id(*alt1), id(*alt2)]);
                (op::UNION, first, 2)
            }
            State::Capture { next, slot, .. } if slot.as_usize() == 0 => (op::START, id(*next), 0),
            State::Capture { next, .. } => (op::GOTO, id(*next), 0),
            State::Fail => (op::FAIL, 0, 0),
            State::Match { .. } => (op::MATCH, 0, 0),
        };
        t.ops.extend([kind, a, b]);
    }
}

/// The tables as little-endian bytes, one file each: (file name, bytes).
pub fn files(t: &Tables) -> Vec<(&'static str, Vec<u8>)> {
    fn words(w: &[u32]) -> Vec<u8> {
        w.iter().flat_map(|x| x.to_le_bytes()).collect()
    }
    vec![
        ("ops.bin", words(&t.ops)),
        ("ranges.bin", words(&t.ranges)),
        ("alts.bin", words(&t.alts)),
        ("patterns.bin", words(&t.patterns)),
        ("first.bin", words(&t.first)),
        ("subs.bin", words(&t.subs)),
        (
            "grams.bin",
            t.grams.iter().flat_map(|x| x.to_le_bytes()).collect(),
        ),
        ("gram_starts.bin", words(&t.gram_starts)),
        ("postings.bin", words(&t.postings)),
        (
            "gram_bits.bin",
            t.gram_bits.iter().flat_map(|x| x.to_le_bytes()).collect(),
        ),
        ("always.bin", words(&t.always)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn factors(p: &str) -> Vec<Vec<String>> {
        compile(p)
            .unwrap()
            .branches
            .concat()
            .iter()
            .map(|f| {
                f.iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn factors_follow_the_structure() {
        assert_eq!(
            factors("WebSocket.*close"),
            [vec!["websocket"], vec!["close"]]
        );
        assert_eq!(factors("(?:foo|bar) baz\\d+"), [vec!["bar baz", "foo baz"]]);
        assert_eq!(factors("[Ee]rror: x"), [vec!["error: x"]]);
        assert!(factors(".*").is_empty());
    }
}
