//! Markdown answers, and trimming them to a token budget.
//!
//! An answer is a list of sections (one per looked-up message, or a single
//! one), each a ranked list of records. Every record shows its signature,
//! root cause, what NOT to try, what to try, the most likely next error and
//! its freshness. [`fit`] drops content until the text fits `max_tokens`,
//! counting a token as four characters: first the lowest-ranked results
//! (keeping each section's best), then the least likely dead ends and
//! workarounds (keeping each record's best workaround), then those last
//! workarounds. A workaround or dead end is kept or dropped whole, never cut.

use super::freshness::{freshness, Freshness};
use super::lang::Lang;
use errdex::{Date, Record};
use std::fmt::Write;

/// Characters per token in the estimate behind `max_tokens`.
pub const CHARS_PER_TOKEN: usize = 4;

/// What every rendering needs: the language and today's date.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Language of signatures, root causes and workarounds.
    pub lang: Lang,
    /// The day freshness is measured on.
    pub today: Date,
}

impl Ctx {
    /// The freshness of a record today.
    pub fn freshness(&self, r: &Record) -> Freshness {
        freshness(r.last_confirmed, self.today)
    }
}

/// The line a lookup matched, shown with its record.
#[derive(Debug, Clone)]
pub struct MatchNote {
    /// Its number in the message, from 1.
    pub line_number: usize,
    /// The line (shortened to 200 characters).
    pub line: String,
    /// The lookup's rank score.
    pub score: f64,
    /// Why it ranks where it does.
    pub why: String,
}

/// One record in an answer, with the dead ends and workarounds still shown
/// (indexes into the record's lists, in the record's order).
#[derive(Debug, Clone)]
pub struct Shown {
    /// The record.
    pub record: &'static Record,
    /// The matched line, for lookups.
    pub matched: Option<MatchNote>,
    /// Indexes of the dead ends shown.
    pub dead_ends: Vec<usize>,
    /// Indexes of the workarounds shown.
    pub workarounds: Vec<usize>,
}

impl Shown {
    /// A record with all its dead ends and workarounds.
    pub fn full(record: &'static Record, matched: Option<MatchNote>) -> Shown {
        Shown {
            record,
            matched,
            dead_ends: (0..record.dead_ends.len()).collect(),
            workarounds: (0..record.workarounds.len()).collect(),
        }
    }
}

/// A ranked list of records under an optional title.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// A heading (e.g. the message looked up), if any.
    pub title: Option<String>,
    /// The records, best first.
    pub results: Vec<Shown>,
    /// What to say when there are no results.
    pub empty: String,
    /// Results dropped to fit the budget.
    pub dropped: usize,
}

/// A whole answer: a heading and its sections.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// The first line.
    pub heading: String,
    /// The sections.
    pub sections: Vec<Section>,
}

/// What [`fit`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Trimmed {
    /// Results dropped.
    pub results: usize,
    /// Dead ends and workarounds dropped.
    pub items: usize,
    /// Whether the answer still exceeds the budget with nothing left to drop.
    pub over_budget: bool,
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Keeps one line: newlines become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `; when <condition>` (without doubling a leading "when" or "if"), or nothing.
fn when(condition: &str) -> String {
    let c = one_line(condition);
    let lower = c.to_lowercase();
    if c.is_empty() {
        String::new()
    } else if lower.starts_with("when ") || lower.starts_with("if ") {
        let mut chars = c.chars();
        let first = chars
            .next()
            .map(|f| f.to_lowercase().to_string())
            .unwrap_or_default();
        format!("; {first}{}", chars.as_str())
    } else {
        format!("; when {c}")
    }
}

/// The highest-probability `leads_to` edge (the first listed when none has one).
pub fn next_likely(r: &Record) -> Option<&'static errdex::Edge> {
    r.transition_graph.leads_to.iter().reduce(|best, e| {
        if e.probability.unwrap_or(-1.0) > best.probability.unwrap_or(-1.0) {
            e
        } else {
            best
        }
    })
}

