//! What each tool does, as plain functions from arguments to an answer
//! (Markdown and JSON) or a refusal; `server` wires them to MCP.

use super::limits::{MAX_BATCH, MAX_DEPTH, MAX_LIMIT, MAX_MESSAGE_BYTES};
use super::markdown::{self, Ctx};
use super::params::{
    BatchArgs, ChainArgs, DomainArgs, IdArgs, ListArgs, LookupArgs, SearchArgs, SortKey,
};
use super::stats;
use super::view::{self, MatchNote};
use crate::cli::commands::closest_ids;
use crate::cli::{explore, json as cli_json};
use errdex::markdown::{Entry, Rendered, Section, Trimmed};
use errdex::search::{search_with, SearchOptions};
use errdex::Record;
use serde_json::{json, Value};

/// A tool's answer: Markdown for people and models, JSON for programs.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The Markdown text.
    pub markdown: String,
    /// The same content as JSON.
    pub structured: Value,
}

/// Why a tool could not answer: a message and details as JSON.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// One line saying what is wrong and what would be right.
    pub message: String,
    /// `{"error": message, ...}` with extra fields (closest ids, known domains).
    pub details: Value,
}

impl Refusal {
    fn new(message: String) -> Refusal {
        Refusal {
            details: json!({ "error": message }),
            message,
        }
    }
}

type Outcome = Result<Reply, Refusal>;

fn known_domain(domain: Option<&str>) -> Result<Option<&str>, Refusal> {
    match domain.map(str::trim) {
        Some(d) if !errdex::domains().contains(&d) => {
            let message = format!(
                "no domain \"{d}\" (domains: {})",
                errdex::domains().join(", ")
            );
            Err(Refusal {
                details: json!({ "error": message, "domains": errdex::domains() }),
                message,
            })
        }
        d => Ok(d),
    }
}

fn record(id: &str) -> Result<&'static Record, Refusal> {
    errdex::get(id.trim()).ok_or_else(|| {
        let closest = closest_ids(id.trim(), 3);
        let message = format!("no record \"{id}\" (closest: {})", closest.join(", "));
        Refusal {
            details: json!({ "error": message, "closest_ids": closest }),
            message,
        }
    })
}

fn in_range(name: &str, value: Option<u32>, default: usize, max: usize) -> Result<usize, Refusal> {
    let v = value.map_or(default, |v| v as usize);
    if v == 0 || v > max {
        return Err(Refusal::new(format!(
            "{name} must be between 1 and {max} (got {v})"
        )));
    }
    Ok(v)
}

fn text_arg(name: &str, text: &str) -> Result<(), Refusal> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(Refusal::new(format!(
            "{name} is {} bytes; the limit is {MAX_MESSAGE_BYTES} bytes (256 KiB)",
            text.len()
        )));
    }
    if text.trim().is_empty() {
        return Err(Refusal::new(format!("{name} is empty")));
    }
    Ok(())
}

/// Results of one message (or query): the section to render and, per
/// entry, the matched line.
struct Found {
    section: Section,
    notes: Vec<Option<MatchNote>>,
}

/// The ranked matches of one message.
fn lookup_found(message: &str, domain: Option<&str>, limit: usize, title: Option<String>) -> Found {
    let options = errdex::Options {
        limit: Some(limit),
        domain,
    };
    let matches = errdex::lookup_bytes(message.as_bytes(), &options);
    let mut entries = Vec::new();
    let mut notes = Vec::new();
    for m in &matches {
        let line: String = m.line_text().chars().take(200).collect();
        entries.push(Entry::with_context(
            m.record,
            format!(
                "line {}: `{}` (score {:.2})",
                m.line_number,
                line.trim().replace('`', "'"),
                m.score
            ),
        ));
        notes.push(Some(MatchNote {
            line_number: m.line_number,
            line,
            score: m.score,
            why: m.why(),
        }));
    }
    let mut section = Section::new(title, entries);
    section.empty =
        Some("No record matches this message. `search_errors` finds records by keywords.".into());
    Found { section, notes }
}

