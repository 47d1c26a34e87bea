//! One function per subcommand.

use super::{json, render, Ctx, Failure, Format, FOUND, NOT_FOUND};
use errdex::diagnostic::{self, Severity};
use errdex::markdown::{Entry, MarkdownOptions};
use errdex::validate::{self, SeedDir};
use errdex::Record;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// The ids closest to `wanted` (by edit distance, then by shared prefix).
pub fn closest_ids(wanted: &str, n: usize) -> Vec<&'static str> {
    let mut scored: Vec<(usize, &'static str)> = errdex::records()
        .iter()
        .map(|r| {
            let slug = r.id.split_once('/').map_or(r.id, |(_, s)| s);
            let d = errdex::schema::edit_distance(wanted, r.id)
                .min(errdex::schema::edit_distance(wanted, slug));
            let d = if r.id.contains(wanted) { 0 } else { d };
            (d, r.id)
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, id)| id).collect()
}

/// Checks that `id` looks like a record id (`domain/slug`) before looking it up.
pub fn record_id(id: &str) -> Result<&str, Failure> {
    let id = id.trim();
    let shaped = id.len() <= 200
        && id.split_once('/').is_some_and(|(d, s)| {
            !d.is_empty()
                && !s.is_empty()
                && id
                    .bytes()
                    .filter(|&b| b != b'/')
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
    if shaped {
        Ok(id)
    } else {
        let shown: String = id.chars().take(60).collect();
        Err(Failure::Error(format!(
            "{shown:?} is not a record id (expected DOMAIN/SLUG, e.g. python/modulenotfounderror-no-module-named)"
        )))
    }
}

pub fn unknown_id(id: &str) -> Failure {
    Failure::NotFound(format!(
        "no record \"{id}\" (closest: {})",
        closest_ids(id, 3).join(", ")
    ))
}

pub fn unknown_domain(domain: &str) -> Failure {
    Failure::NotFound(format!(
        "no domain \"{domain}\" (domains: {})",
        errdex::domains().join(", ")
    ))
}

/// Checks `--domain` before anything is searched.
pub fn known_domain(domain: Option<&str>) -> Result<(), Failure> {
    match domain {
        Some(d) if !errdex::domains().contains(&d) => Err(Failure::Error(format!(
            "no domain \"{d}\" (domains: {})",
            errdex::domains().join(", ")
        ))),
        _ => Ok(()),
    }
}

/// Fails on `--budget` for commands that print no record blocks.
pub fn no_budget(ctx: &Ctx, command: &str) -> Result<(), Failure> {
    match ctx.budget {
        Some(_) => Err(Failure::Error(format!(
            "--budget applies to record blocks (lookup, scan, show, search), not to {command}"
        ))),
        None => Ok(()),
    }
}

/// Record blocks in Markdown, within the budget.
pub fn markdown(out: &mut dyn Write, ctx: &Ctx, entries: &[Entry]) -> Result<(), Failure> {
    let mut options = MarkdownOptions::default();
    options.lang = ctx.lang;
    options.today = ctx.today;
    options.budget = ctx.budget;
    out.write_all(errdex::markdown::render(entries, &options).as_bytes())?;
    Ok(())
}

/// The line that opens result `i` (from 0) of a ranked list, after a rule
/// between results.
pub fn rank_header(out: &mut dyn Write, ctx: &Ctx, i: usize, detail: &str) -> Result<(), Failure> {
    if i > 0 {
        writeln!(out, "\n{}", ctx.paint.dim(&"─".repeat(ctx.width.min(80))))?;
    }
    writeln!(
        out,
        "{} {}",
        ctx.paint.bold(&format!("#{}", i + 1)),
        ctx.paint.dim(detail)
    )?;
    Ok(())
}

pub fn show(out: &mut dyn Write, ctx: &Ctx, id: &str) -> Result<i32, Failure> {
    let id = record_id(id)?;
    let record = errdex::get(id).ok_or_else(|| unknown_id(id))?;
    match ctx.format {
        Format::Json => json::write(
            out,
            &json::document(
                "show",
                json!({ "freshness": json::freshness(record, ctx.today), "record": json::record(record) }),
            ),
        )?,
        Format::Markdown => markdown(out, ctx, &[Entry::new(record)])?,
        _ => render::record(out, ctx, record)?,
    }
    Ok(FOUND)
}

pub fn list(out: &mut dyn Write, ctx: &Ctx, domain: Option<&str>) -> Result<i32, Failure> {
    no_budget(ctx, "list")?;
    if domain.is_some_and(|d| d.trim().is_empty()) {
        return Err(Failure::Error("--domain needs a domain name".into()));
    }
    let records: Vec<&Record> = match domain {
        Some(d) => {
            let rs: Vec<&Record> = errdex::by_domain(d).collect();
            if rs.is_empty() {
                return Err(unknown_domain(d));
            }
            rs
        }
        None => errdex::records().iter().collect(),
    };
    match ctx.format {
        Format::Json => {
            let items: Vec<_> = records
                .iter()
                .map(|r| json::summary(r, ctx.today))
                .collect();
            json::write(
                out,
                &json::document(
                    "list",
                    json!({ "domain": domain, "count": items.len(), "records": items }),
                ),
            )?;
        }
        Format::Markdown => {
            let l = ctx.lang.labels();
            writeln!(
                out,
                "| id | {} | {} | {} |",
                l.error, l.fix_rate, l.knowledge
            )?;
            writeln!(out, "|---|---|---:|---|")?;
            for r in records {
                writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    r.id,
                    r.signature_in(ctx.lang).replace('|', "\\|"),
                    render::pct(r.fix_success_rate),
                    ctx.lang.freshness(r.freshness(ctx.today))
                )?;
            }
        }
        _ => {
            let id_width = records.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in records {
                let f = r.freshness(ctx.today);
                let word = ctx.lang.freshness(f);
                // The signature gets what the id and the freshness word leave.
                let room = ctx
                    .width
                    .saturating_sub(id_width + 4 + render::columns(word))
                    .max(20);
                writeln!(
                    out,
                    "{}  {}  {}",
                    ctx.paint.bold(&format!("{:id_width$}", r.id)),
                    render::clip(r.signature_in(ctx.lang), room),
                    render::freshness_word(ctx, f)
                )?;
            }
        }
    }
    Ok(FOUND)
}

pub fn stats(out: &mut dyn Write, ctx: &Ctx) -> Result<i32, Failure> {
    no_budget(ctx, "stats")?;
    let all = errdex::records();
    let mut tiers: BTreeMap<&str, usize> = BTreeMap::new();
    let mut freshness: BTreeMap<&str, usize> = BTreeMap::new();
    for r in all {
        *tiers.entry(r.verification_tier.as_str()).or_default() += 1;
        *freshness
            .entry(r.freshness(ctx.today).as_str())
            .or_default() += 1;
    }
    let edges: usize = all
        .iter()
        .map(|r| {
            let g = &r.transition_graph;
            g.leads_to.len() + g.preceded_by.len() + g.frequently_confused_with.len()
        })
        .sum();
    let mean = |f: fn(&Record) -> f64| all.iter().map(f).sum::<f64>() / all.len().max(1) as f64;
    let domains: Vec<(&str, usize)> = errdex::domains()
        .iter()
        .map(|d| (*d, errdex::by_domain(d).len()))
        .collect();
    match ctx.format {
        Format::Markdown => {
            writeln!(out, "| domain | records |")?;
            writeln!(out, "|---|---:|")?;
            for (d, n) in &domains {
                writeln!(out, "| {d} | {n} |")?;
            }
            writeln!(
                out,
                "| **all {} domains** | **{}** |",
                domains.len(),
                all.len()
            )?;
        }
        Format::Json => {
            let doc = json::document(
                "stats",
                json!({
                    "records": all.len(),
                    "domains": domains.iter().map(|(d, n)| json!({"domain": d, "records": n})).collect::<Vec<_>>(),
                    "verification_tiers": tiers,
                    "freshness": freshness,
                    "edges": edges,
                    "mean_confidence": mean(|r| r.confidence),
                    "mean_fix_success_rate": mean(|r| r.fix_success_rate),
                }),
            );
            json::write(out, &doc)?;
        }
        _ => {
            let p = ctx.paint;
            writeln!(
                out,
                "{} records in {} domains, {} graph edges",
                p.bold(&all.len().to_string()),
                domains.len(),
                edges
            )?;
            writeln!(
                out,
                "mean confidence {:.2}, mean fix success rate {:.2}",
                mean(|r| r.confidence),
                mean(|r| r.fix_success_rate)
            )?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                p.bold(&format!("{:<14} {:>7}", "domain", "records"))
            )?;
            for (d, n) in &domains {
                writeln!(out, "{d:<14} {n:>7}")?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                p.bold(&format!("{:<20} {:>7}", "verification tier", "records"))
            )?;
            for (t, n) in &tiers {
                writeln!(out, "{t:<20} {n:>7}")?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                p.bold(&format!(
                    "{:<20} {:>7}",
                    format!("knowledge on {}", ctx.today),
                    "records"
                ))
            )?;
            for (t, n) in &freshness {
                writeln!(out, "{t:<20} {n:>7}")?;
            }
        }
    }
    Ok(FOUND)
}

