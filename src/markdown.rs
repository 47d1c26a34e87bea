//! Compact Markdown for an AI agent's context, within a token budget.
//!
//! Each record becomes one block: the signature, the root cause, what NOT
//! to try (dead ends with their fail rates, most certain first), what to
//! try (workarounds with success rates and the concrete `how`, best first),
//! the most likely next error, and how fresh the knowledge is.
//!
//! **Budget.** Tokens are estimated as one token per four ASCII bytes
//! (rounded up) plus one per non-ASCII character, which is close to common
//! tokenizers for English and slightly generous for Chinese. When the text
//! is over budget, whole results are dropped from the bottom first (the
//! best one always stays), then the least likely dead ends and workarounds,
//! lowest rate first (each record keeps its best dead end and its best
//! workaround). Items are dropped whole, so a `how` is never cut in half.
//! A last line says what was left out. If even that minimum is over the
//! budget, the minimum is printed.
//!
//! ```
//! use errdex::markdown::{render, Entry, MarkdownOptions};
//! let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
//! let text = render(&[Entry::new(r)], &MarkdownOptions::default());
//! assert!(text.contains("DO NOT TRY"));
//! assert!(text.contains("(fails 90%)"));
//! ```

use crate::{Date, Lang, Record};
use std::fmt::Write;

/// One result to render.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// The record.
    pub record: &'static Record,
    /// Why it was chosen, e.g. the matching log line (one line, optional).
    pub context: Option<String>,
}

impl Entry {
    /// An entry without context.
    pub fn new(record: &'static Record) -> Entry {
        Entry {
            record,
            context: None,
        }
    }

    /// An entry with a line of context.
    pub fn with_context(record: &'static Record, context: impl Into<String>) -> Entry {
        Entry {
            record,
            context: Some(context.into()),
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct MarkdownOptions {
    /// Language of translated fields and labels.
    pub lang: Lang,
    /// The day freshness is measured against.
    pub today: Date,
    /// Keep the text within about this many tokens.
    pub budget: Option<usize>,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            lang: Lang::En,
            today: Date::today(),
            budget: None,
        }
    }
}

/// The estimated token count of `text` (see the module docs).
///
/// ```
/// assert_eq!(errdex::markdown::estimate_tokens("abcdefgh"), 2);
/// assert_eq!(errdex::markdown::estimate_tokens("abcde"), 2);
/// assert_eq!(errdex::markdown::estimate_tokens("错误"), 2);
/// ```
pub fn estimate_tokens(text: &str) -> usize {
    let ascii = text.bytes().filter(u8::is_ascii).count();
    let other = text.chars().filter(|c| !c.is_ascii()).count();
    ascii.div_ceil(4) + other
}

/// What is kept of one entry.
struct Kept<'e> {
    entry: &'e Entry,
    dead_ends: Vec<usize>,
    workarounds: Vec<usize>,
}