/// The printed results of section `i` as JSON.
fn shown_list(found: &Found, rendered: &Rendered, i: usize, ctx: &Ctx) -> Vec<Value> {
    rendered.shown[i]
        .iter()
        .map(|s| {
            let r = found.section.entries[s.entry].record;
            view::shown(r, s, found.notes[s.entry].as_ref(), ctx)
        })
        .collect()
}

fn trimmed_json(t: &Trimmed) -> Value {
    json!({
        "results": t.results,
        "dead_ends": t.dead_ends,
        "workarounds": t.workarounds,
        "over_budget": t.over_budget,
    })
}

fn render(heading: &str, found: &[&Found], max_tokens: Option<u32>, ctx: &Ctx) -> Rendered {
    let sections: Vec<Section> = found.iter().map(|f| f.section.clone()).collect();
    markdown::answer(heading, &sections, max_tokens, ctx)
}

/// `lookup_error`.
pub fn lookup_error(args: LookupArgs, ctx: &Ctx) -> Outcome {
    text_arg("message", &args.message)?;
    let domain = known_domain(args.domain.as_deref())?;
    let limit = in_range("limit", args.limit, 5, MAX_LIMIT)?;
    let found = lookup_found(&args.message, domain, limit, None);
    let heading = format!("errdex lookup: {} match(es)", found.section.entries.len());
    let rendered = render(&heading, &[&found], args.max_tokens, ctx);
    let matches = shown_list(&found, &rendered, 0, ctx);
    Ok(Reply {
        structured: json!({
            "count": matches.len(),
            "matches": matches,
            "trimmed": trimmed_json(&rendered.trimmed),
            "lang": ctx.lang.as_str(),
        }),
        markdown: rendered.text,
    })
}

/// `batch_lookup`.
pub fn batch_lookup(args: BatchArgs, ctx: &Ctx) -> Outcome {
    if args.messages.is_empty() || args.messages.len() > MAX_BATCH {
        return Err(Refusal::new(format!(
            "messages must hold 1 to {MAX_BATCH} messages (got {})",
            args.messages.len()
        )));
    }
    for (i, m) in args.messages.iter().enumerate() {
        text_arg(&format!("messages[{i}]"), m)?;
    }
    let domain = known_domain(args.domain.as_deref())?;
    let limit = in_range("limit", args.limit, 5, MAX_LIMIT)?;
    let found: Vec<Found> = args
        .messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let first: String = m
                .trim()
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(80)
                .collect();
            let title = format!("Message {}: {}", i + 1, first.replace('`', "'"));
            lookup_found(m, domain, limit, Some(title))
        })
        .collect();
    let matched = found
        .iter()
        .filter(|f| !f.section.entries.is_empty())
        .count();
    let heading = format!(
        "errdex batch lookup: {matched} of {} message(s) matched",
        found.len()
    );
    let refs: Vec<&Found> = found.iter().collect();
    let rendered = render(&heading, &refs, args.max_tokens, ctx);
    let results: Vec<Value> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let matches = shown_list(f, &rendered, i, ctx);
            json!({
                "index": i,
                "count": matches.len(),
                "matches": matches,
                "dropped": f.section.entries.len() - rendered.shown[i].len(),
            })
        })
        .collect();
    Ok(Reply {
        structured: json!({
            "count": results.len(),
            "results": results,
            "trimmed": trimmed_json(&rendered.trimmed),
            "lang": ctx.lang.as_str(),
        }),
        markdown: rendered.text,
    })
}

/// `get_error_detail`.
pub fn get_error_detail(args: IdArgs, ctx: &Ctx) -> Outcome {
    let r = record(&args.id)?;
    Ok(Reply {
        markdown: markdown::detail(r, ctx),
        structured: json!({
            "record": r,
            "freshness": cli_json::freshness(r, ctx.today),
            "lang": ctx.lang.as_str(),
        }),
    })
}