/// Appends one record as Markdown, numbered `rank` (from 1).
pub fn record(out: &mut String, rank: usize, s: &Shown, ctx: &Ctx) {
    let r = s.record;
    let lang = ctx.lang;
    let _ = writeln!(out, "### {rank}. `{}`", r.id);
    let _ = writeln!(out, "**Error:** {}", one_line(lang.signature(r)));
    if let Some(m) = &s.matched {
        let _ = writeln!(
            out,
            "**Matched:** line {}: `{}` (score {:.2})",
            m.line_number,
            m.line.replace('`', "'"),
            m.score
        );
    }
    let _ = writeln!(out, "**Root cause:** {}", one_line(lang.root_cause(r)));
    if !s.dead_ends.is_empty() {
        let _ = writeln!(out, "**DO NOT TRY:**");
        for &i in &s.dead_ends {
            let d = &r.dead_ends[i];
            let cond = when(d.condition);
            let _ = writeln!(
                out,
                "- ✗ {} (fails {}{cond}): {}",
                one_line(d.action),
                pct(d.fail_rate),
                one_line(d.why_fails)
            );
        }
    }
    if !s.workarounds.is_empty() {
        let _ = writeln!(out, "**TRY:**");
        for &i in &s.workarounds {
            let w = &r.workarounds[i];
            let cond = when(w.condition);
            match lang.workaround(r, i) {
                Some(text) => {
                    let _ = writeln!(
                        out,
                        "- ✓ {} (works {}{cond})",
                        one_line(text),
                        pct(w.success_rate)
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "- ✓ {} (works {}{cond})",
                        one_line(w.action),
                        pct(w.success_rate)
                    );
                    if w.how.is_empty() || w.how == w.action {
                        out.push('\n');
                    } else {
                        let _ = writeln!(out, ": {}", one_line(w.how));
                    }
                }
            }
        }
    }
    if let Some(e) = next_likely(r) {
        let p = e
            .probability
            .map(|p| format!(", {}", pct(p)))
            .unwrap_or_default();
        let cond = when(e.condition.unwrap_or(""));
        let _ = writeln!(out, "**Next likely error:** `{}`{p}{cond}", e.error_id);
    }
    let _ = writeln!(out, "**Freshness:** {}", ctx.freshness(r));
}

fn section(out: &mut String, s: &Section, ctx: &Ctx) {
    if let Some(t) = &s.title {
        let _ = writeln!(out, "\n## {t}");
    }
    if s.results.is_empty() {
        let _ = writeln!(out, "\n{}", s.empty);
    }
    for (i, shown) in s.results.iter().enumerate() {
        out.push('\n');
        record(out, i + 1, shown, ctx);
    }
    if s.dropped > 0 {
        let _ = writeln!(
            out,
            "\n_{} lower-ranked result(s) left out to fit max_tokens._",
            s.dropped
        );
    }
}

fn section_chars(s: &Section, ctx: &Ctx) -> usize {
    let mut out = String::new();
    section(&mut out, s, ctx);
    out.chars().count()
}

/// The answer as Markdown.
pub fn render(answer: &Answer, ctx: &Ctx) -> String {
    let mut out = format!("# {}\n", answer.heading);
    for s in &answer.sections {
        section(&mut out, s, ctx);
    }
    out
}

/// Drops content until the rendered answer is at most `max_tokens` tokens
/// (characters / [`CHARS_PER_TOKEN`]), in the order given in the module docs.
pub fn fit(answer: &mut Answer, max_tokens: usize, ctx: &Ctx) -> Trimmed {
    let budget = max_tokens.saturating_mul(CHARS_PER_TOKEN);
    let head = answer.heading.chars().count() + 3;
    let mut sizes: Vec<usize> = answer
        .sections
        .iter()
        .map(|s| section_chars(s, ctx))
        .collect();
    let mut trimmed = Trimmed::default();
    let over = |sizes: &[usize]| head + sizes.iter().sum::<usize>() > budget;

    // 1. Lower-ranked results, the lowest rank across all sections first.
    while over(&sizes) {
        let Some(si) = (0..answer.sections.len())
            .filter(|&i| answer.sections[i].results.len() > 1)
            .max_by_key(|&i| (answer.sections[i].results.len(), i))
        else {
            break;
        };
        let s = &mut answer.sections[si];
        s.results.pop();
        s.dropped += 1;
        trimmed.results += 1;
        sizes[si] = section_chars(s, ctx);
    }

    // 2. and 3. The least likely dead end or workaround anywhere; a record
    // keeps its best workaround until nothing else is left to drop.
    for keep_one_workaround in [true, false] {
        while over(&sizes) {
            let Some((si, ri, is_dead_end, pos)) = least_likely_item(answer, keep_one_workaround)
            else {
                break;
            };
            let shown = &mut answer.sections[si].results[ri];
            if is_dead_end {
                shown.dead_ends.remove(pos);
            } else {
                shown.workarounds.remove(pos);
            }
            trimmed.items += 1;
            sizes[si] = section_chars(&answer.sections[si], ctx);
        }
    }
    trimmed.over_budget = over(&sizes);
    trimmed
}

