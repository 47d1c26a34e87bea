//! Keyword search over the records (BM25F over a compiled-in index).
//!
//! `build.rs` indexed every record's signature, error code, aliases, tags,
//! category, domain and root cause, each field with its own weight, and
//! stored every term's BM25 weight per record in static tables behind a
//! perfect-hash map. A query is cut into terms the same way (see
//! [`for_each_term`]), and each known term adds its precomputed weights:
//! nothing is built at run time.
//!
//! A record that contains only some of the query's terms keeps that share
//! of its score, so records with every term come first.
//!
//! ```
//! let hits = errdex::search("websocket payload data");
//! assert_eq!(hits[0].record.id, "api/websocket-close-1007-payload-data");
//! ```

pub use crate::terms::{for_each_term, stem};

use crate::generated::search::{
    SEARCH_POSTINGS as POSTINGS, SEARCH_STARTS as POSTING_STARTS, TERMS, TERM_STARTS, TERM_TEXT,
};
use crate::Record;

/// Options for [`search_with`].
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct SearchOptions<'d> {
    /// Keep at most this many hits (`None`: all).
    pub limit: Option<usize>,
    /// Only records of this domain.
    pub domain: Option<&'d str>,
}

impl<'d> SearchOptions<'d> {
    /// Options with a limit and an optional domain.
    ///
    /// ```
    /// let o = errdex::search::SearchOptions::new(3, Some("docker"));
    /// assert_eq!(o.limit, Some(3));
    /// ```
    pub fn new(limit: usize, domain: Option<&'d str>) -> Self {
        SearchOptions {
            limit: Some(limit),
            domain,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Hit {
    /// The record found.
    pub record: &'static Record,
    /// Its score (higher is better; only comparable within one query).
    pub score: f64,
    /// The query terms the record contains, in query order.
    pub matched: Vec<&'static str>,
}

/// The text of term number `t`.
fn term_text(t: u32) -> &'static str {
    let (a, b) = (
        TERM_STARTS[t as usize] as usize,
        TERM_STARTS[t as usize + 1] as usize,
    );
    // build.rs wrote whole terms, each valid UTF-8.
    core::str::from_utf8(&TERM_TEXT[a..b]).unwrap_or_default()
}

/// The number of an indexed term.
fn term_number(term: &str) -> Option<u32> {
    let t = *TERMS.get(&crate::terms::term_hash(term))?;
    (term_text(t) == term).then_some(t)
}

/// Every indexed term.
fn all_terms() -> impl Iterator<Item = &'static str> {
    (0..TERM_STARTS.len().saturating_sub(1) as u32).map(term_text)
}

/// The query's distinct terms, in order.
///
/// ```
/// assert_eq!(errdex::search::query_terms("Memory LIMITS, memory!"), ["memory", "limit"]);
/// ```
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for_each_term(query, |t| {
        if !terms.iter().any(|x| x == t) {
            terms.push(t.to_string());
        }
    });
    terms
}

/// The ten best records for `query`.
///
/// ```
/// let hits = errdex::search("out of memory");
/// assert!(!hits.is_empty() && hits.len() <= 10);
/// assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
/// assert!(errdex::search("zzzqqq").is_empty());
/// ```
pub fn search(query: &str) -> Vec<Hit> {
    search_with(query, &SearchOptions::new(10, None))
}

/// Records for `query`, best first, with a limit and an optional domain.
///
/// ```
/// use errdex::search::{search_with, SearchOptions};
/// let hits = search_with("permission denied", &SearchOptions::new(5, Some("docker")));
/// assert!(hits.iter().all(|h| h.record.domain == "docker"));
/// ```
pub fn search_with(query: &str, options: &SearchOptions<'_>) -> Vec<Hit> {
    let terms = query_terms(query);
    // (record, score, bit set of matched query terms), merged per record.
    let mut scores: Vec<(u32, f64, u64)> = Vec::new();
    let mut known: Vec<&'static str> = Vec::with_capacity(terms.len());
    for term in &terms {
        let Some(t) = term_number(term) else {
            continue;
        };
        let key = term_text(t);
        let bit = 1u64 << known.len().min(63);
        known.push(key);
        let (start, end) = (
            POSTING_STARTS[t as usize] as usize,
            POSTING_STARTS[t as usize + 1] as usize,
        );
        for p in POSTINGS[2 * start..2 * end].chunks_exact(2) {
            scores.push((p[0], f64::from(f32::from_bits(p[1])), bit));
        }
    }
    if scores.is_empty() {
        return Vec::new();
    }
    scores.sort_unstable_by_key(|s| s.0);
    let records = crate::records();
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < scores.len() {
        let r = scores[i].0;
        let (mut score, mut bits) = (0.0, 0u64);
        while i < scores.len() && scores[i].0 == r {
            score += scores[i].1;
            bits |= scores[i].2;
            i += 1;
        }
        let record = &records[r as usize];
        if options.domain.is_some_and(|d| d != record.domain) {
            continue;
        }
        let matched: Vec<&'static str> = known
            .iter()
            .enumerate()
            .filter(|(k, _)| bits & (1u64 << (*k).min(63)) != 0)
            .map(|(_, t)| *t)
            .collect();
        let share = matched.len() as f64 / terms.len() as f64;
        hits.push(Hit {
            record,
            score: score * share,
            matched,
        });
    }
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.record.confidence.total_cmp(&a.record.confidence))
            .then_with(|| a.record.id.cmp(b.record.id))
    });
    if let Some(limit) = options.limit {
        hits.truncate(limit);
    }
    hits
}

/// Indexed terms close to the query's unknown words, for "did you mean".
///
/// ```
/// let near = errdex::search::closest_terms("websockte", 3);
/// assert!(near.contains(&"websocket"));
/// ```
pub fn closest_terms(query: &str, n: usize) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = Vec::new();
    for term in query_terms(query) {
        if term_number(&term).is_some() {
            continue;
        }
        let mut best: Vec<(usize, &'static str)> = all_terms()
            .map(|k| (distance(&term, k), k))
            .filter(|(d, k)| *d <= term.len().max(k.len()) / 2)
            .collect();
        best.sort_unstable();
        scored.extend(best.into_iter().take(n));
    }
    scored.sort_unstable();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, t)| t).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (up + 1).min(row[j] + 1).min(diag + usize::from(ca != cb));
            diag = up;
        }
    }
    row[b.len()]
}
