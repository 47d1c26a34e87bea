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

/// What is kept of one entry while trimming.
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

fn block(out: &mut String, level: &str, rank: usize, k: &Kept, o: &MarkdownOptions) {
    let r = k.entry.record;
    let l = o.lang.labels();
    let _ = writeln!(out, "{level} {rank}. {}", r.id);
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

/// A titled group of results (one per message in a batch, say).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Section {
    /// A heading for the group, if any.
    pub title: Option<String>,
    /// The results, best first.
    pub entries: Vec<Entry>,
    /// What to print when there are no results.
    pub empty: Option<String>,
}

impl Section {
    /// A section of `entries` under an optional title.
    pub fn new(title: Option<String>, entries: Vec<Entry>) -> Section {
        Section {
            title,
            entries,
            empty: None,
        }
    }
}

/// What is left of one entry after trimming.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Shown {
    /// Index of the entry in its section.
    pub entry: usize,
    /// Indexes into the record's `dead_ends`, as printed (most certain first).
    pub dead_ends: Vec<usize>,
    /// Indexes into the record's `workarounds`, as printed (best first).
    pub workarounds: Vec<usize>,
}

/// What trimming left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Trimmed {
    /// Whole results left out.
    pub results: usize,
    /// Dead ends left out.
    pub dead_ends: usize,
    /// Workarounds left out.
    pub workarounds: usize,
    /// Whether even the minimum is over the budget.
    pub over_budget: bool,
}

/// The text and what it shows.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Rendered {
    /// The Markdown.
    pub text: String,
    /// Per section, the entries printed and their items.
    pub shown: Vec<Vec<Shown>>,
    /// What the budget left out.
    pub trimmed: Trimmed,
}

struct Layout<'a> {
    heading: Option<&'a str>,
    sections: &'a [Section],
    kept: Vec<Vec<Kept<'a>>>,
}

impl Layout<'_> {
    fn text(&self, o: &MarkdownOptions, note: Option<&str>) -> String {
        let mut out = String::new();
        if let Some(h) = self.heading {
            let _ = writeln!(out, "# {h}");
        }
        let titled = self.sections.iter().any(|s| s.title.is_some());
        for (section, kept) in self.sections.iter().zip(&self.kept) {
            if let Some(t) = &section.title {
                if !out.is_empty() {
                    out.push('\n');
                }
                let _ = writeln!(out, "## {}", one_line(t));
            }
            if kept.is_empty() {
                if let Some(e) = &section.empty {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "{e}");
                }
            }
            for (i, k) in kept.iter().enumerate() {
                if !out.is_empty() {
                    out.push('\n');
                }
                block(&mut out, if titled { "###" } else { "##" }, i + 1, k, o);
            }
        }
        if let Some(note) = note {
            let _ = writeln!(out, "\n_{note}_");
        }
        out
    }
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
    let sections = [Section::new(None, entries.to_vec())];
    render_sections(None, &sections, options).text
}

/// Renders a heading and sections of results within `options.budget`,
/// and says what was printed. Trimming drops results from the longest
/// section first (every section keeps its best), then the least likely
/// items anywhere (see the module docs).
///
/// ```
/// use errdex::markdown::{render_sections, Entry, MarkdownOptions, Section};
/// let all = errdex::records();
/// let sections = vec![
///     Section::new(Some("first".into()), all[..6].iter().map(Entry::new).collect()),
///     Section::new(Some("second".into()), all[6..8].iter().map(Entry::new).collect()),
/// ];
/// let mut o = MarkdownOptions::default();
/// o.budget = Some(1500);
/// let r = render_sections(Some("answer"), &sections, &o);
/// assert!(r.text.starts_with("# answer\n"));
/// assert!(r.shown.iter().all(|s| !s.is_empty()), "each section keeps its best");
/// assert!(r.trimmed.results > 0);
/// ```
pub fn render_sections(
    heading: Option<&str>,
    sections: &[Section],
    options: &MarkdownOptions,
) -> Rendered {
    let mut layout = Layout {
        heading,
        sections,
        kept: sections
            .iter()
            .map(|s| s.entries.iter().map(Kept::all).collect())
            .collect(),
    };
    let shown = |layout: &Layout| -> Vec<Vec<Shown>> {
        layout
            .kept
            .iter()
            .map(|ks| {
                ks.iter()
                    .enumerate()
                    .map(|(i, k)| Shown {
                        entry: i,
                        dead_ends: k.dead_ends.clone(),
                        workarounds: k.workarounds.clone(),
                    })
                    .collect()
            })
            .collect()
    };
    let full = layout.text(options, None);
    let budget = match options.budget {
        Some(b) if estimate_tokens(&full) > b => b,
        _ => {
            return Rendered {
                text: full,
                shown: shown(&layout),
                trimmed: Trimmed::default(),
            }
        }
    };
    // Room for the closing note.
    let fits = |layout: &Layout| estimate_tokens(&layout.text(options, None)) + 30 <= budget;
    let mut trimmed = Trimmed::default();
    while !fits(&layout) {
        // The longest section loses its lowest-ranked result; later sections on ties.
        let Some(si) = (0..layout.kept.len())
            .filter(|&i| layout.kept[i].len() > 1)
            .max_by_key(|&i| (layout.kept[i].len(), i))
        else {
            break;
        };
        layout.kept[si].pop();
        trimmed.results += 1;
    }
    while !fits(&layout) {
        // The least likely item over all kept results, the lowest ranked on ties.
        let mut worst: Option<(f64, (usize, usize), bool)> = None;
        for (si, ks) in layout.kept.iter().enumerate() {
            for (ri, k) in ks.iter().enumerate() {
                let r = k.entry.record;
                let mut consider = |rate: f64, dead: bool| {
                    if worst.is_none_or(|(w, at, _)| rate < w || (rate == w && (si, ri) > at)) {
                        worst = Some((rate, (si, ri), dead));
                    }
                };
                if k.dead_ends.len() > 1 {
                    consider(
                        r.dead_ends[*k.dead_ends.last().expect("len > 1")].fail_rate,
                        true,
                    );
                }
                if k.workarounds.len() > 1 {
                    let last = *k.workarounds.last().expect("len > 1");
                    consider(r.workarounds[last].success_rate, false);
                }
            }
        }
        let Some((_, (si, ri), dead)) = worst else {
            break;
        };
        if dead {
            layout.kept[si][ri].dead_ends.pop();
            trimmed.dead_ends += 1;
        } else {
            layout.kept[si][ri].workarounds.pop();
            trimmed.workarounds += 1;
        }
    }
    trimmed.over_budget = !fits(&layout);
    let note = format!(
        "Trimmed to about {budget} tokens: {} more results, {} dead ends and {} workarounds left out.",
        trimmed.results, trimmed.dead_ends, trimmed.workarounds
    );
    Rendered {
        text: layout.text(options, Some(&note)),
        shown: shown(&layout),
        trimmed,
    }
}