/// The least likely dead end or workaround shown: `(section, result, is a
/// dead end, position)`. Ties go to the lower-ranked result, then dead ends.
fn least_likely_item(
    answer: &Answer,
    keep_one_workaround: bool,
) -> Option<(usize, usize, bool, usize)> {
    let mut best: Option<(f64, (usize, usize, bool, usize))> = None;
    for (si, s) in answer.sections.iter().enumerate() {
        for (ri, shown) in s.results.iter().enumerate() {
            let r = shown.record;
            let dead_ends = shown
                .dead_ends
                .iter()
                .enumerate()
                .map(|(pos, &i)| (r.dead_ends[i].fail_rate, true, pos));
            let workarounds = if keep_one_workaround && shown.workarounds.len() <= 1 {
                Vec::new()
            } else {
                shown
                    .workarounds
                    .iter()
                    .enumerate()
                    .map(|(pos, &i)| (r.workarounds[i].success_rate, false, pos))
                    .collect()
            };
            for (rate, is_dead_end, pos) in dead_ends.chain(workarounds) {
                if best.is_none_or(|(b, _)| rate <= b) {
                    best = Some((rate, (si, ri, is_dead_end, pos)));
                }
            }
        }
    }
    best.map(|(_, at)| at)
}

/// One record in full, for `get_error_detail`.
pub fn detail(r: &'static Record, ctx: &Ctx) -> String {
    let mut out = String::new();
    record(&mut out, 1, &Shown::full(r, None), ctx);
    // The rank means nothing for a single record.
    let mut out = out.replacen("### 1. ", "# ", 1);
    let code = r
        .error_code
        .map(|c| format!(", code `{c}`"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "**Domain:** {} / {}{code}; root cause type {}",
        r.domain, r.category, r.root_cause_type
    );
    let _ = writeln!(
        out,
        "**Confidence:** {}, fix rate {}, resolvable {}, {} ({} confirmations)",
        pct(r.confidence),
        pct(r.fix_success_rate),
        r.resolvable,
        r.verification_tier,
        r.evidence_count
    );
    if !r.versions.is_empty() {
        let _ = writeln!(out, "**Versions:**");
        for v in r.versions {
            let change = v
                .behavior_change
                .map(|c| format!(": {}", one_line(c)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {} ({}){change}", v.version, v.status);
        }
    }
    if !r.os_specific.is_empty() {
        let _ = writeln!(out, "**By operating system:**");
        for (os, note) in r.os_specific {
            let _ = writeln!(out, "- {}: {}", os.meaning(), one_line(note));
        }
    }
    let g = &r.transition_graph;
    for (label, edges) in [
        ("Leads to", g.leads_to),
        ("Preceded by", g.preceded_by),
        ("Confused with", g.frequently_confused_with),
    ] {
        if !edges.is_empty() {
            let _ = writeln!(out, "**{label}:** {}", edge_list(edges));
        }
    }
    if let Some(url) = r.official_doc_url {
        let section = r
            .official_doc_section
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let _ = writeln!(out, "**Docs:** {url}{section}");
    }
    if !r.tags.is_empty() {
        let _ = writeln!(out, "**Tags:** {}", r.tags.join(", "));
    }
    out
}

fn edge_list(edges: &[errdex::Edge]) -> String {
    let items: Vec<String> = edges
        .iter()
        .map(|e| {
            let p = e
                .probability
                .map(|p| format!(" {}", pct(p)))
                .unwrap_or_default();
            let cond = when(e.condition.unwrap_or("")).replacen(';', ",", 1);
            format!("`{}`{p}{cond}", e.error_id)
        })
        .collect();
    items.join("; ")
}

/// The walk of `get_error_chain`.
pub fn chain(c: &super::graph::Chain, depth: usize, ctx: &Ctx) -> String {
    let mut out = String::new();
    let Some((start, _)) = c.reached.first() else {
        return out;
    };
    let _ = writeln!(out, "# Error chain from `{}` (depth {depth})", start.id);
    let _ = writeln!(out, "**Error:** {}", one_line(ctx.lang.signature(start)));
    let _ = writeln!(out, "**Freshness:** {}", ctx.freshness(start));
    if c.links.is_empty() {
        let _ = writeln!(
            out,
            "
No related errors are recorded."
        );
        return out;
    }
    let mut from = "";
    for l in &c.links {
        if l.from.id != from {
            from = l.from.id;
            let _ = writeln!(
                out,
                "
## From `{from}`"
            );
        }
        let p = l
            .probability
            .map(|p| format!(", {}", pct(p)))
            .unwrap_or_default();
        let cond = when(l.condition.unwrap_or(""));
        let about = if l.revisit {
            " (already listed)".to_string()
        } else {
            let f = ctx.freshness(l.to);
            format!(
                ": {} ({}, last confirmed {})",
                one_line(ctx.lang.signature(l.to)),
                f.status.as_str(),
                f.last_confirmed
            )
        };
        let _ = writeln!(
            out,
            "- {} `{}`{p}{cond}{about}",
            l.relation.phrase(),
            l.to.id
        );
    }
    out
}

/// The domains and their record counts, for `list_error_domains`.
pub fn domains(counts: &[(&str, usize)]) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let mut out = format!(
        "# {} domains, {total} records\n\n| domain | records |\n|---|---:|\n",
        counts.len()
    );
    for (d, n) in counts {
        let _ = writeln!(out, "| {d} | {n} |");
    }
    out
}

/// The records of a domain as a table, for `list_errors_by_domain`.
pub fn record_table(domain: &str, records: &[&'static Record], total: usize, ctx: &Ctx) -> String {
    let mut out = format!(
        "# {domain}: {} of {total} records\n\n| id | signature | fix rate | confidence | freshness |\n|---|---|---:|---:|---|\n",
        records.len()
    );
    for r in records {
        let f = ctx.freshness(r);
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} ({}) |",
            r.id,
            one_line(ctx.lang.signature(r)).replace('|', "\\|"),
            pct(r.fix_success_rate),
            pct(r.confidence),
            f.status.as_str(),
            f.last_confirmed
        );
    }
    out
}

/// The figures of one domain, for `get_domain_stats`.
pub fn domain_stats(s: &super::stats::DomainStats) -> String {
    let mut out = format!("# {}: {} records\n\n", s.domain, s.records);
    let r = &s.resolvable;
    let _ = writeln!(
        out,
        "- average fix success rate: {}",
        pct(s.average_fix_success_rate)
    );
    let _ = writeln!(
        out,
        "- resolvable: yes {} ({}), partial {} ({}), no {} ({})",
        r.yes,
        pct(r.share_yes),
        r.partial,
        pct(r.share_partial),
        r.no,
        pct(r.share_no)
    );
    let _ = writeln!(
        out,
        "- confidence: mean {:.2}, min {:.2}, max {:.2}",
        s.confidence.mean, s.confidence.min, s.confidence.max
    );
    let tiers: Vec<String> = s
        .verification_tiers
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    let _ = writeln!(out, "- verification tiers: {}", tiers.join(", "));
    let fresh: Vec<String> = s
        .freshness
        .iter()
        .map(|(g, n)| format!("{g} {n}"))
        .collect();
    let _ = writeln!(out, "- freshness: {}", fresh.join(", "));
    let _ = writeln!(
        out,
        "- {} dead ends, {} workarounds",
        s.dead_ends, s.workarounds
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Ctx {
        Ctx {
            lang: Lang::En,
            today: Date::parse("2026-11-25").unwrap(),
        }
    }

    fn big_answer() -> Answer {
        let results = errdex::records()
            .iter()
            .filter(|r| r.dead_ends.len() >= 2 && r.workarounds.len() >= 2)
            .take(5)
            .map(|r| Shown::full(r, None))
            .collect();
        Answer {
            heading: "test".into(),
            sections: vec![Section {
                results,
                ..Section::default()
            }],
        }
    }

    #[test]
    fn shows_every_part_of_a_record() {
        let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
        let mut out = String::new();
        record(&mut out, 1, &Shown::full(r, None), &ctx());
        for part in [
            "**Error:**",
            "**Root cause:**",
            "**DO NOT TRY:**",
            "**TRY:**",
            "**Freshness:**",
        ] {
            assert!(out.contains(part), "{part} missing in\n{out}");
        }
        for w in r.workarounds {
            assert!(out.contains(&one_line(w.how)));
        }
    }

    #[test]
    fn fit_drops_results_before_items_and_never_cuts_text() {
        let ctx = ctx();
        let full = big_answer();
        let full_text = render(&full, &ctx);
        let first_only = {
            let mut a = full.clone();
            a.sections[0].results.truncate(1);
            a.sections[0].dropped = 4;
            render(&a, &ctx).chars().count()
        };
        let mut a = full.clone();
        let t = fit(&mut a, first_only.div_ceil(CHARS_PER_TOKEN), &ctx);
        assert_eq!((t.results, t.items), (4, 0));
        assert!(!t.over_budget);

        let mut a = full.clone();
        let t = fit(&mut a, 10, &ctx);
        assert_eq!(t.results, 4);
        assert!(t.items > 0);
        assert!(t.over_budget);
        let text = render(&a, &ctx);
        // Whatever is left is whole lines of the full answer.
        for line in text.lines().filter(|l| l.starts_with("- ")) {
            assert!(full_text.contains(line), "{line}");
        }

        let mut a = full;
        assert_eq!(fit(&mut a, 1_000_000, &ctx), Trimmed::default());
    }
}
