//! Markdown for the answers that are not record blocks (a whole record,
//! tables, figures), and the record blocks themselves through the library's
//! agent format (`errdex::markdown`), which also trims to `max_tokens`.

use errdex::markdown::{render_sections, MarkdownOptions, Rendered, Section};
use errdex::{Date, Lang, Record};
use std::fmt::Write;

/// What every rendering needs: the language and today's date.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Language of signatures, root causes and workarounds.
    pub lang: Lang,
    /// The day freshness is measured on.
    pub today: Date,
}

impl Ctx {
    /// The library's Markdown options, with a token budget.
    fn options(&self, max_tokens: Option<u32>) -> MarkdownOptions {
        let mut o = MarkdownOptions::default();
        o.lang = self.lang;
        o.today = self.today;
        o.budget = max_tokens.map(|t| t as usize);
        o
    }
}

/// Record blocks under a heading, trimmed to `max_tokens`.
pub fn answer(heading: &str, sections: &[Section], max_tokens: Option<u32>, ctx: &Ctx) -> Rendered {
    render_sections(Some(heading), sections, &ctx.options(max_tokens))
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Keeps one line: newlines become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `, when <condition>` (without doubling a leading "when" or "if"), or nothing.
fn when(condition: &str) -> String {
    let c = one_line(condition);
    let lower = c.to_lowercase();
    if c.is_empty() {
        String::new()
    } else if lower.starts_with("when ") || lower.starts_with("if ") {
        format!(", {lower}", lower = c[..1].to_lowercase() + &c[1..])
    } else {
        format!(", when {c}")
    }
}

/// One record in full, for `get_error_detail`.
pub fn detail(r: &'static Record, ctx: &Ctx) -> String {
    let sections = [Section::new(None, vec![errdex::markdown::Entry::new(r)])];
    let block = render_sections(None, &sections, &ctx.options(None)).text;
    // The rank means nothing for a single record.
    let mut out = block.replacen("## 1. ", "# ", 1);
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
            let cond = when(e.condition.unwrap_or(""));
            format!("`{}`{p}{cond}", e.error_id)
        })
        .collect();
    items.join("; ")
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
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} ({}) |",
            r.id,
            one_line(r.signature_in(ctx.lang)).replace('|', "\\|"),
            pct(r.fix_success_rate),
            pct(r.confidence),
            r.freshness(ctx.today),
            r.last_confirmed
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
    use errdex::markdown::Entry;

    fn ctx() -> Ctx {
        Ctx {
            lang: Lang::En,
            today: Date::parse("2026-11-25").unwrap(),
        }
    }

    #[test]
    fn detail_shows_every_part_of_a_record() {
        let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
        let out = detail(r, &ctx());
        for part in [
            "**Error:**",
            "**Root cause:**",
            "**DO NOT TRY:**",
            "**TRY:**",
            "**Knowledge:**",
            "**Versions:**",
            "**Docs:**",
        ] {
            assert!(out.contains(part), "{part} missing in\n{out}");
        }
        assert!(out.starts_with(&format!("# {}\n", r.id)));
    }

    #[test]
    fn answers_keep_each_sections_best_within_the_budget() {
        let all = errdex::records();
        let sections: Vec<Section> = (0..3)
            .map(|i| {
                Section::new(
                    Some(format!("message {i}")),
                    all[i * 5..i * 5 + 5].iter().map(Entry::new).collect(),
                )
            })
            .collect();
        let full = answer("test", &sections, None, &ctx());
        assert_eq!(full.trimmed, errdex::markdown::Trimmed::default());
        let small = answer("test", &sections, Some(1500), &ctx());
        assert!(small.trimmed.results > 0);
        assert!(small.shown.iter().all(|s| !s.is_empty()));
        assert!(
            errdex::markdown::estimate_tokens(&small.text) <= 1500 || small.trimmed.over_budget
        );
    }
}