pub fn check(
    out: &mut dyn Write,
    dir: Option<PathBuf>,
    strict: bool,
    as_json: bool,
) -> Result<i32, Failure> {
    let dir = match dir {
        Some(d) if d.as_os_str().is_empty() => {
            return Err(Failure::Error("the seeds folder is an empty path".into()))
        }
        Some(d) => d,
        None if std::path::Path::new("seeds").is_dir() => PathBuf::from("seeds"),
        None => {
            return Err(Failure::Error(
                "no seeds folder given and ./seeds does not exist (usage: errdex check DIR)".into(),
            ))
        }
    };
    let env_strict = matches!(
        std::env::var("ERRDEX_STRICT").as_deref(),
        Ok("1" | "true" | "yes")
    );
    let mut outcome = validate::load(&[SeedDir::new(dir)]);
    if strict || env_strict {
        outcome.make_strict();
    }
    let errors = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if as_json {
        let items: Vec<_> = outcome
            .diagnostics
            .iter()
            .map(|d| {
                json!({
                    "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                    "file": d.file,
                    "line": d.pos.map(|p| p.line),
                    "column": d.pos.map(|p| p.col),
                    "path": d.path,
                    "message": d.message,
                })
            })
            .collect();
        let doc = json::document(
            "check",
            json!({
                "files": outcome.files,
                "records": outcome.records.len(),
                "errors": errors,
                "warnings": outcome.diagnostics.len() - errors,
                "diagnostics": items,
            }),
        );
        json::write(out, &doc)?;
    } else {
        for d in &outcome.diagnostics {
            let label = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            writeln!(out, "{label}: {d}")?;
        }
        writeln!(
            out,
            "{}",
            diagnostic::summary(&outcome.diagnostics, outcome.files)
        )?;
    }
    Ok(if errors > 0 { NOT_FOUND } else { FOUND })
}