impl<'e> Kept<'e> {
    fn all(entry: &'e Entry) -> Self {
        let r = entry.record;
        let mut dead_ends: Vec<usize> = (0..r.dead_ends.len()).collect();
        dead_ends.sort_by(|&a, &b| {
            r.dead_ends[b]
                .fail_rate
                .total_cmp(&r.dead_ends[a].fail_rate)
        });
        let mut workarounds: Vec<usize> = (0..r.workarounds.len()).collect();
        workarounds.sort_by(|&a, &b| {
            r.workarounds[b]
                .success_rate
                .total_cmp(&r.workarounds[a].success_rate)
        });
        Kept {
            entry,
            dead_ends,
            workarounds,
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// One line: newlines and runs of spaces become single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn block(out: &mut String, rank: usize, k: &Kept, o: &MarkdownOptions) {
    let r = k.entry.record;
    let l = o.lang.labels();
    let _ = writeln!(out, "## {rank}. {}", r.id);
    let _ = writeln!(
        out,
        "**{}:** `{}`",
        l.error,
        one_line(r.signature_in(o.lang))
    );
    if let Some(c) = &k.entry.context {
        let _ = writeln!(out, "**{}:** {}", l.matched, one_line(c));
    }
    let _ = writeln!(
        out,
        "**{}:** {}",
        l.root_cause,
        one_line(r.root_cause_in(o.lang))
    );
    if !k.dead_ends.is_empty() {
        let _ = writeln!(out, "**{}:**", l.do_not_try);
        for &i in &k.dead_ends {
            let d = &r.dead_ends[i];
            let action = if d.action.trim().is_empty() {
                one_line(d.why_fails)
            } else {
                format!("{} — {}", one_line(d.action), one_line(d.why_fails))
            };
            let when = if d.condition.is_empty() {
                String::new()
            } else {
                format!(" [{}: {}]", l.when, one_line(d.condition))
            };
            let _ = writeln!(out, "- {action} ({} {}){when}", l.fails, pct(d.fail_rate));
        }
    }
    if !k.workarounds.is_empty() {
        let _ = writeln!(out, "**{}:**", l.try_);
        for &i in &k.workarounds {
            let w = &r.workarounds[i];
            let action = r.workaround_action_in(i, o.lang).unwrap_or(w.action);
            let when = if w.condition.is_empty() {
                String::new()
            } else {
                format!(" [{}: {}]", l.when, one_line(w.condition))
            };
            let _ = writeln!(
                out,
                "- {} ({} {}){when}",
                one_line(action),
                l.works,
                pct(w.success_rate)
            );
            if !w.how.trim().is_empty() && w.how.trim() != action.trim() {
                let _ = writeln!(out, "  {}: {}", l.how, w.how.trim().replace('\n', "\n  "));
            }
        }
    }
    if let Some(next) = likeliest_next(r) {
        let p = next
            .probability()
            .map(|p| format!(" ({})", pct(p)))
            .unwrap_or_default();
        let _ = writeln!(out, "**{}:** {}{p}", l.next, next.record().id);
    }
    let f = r.freshness(o.today);
    let _ = writeln!(
        out,
        "**{}:** {} ({} {}) · {} {} · {} {}",
        l.knowledge,
        o.lang.freshness(f),
        l.last_confirmed,
        r.last_confirmed,
        l.confidence,
        pct(r.confidence),
        l.fix_rate,
        pct(r.fix_success_rate),
    );
}

/// The most likely error after `r`: the highest known probability, else the first edge.
pub fn likeliest_next(r: &Record) -> Option<crate::graph::Link> {
    let links = crate::graph::next(r.id);
    links
        .iter()
        .enumerate()
        .max_by(|(ia, a), (ib, b)| {
            a.probability()
                .unwrap_or(-1.0)
                .total_cmp(&b.probability().unwrap_or(-1.0))
                .then(ib.cmp(ia))
        })
        .map(|(_, l)| *l)
}

fn render_kept(kept: &[Kept], o: &MarkdownOptions, note: Option<&str>) -> String {
    let mut out = String::new();
    for (i, k) in kept.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        block(&mut out, i + 1, k, o);
    }
    if let Some(note) = note {
        let _ = writeln!(out, "\n_{note}_");
    }
    out
}

/// Renders `entries` (best first) as Markdown, within `options.budget`.
///
/// ```
/// use errdex::markdown::{estimate_tokens, render, Entry, MarkdownOptions};
/// let entries: Vec<Entry> = errdex::records().iter().take(20).map(Entry::new).collect();
/// let mut o = MarkdownOptions::default();
/// o.budget = Some(1000);
/// let text = render(&entries, &o);
/// assert!(estimate_tokens(&text) <= 1000);
/// assert!(text.starts_with("## 1. "));
/// ```
pub fn render(entries: &[Entry], options: &MarkdownOptions) -> String {
    let mut kept: Vec<Kept> = entries.iter().map(Kept::all).collect();
    let full = render_kept(&kept, options, None);
    let Some(budget) = options.budget else {
        return full;
    };
    if estimate_tokens(&full) <= budget {
        return full;
    }
    // Room for the closing note.
    let fits = |kept: &[Kept]| estimate_tokens(&render_kept(kept, options, None)) + 30 <= budget;
    let mut dropped = (0usize, 0usize, 0usize);
    while kept.len() > 1 && !fits(&kept) {
        kept.pop();
        dropped.0 += 1;
    }
    while !fits(&kept) {
        // The least likely item over all kept results, the lowest ranked on ties.
        let mut worst: Option<(f64, usize, bool)> = None;
        for (ri, k) in kept.iter().enumerate() {
            let r = k.entry.record;
            if k.dead_ends.len() > 1 {
                let rate = r.dead_ends[*k.dead_ends.last().expect("len > 1")].fail_rate;
                if worst.is_none_or(|(w, wi, _)| rate < w || (rate == w && ri > wi)) {
                    worst = Some((rate, ri, true));
                }
            }
            if k.workarounds.len() > 1 {
                let rate = r.workarounds[*k.workarounds.last().expect("len > 1")].success_rate;
                if worst.is_none_or(|(w, wi, _)| rate < w || (rate == w && ri > wi)) {
                    worst = Some((rate, ri, false));
                }
            }
        }
        let Some((_, ri, dead)) = worst else { break };
        if dead {
            kept[ri].dead_ends.pop();
            dropped.1 += 1;
        } else {
            kept[ri].workarounds.pop();
            dropped.2 += 1;
        }
    }
    let note = format!(
        "Trimmed to about {budget} tokens: {} more results, {} dead ends and {} workarounds left out.",
        dropped.0, dropped.1, dropped.2
    );
    render_kept(&kept, options, Some(&note))
}
