//! `search` and `chain`: finding records by words and by their neighbours.

use super::commands::{known_domain, markdown, no_budget, rank_header, record_id, unknown_id};
use super::{json, render, Ctx, Failure, Format, FOUND};
use errdex::graph::{Chain, Relation};
use errdex::markdown::Entry;
use errdex::search::{closest_terms, query_terms, search_with, SearchOptions};
use serde_json::json;
use std::collections::BTreeSet;
use std::io::Write;

pub fn search(
    out: &mut dyn Write,
    ctx: &Ctx,
    query: &str,
    limit: usize,
    domain: Option<&str>,
) -> Result<i32, Failure> {
    known_domain(domain)?;
    if limit == 0 {
        return Err(Failure::Error("--limit must be at least 1".into()));
    }
    let terms = query_terms(query);
    if terms.is_empty() {
        return Err(Failure::Error(format!(
            "the query {query:?} has no searchable words (usage: errdex search WORDS...)"
        )));
    }
    let hits = search_with(query, &SearchOptions::new(limit, domain));
    let closest = if hits.is_empty() {
        closest_terms(query, 5)
    } else {
        Vec::new()
    };
    match ctx.format {
        Format::Json => {
            let items: Vec<_> = hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    json!({
                        "rank": i + 1,
                        "id": h.record.id,
                        "score": h.score,
                        "matched_terms": h.matched,
                        "freshness": json::freshness(h.record, ctx.today),
                        "record": json::record(h.record),
                    })
                })
                .collect();
            json::write(
                out,
                &json::document(
                    "search",
                    json!({
                        "query": query,
                        "terms": terms,
                        "domain": domain,
                        "count": items.len(),
                        "hits": items,
                        "closest_terms": closest,
                    }),
                ),
            )?;
        }
        Format::Markdown => {
            let entries: Vec<Entry> = hits
                .iter()
                .map(|h| Entry::with_context(h.record, format!("terms {}", h.matched.join(", "))))
                .collect();
            markdown(out, ctx, &entries)?;
        }
        _ => {
            for (i, h) in hits.iter().enumerate() {
                let detail = format!("score {:.2}; terms: {}", h.score, h.matched.join(", "));
                rank_header(out, ctx, i, &detail)?;
                writeln!(out)?;
                render::record(out, ctx, h.record)?;
            }
        }
    }
    if hits.is_empty() {
        let hint = if closest.is_empty() {
            "try fewer or other words".to_string()
        } else {
            format!("closest terms: {}", closest.join(", "))
        };
        return Err(Failure::NotFound(format!(
            "no record matches {query:?} ({hint})"
        )));
    }
    Ok(FOUND)
}

pub fn chain(out: &mut dyn Write, ctx: &Ctx, id: &str, depth: usize) -> Result<i32, Failure> {
    no_budget(ctx, "chain")?;
    let id = record_id(id)?;
    let c = errdex::graph::chain(id, depth).ok_or_else(|| unknown_id(id))?;
    match ctx.format {
        Format::Json => json::write(out, &json::chain(&c, depth, ctx.today))?,
        Format::Dot => dot(out, &c)?,
        Format::Markdown => chain_markdown(out, ctx.lang, ctx.today, &c)?,
        _ => render::chain(out, ctx, &c)?,
    }
    Ok(FOUND)
}

/// A chain as a nested Markdown list, each record with its freshness.
pub fn chain_markdown(
    out: &mut dyn Write,
    lang: errdex::Lang,
    today: errdex::Date,
    c: &Chain,
) -> std::io::Result<()> {
    let l = lang.labels();
    let fresh = |r: &errdex::Record| {
        format!(
            "{} ({} {})",
            lang.freshness(r.freshness(today)),
            l.last_confirmed,
            r.last_confirmed
        )
    };
    writeln!(
        out,
        "**{}** — `{}` · {}",
        c.start.id,
        c.start.signature_in(lang),
        fresh(c.start)
    )?;
    for s in &c.steps {
        let word = match s.relation {
            Relation::LeadsTo => l.leads_to,
            Relation::PrecededBy => l.preceded_by,
            _ => l.confused_with,
        };
        let p = s
            .probability
            .map(|p| format!(" ({})", render::pct(p)))
            .unwrap_or_default();
        let cond = s
            .condition
            .map(|c| format!(" [{}: {c}]", l.when))
            .unwrap_or_default();
        let about = if s.seen {
            String::new()
        } else {
            format!(" — `{}` · {}", s.to.signature_in(lang), fresh(s.to))
        };
        writeln!(
            out,
            "{}- {} {word} **{}**{p}{cond}{about}",
            "  ".repeat(s.depth - 1),
            s.from.id,
            s.to.id
        )?;
    }
    Ok(())
}

/// A DOT string literal.
fn quoted(text: &str) -> String {
    let mut s = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                s.push('\\');
                s.push(c);
            }
            '\n' => s.push_str("\\n"),
            _ => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The chain as a Graphviz graph: `leads_to` as arrows (a `preceded_by`
/// edge drawn the same way, from the earlier error), confusions as dashed
/// lines; each edge once.
fn dot(out: &mut dyn Write, c: &Chain) -> Result<(), Failure> {
    writeln!(out, "digraph errdex {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", fontname=\"Helvetica\", fontsize=11];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for r in c.records() {
        let label = format!("{}\n{}", r.id, render::clip(r.signature, 48));
        let fill = if r.id == c.start.id {
            ", fillcolor=\"#ffd8a8\", penwidth=2"
        } else {
            ""
        };
        writeln!(out, "  {} [label={}{fill}];", quoted(r.id), quoted(&label))?;
    }
    let mut drawn = BTreeSet::new();
    for s in &c.steps {
        let (a, b, attrs) = match s.relation {
            Relation::LeadsTo => (s.from.id, s.to.id, String::new()),
            Relation::PrecededBy => (s.to.id, s.from.id, String::new()),
            _ => {
                let (a, b) = if s.from.id < s.to.id {
                    (s.from.id, s.to.id)
                } else {
                    (s.to.id, s.from.id)
                };
                (
                    a,
                    b,
                    ", style=dashed, dir=none, color=\"#888888\"".to_string(),
                )
            }
        };
        let confused = s.relation == Relation::ConfusedWith;
        if !drawn.insert((a, b, confused)) {
            continue;
        }
        let mut label = s.probability.map(render::pct).unwrap_or_default();
        if confused {
            label = "confused".to_string();
        }
        writeln!(
            out,
            "  {} -> {} [label={}{attrs}];",
            quoted(a),
            quoted(b),
            quoted(&label)
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}