fn read_message(args: &[String]) -> Result<Vec<u8>, Failure> {
    if args.is_empty() || (args.len() == 1 && args[0] == "-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .map_err(|e| Failure::Error(format!("cannot read stdin: {e}")))?;
        return Ok(buf);
    }
    Ok(args.join(" ").into_bytes())
}

pub fn lookup(
    out: &mut dyn Write,
    ctx: &Ctx,
    message: &[String],
    limit: usize,
    domain: Option<&str>,
) -> Result<i32, Failure> {
    known_domain(domain)?;
    if limit == 0 {
        return Err(Failure::Error("--limit must be at least 1".into()));
    }
    let text = read_message(message)?;
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::Error(
            "the message is empty (usage: errdex lookup \"MESSAGE\", or pipe it on stdin)".into(),
        ));
    }
    let options = errdex::Options {
        limit: Some(limit),
        domain,
    };
    let matches = errdex::lookup_bytes(&text, &options);
    match ctx.format {
        Format::Json => {
            let items: Vec<_> = matches
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    json!({
                        "rank": i + 1,
                        "id": m.record.id,
                        "score": m.score,
                        "line_number": m.line_number,
                        "line": m.line_text(),
                        "span": [m.span.start, m.span.end],
                        "key_line": m.key_line,
                        "specificity": m.specificity,
                        "why": m.why(),
                        "freshness": json::freshness(m.record, ctx.today),
                        "record": json::record(m.record),
                    })
                })
                .collect();
            json::write(
                out,
                &json::document("lookup", json!({ "count": items.len(), "matches": items })),
            )?;
        }
        Format::Markdown => {
            let l = ctx.lang.labels();
            let entries: Vec<Entry> = matches
                .iter()
                .map(|m| {
                    let line: String = m.line_text().chars().take(200).collect();
                    Entry::with_context(
                        m.record,
                        format!("{} {}: `{}`", l.line, m.line_number, line.trim()),
                    )
                })
                .collect();
            markdown(out, ctx, &entries)?;
        }
        _ => {
            for (i, m) in matches.iter().enumerate() {
                rank_header(out, ctx, i, &format!("score {:.2}; {}", m.score, m.why()))?;
                let head = format!("   {} {}: ", ctx.lang.labels().line, m.line_number);
                writeln!(
                    out,
                    "{head}{}",
                    render::clip(m.line_text().trim(), ctx.width.saturating_sub(head.len()))
                )?;
                writeln!(out)?;
                render::record(out, ctx, m.record)?;
            }
        }
    }
    if matches.is_empty() {
        return Err(Failure::NotFound("no record matches this message".into()));
    }
    Ok(FOUND)
}

