//! What each tool does, as plain functions from arguments to an answer
//! (Markdown and JSON) or a refusal; `server` wires them to MCP.

use super::graph;
use super::limits::{MAX_BATCH, MAX_DEPTH, MAX_LIMIT, MAX_MESSAGE_BYTES};
use super::markdown::{self, Answer, Ctx, MatchNote, Section, Shown, Trimmed};
use super::params::{
    BatchArgs, ChainArgs, DomainArgs, IdArgs, ListArgs, LookupArgs, SearchArgs, SortKey,
};
use super::search::search;
use super::stats;
use super::view;
use crate::cli::commands::closest_ids;
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

/// The ranked matches of one message as a section.
fn lookup_section(message: &str, domain: Option<&str>, limit: usize) -> Section {
    let options = errdex::Options {
        limit: Some(limit),
        domain,
    };
    let results = errdex::lookup_bytes(message.as_bytes(), &options)
        .iter()
        .map(|m| {
            let note = MatchNote {
                line_number: m.line_number,
                line: m.line_text().chars().take(200).collect(),
                score: m.score,
                why: m.why(),
            };
            Shown::full(m.record, Some(note))
        })
        .collect();
    Section {
        title: None,
        results,
        empty: "No record matches this message. `search_errors` finds records by keywords.".into(),
        dropped: 0,
    }
}

/// Renders `answer` after trimming it to `max_tokens`, if given.
fn finish(
    mut answer: Answer,
    max_tokens: Option<u32>,
    ctx: &Ctx,
) -> (String, Answer, Option<Trimmed>) {
    let trimmed = max_tokens.map(|t| markdown::fit(&mut answer, t as usize, ctx));
    (markdown::render(&answer, ctx), answer, trimmed)
}

fn shown_list(s: &Section, ctx: &Ctx) -> Vec<Value> {
    s.results.iter().map(|r| view::shown(r, ctx)).collect()
}

/// `lookup_error`.
pub fn lookup_error(args: LookupArgs, ctx: &Ctx) -> Outcome {
    text_arg("message", &args.message)?;
    let domain = known_domain(args.domain.as_deref())?;
    let limit = in_range("limit", args.limit, 5, MAX_LIMIT)?;
    let section = lookup_section(&args.message, domain, limit);
    let answer = Answer {
        heading: format!("errdex lookup: {} match(es)", section.results.len()),
        sections: vec![section],
    };
    let (markdown, answer, trimmed) = finish(answer, args.max_tokens, ctx);
    let s = &answer.sections[0];
    Ok(Reply {
        markdown,
        structured: json!({
            "count": s.results.len(),
            "matches": shown_list(s, ctx),
            "dropped": s.dropped,
            "trimmed": trimmed,
            "lang": ctx.lang.tag(),
        }),
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
    let sections: Vec<Section> = args
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
            Section {
                title: Some(format!("Message {}: {}", i + 1, first.replace('`', "'"))),
                ..lookup_section(m, domain, limit)
            }
        })
        .collect();
    let found = sections.iter().filter(|s| !s.results.is_empty()).count();
    let answer = Answer {
        heading: format!(
            "errdex batch lookup: {found} of {} message(s) matched",
            sections.len()
        ),
        sections,
    };
    let (markdown, answer, trimmed) = finish(answer, args.max_tokens, ctx);
    let results: Vec<Value> = answer
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "index": i,
                "count": s.results.len(),
                "matches": shown_list(s, ctx),
                "dropped": s.dropped,
            })
        })
        .collect();
    Ok(Reply {
        markdown,
        structured: json!({
            "count": results.len(),
            "results": results,
            "trimmed": trimmed,
            "lang": ctx.lang.tag(),
        }),
    })
}

/// `get_error_detail`.
pub fn get_error_detail(args: IdArgs, ctx: &Ctx) -> Outcome {
    let r = record(&args.id)?;
    Ok(Reply {
        markdown: markdown::detail(r, ctx),
        structured: json!({
            "record": r,
            "freshness": ctx.freshness(r),
            "lang": ctx.lang.tag(),
        }),
    })
}

/// `search_errors`.
pub fn search_errors(args: SearchArgs, ctx: &Ctx) -> Outcome {
    text_arg("query", &args.query)?;
    let domain = known_domain(args.domain.as_deref())?;
    let limit = in_range("limit", args.limit, 5, MAX_LIMIT)?;
    let results = search(&args.query, domain, limit)
        .into_iter()
        .map(|r| Shown::full(r, None))
        .collect::<Vec<_>>();
    let answer = Answer {
        heading: format!(
            "errdex search: {} record(s) for \"{}\"",
            results.len(),
            args.query.trim()
        ),
        sections: vec![Section {
            title: None,
            results,
            empty: "No record mentions these words.".into(),
            dropped: 0,
        }],
    };
    let (markdown, answer, trimmed) = finish(answer, args.max_tokens, ctx);
    let s = &answer.sections[0];
    Ok(Reply {
        markdown,
        structured: json!({
            "count": s.results.len(),
            "results": shown_list(s, ctx),
            "dropped": s.dropped,
            "trimmed": trimmed,
            "lang": ctx.lang.tag(),
        }),
    })
}

/// `get_error_chain`.
pub fn get_error_chain(args: ChainArgs, ctx: &Ctx) -> Outcome {
    let start = record(&args.id)?;
    let depth = in_range("depth", args.depth, 2, MAX_DEPTH)?;
    let c = graph::chain(start, depth);
    let records: Vec<Value> = c
        .reached
        .iter()
        .map(|(r, d)| {
            json!({
                "id": r.id,
                "depth": d,
                "signature": ctx.lang.signature(r),
                "freshness": ctx.freshness(r),
            })
        })
        .collect();
    let links: Vec<Value> = c
        .links
        .iter()
        .map(|l| {
            json!({
                "from": l.from.id,
                "to": l.to.id,
                "relation": l.relation,
                "probability": l.probability,
                "condition": l.condition,
                "revisit": l.revisit,
            })
        })
        .collect();
    Ok(Reply {
        markdown: markdown::chain(&c, depth, ctx),
        structured: json!({
            "start": start.id,
            "depth": depth,
            "records": records,
            "links": links,
        }),
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