/// `search_errors`.
pub fn search_errors(args: SearchArgs, ctx: &Ctx) -> Outcome {
    text_arg("query", &args.query)?;
    let domain = known_domain(args.domain.as_deref())?;
    let limit = in_range("limit", args.limit, 5, MAX_LIMIT)?;
    let hits = search_with(&args.query, &SearchOptions::new(limit, domain));
    let entries: Vec<Entry> = hits
        .iter()
        .map(|h| Entry::with_context(h.record, format!("terms {}", h.matched.join(", "))))
        .collect();
    let mut section = Section::new(None, entries);
    section.empty = Some(format!(
        "No record mentions these words (closest indexed terms: {}).",
        errdex::search::closest_terms(&args.query, 5).join(", ")
    ));
    let found = Found {
        notes: vec![None; hits.len()],
        section,
    };
    let heading = format!(
        "errdex search: {} record(s) for \"{}\"",
        hits.len(),
        args.query.trim()
    );
    let rendered = render(&heading, &[&found], args.max_tokens, ctx);
    let results = shown_list(&found, &rendered, 0, ctx);
    Ok(Reply {
        structured: json!({
            "count": results.len(),
            "results": results,
            "matched_terms": hits.iter().map(|h| &h.matched).collect::<Vec<_>>(),
            "trimmed": trimmed_json(&rendered.trimmed),
            "lang": ctx.lang.as_str(),
        }),
        markdown: rendered.text,
    })
}

/// `get_error_chain`.
pub fn get_error_chain(args: ChainArgs, ctx: &Ctx) -> Outcome {
    let start = record(&args.id)?;
    let depth = in_range("depth", args.depth, 2, MAX_DEPTH)?;
    let c = errdex::graph::chain(start.id, depth).expect("the id was just found");
    let mut text = format!("# Error chain from `{}` (depth {depth})\n\n", start.id).into_bytes();
    explore::chain_markdown(&mut text, ctx.lang, ctx.today, &c)
        .expect("writing to memory cannot fail");
    if c.steps.is_empty() {
        text.extend_from_slice(b"\nNo related errors are recorded.\n");
    }
    Ok(Reply {
        markdown: String::from_utf8(text).expect("Markdown is UTF-8"),
        structured: cli_json::chain(&c, depth, ctx.today),
    })
}

/// `list_error_domains`.
pub fn list_error_domains() -> Outcome {
    let counts: Vec<(&str, usize)> = errdex::domains()
        .iter()
        .map(|d| (*d, errdex::by_domain(d).len()))
        .collect();
    let domains: Vec<Value> = counts
        .iter()
        .map(|(d, n)| json!({ "domain": d, "records": n }))
        .collect();
    Ok(Reply {
        markdown: markdown::domains(&counts),
        structured: json!({
            "count": domains.len(),
            "records": errdex::records().len(),
            "domains": domains,
        }),
    })
}

fn domain_records(domain: &str) -> Result<(&str, Vec<&'static Record>), Refusal> {
    let d = known_domain(Some(domain))?.unwrap_or(domain);
    Ok((d, errdex::by_domain(d).collect()))
}

/// `list_errors_by_domain`.
pub fn list_errors_by_domain(args: ListArgs, ctx: &Ctx) -> Outcome {
    let (domain, mut records) = domain_records(&args.domain)?;
    let total = records.len();
    let limit = in_range("limit", args.limit, total.max(1), usize::MAX)?;
    let sort = args.sort.unwrap_or_default();
    match sort {
        SortKey::Name => records.sort_by_key(|r| r.id),
        SortKey::FixRate => records.sort_by(|a, b| {
            b.fix_success_rate
                .total_cmp(&a.fix_success_rate)
                .then(a.id.cmp(b.id))
        }),
        SortKey::Confidence => {
            records.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.id.cmp(b.id)))
        }
    }
    records.truncate(limit);
    let items: Vec<Value> = records.iter().map(|r| view::brief(r, ctx)).collect();
    Ok(Reply {
        markdown: markdown::record_table(domain, &records, total, ctx),
        structured: json!({
            "domain": domain,
            "total": total,
            "count": items.len(),
            "sort": match sort {
                SortKey::Name => "name",
                SortKey::FixRate => "fix_rate",
                SortKey::Confidence => "confidence",
            },
            "records": items,
        }),
    })
}

/// `get_domain_stats`.
pub fn get_domain_stats(args: DomainArgs, ctx: &Ctx) -> Outcome {
    let (domain, records) = domain_records(&args.domain)?;
    let s = stats::domain_stats(domain, &records, ctx.today);
    Ok(Reply {
        markdown: markdown::domain_stats(&s),
        structured: serde_json::to_value(&s).unwrap_or(Value::Null),
    })
}