pub fn scan(
    out: &mut dyn Write,
    ctx: &Ctx,
    files: &[PathBuf],
    threads: Option<usize>,
) -> Result<i32, Failure> {
    let threads =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads == 0 {
        return Err(Failure::Error("--threads must be at least 1".into()));
    }
    // Per record: count, first (file, line), last (file, line).
    let mut summary: BTreeMap<usize, (u64, String, u64, String, u64)> = BTreeMap::new();
    let mut total = 0u64;
    for path in files {
        let name = path.display().to_string();
        let mut emit = |out: &mut dyn Write, line: u64, r: usize| -> Result<(), Failure> {
            let rec = &errdex::records()[r];
            total += 1;
            let e = summary
                .entry(r)
                .or_insert((0, name.clone(), line, name.clone(), line));
            e.0 += 1;
            e.3.clone_from(&name);
            e.4 = line;
            match ctx.format {
                Format::Json => json::write_line(
                    out,
                    &json!({"type": "hit", "file": name, "line": line, "id": rec.id, "signature": rec.signature}),
                ),
                Format::Markdown => Ok(()),
                _ => {
                    writeln!(
                        out,
                        "{}: {}: {}",
                        ctx.paint.dim(&format!("{name}:{line}")),
                        ctx.paint.bold(rec.id),
                        rec.signature_in(ctx.lang)
                    )?;
                    Ok(())
                }
            }
        };
        if path.as_os_str() == "-" {
            let mut failed = None;
            errdex::scan::scan_reader(std::io::stdin().lock(), |line, _, r| {
                if failed.is_none() {
                    if let Err(e) = emit(out, line, r) {
                        failed = Some(e);
                    }
                }
            })
            .map_err(|e| Failure::Error(format!("cannot read stdin: {e}")))?;
            if let Some(e) = failed {
                return Err(e);
            }
        } else {
            let (hits, _) = scan_with_progress(path, &name, threads)
                .map_err(|e| Failure::Error(format!("cannot read {name}: {e}")))?;
            for h in hits {
                emit(out, h.line, h.record as usize)?;
            }
        }
    }
    match ctx.format {
        Format::Json => {
            for (r, (count, first_file, first, last_file, last)) in &summary {
                json::write_line(
                    out,
                    &json!({"type": "summary", "id": errdex::records()[*r].id, "count": count, "first": {"file": first_file, "line": first}, "last": {"file": last_file, "line": last}}),
                )?;
            }
            json::write_line(
                out,
                &json!({"type": "total", "errdex": json::SCHEMA_VERSION, "matching_lines": total, "records": summary.len()}),
            )?;
        }
        Format::Markdown => {
            let mut ranked: Vec<_> = summary.iter().collect();
            ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
            writeln!(out, "# {total} matching lines, {} records\n", summary.len())?;
            let entries: Vec<Entry> = ranked
                .iter()
                .map(|(r, (count, first_file, first, last_file, last))| {
                    Entry::with_context(
                        &errdex::records()[**r],
                        format!(
                            "{count} lines, first {first_file}:{first}, last {last_file}:{last}"
                        ),
                    )
                })
                .collect();
            markdown(out, ctx, &entries)?;
        }
        _ if !summary.is_empty() => {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                ctx.paint.bold(&format!(
                    "{total} matching lines, {} records:",
                    summary.len()
                ))
            )?;
            for (r, (count, first_file, first, last_file, last)) in &summary {
                let rec = &errdex::records()[*r];
                writeln!(
                    out,
                    "  {:6}  {}  (first {first_file}:{first}, last {last_file}:{last})  {}",
                    count,
                    rec.id,
                    render::freshness_word(ctx, rec.freshness(ctx.today))
                )?;
            }
        }
        _ => {}
    }
    Ok(if total > 0 { FOUND } else { NOT_FOUND })
}

/// Files at least this large show a progress line when stderr is a terminal.
const PROGRESS_MIN_BYTES: u64 = 64 << 20;

/// Scans a file on `threads` threads; on a terminal, shows how far it got.
fn scan_with_progress(
    path: &std::path::Path,
    name: &str,
    threads: usize,
) -> std::io::Result<(Vec<errdex::scan::Hit>, u64)> {
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let total = std::fs::metadata(path)?.len();
    if total < PROGRESS_MIN_BYTES || !std::io::stderr().is_terminal() {
        return errdex::scan::scan_file(path, threads);
    }
    let read = AtomicU64::new(0);
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                let n = read.load(Ordering::Relaxed);
                eprint!(
                    "\r{name}: {:3}% ({} of {} MB)",
                    n * 100 / total.max(1),
                    n >> 20,
                    total >> 20
                );
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            eprint!("\r{}\r", " ".repeat(name.len() + 32));
        });
        let result = errdex::scan::scan_file_with_progress(path, threads, &read);
        done.store(true, Ordering::Relaxed);
        result
    })
}
