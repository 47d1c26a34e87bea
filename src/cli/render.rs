//! Human-readable rendering of records.

use errdex::Record;
use std::io::{self, Write};

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Writes `text` indented, wrapped at `width` columns.
fn wrapped(out: &mut dyn Write, indent: &str, text: &str, width: usize) -> io::Result<()> {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.len() + line.chars().count() + 1 + word.chars().count() > width
        {
            writeln!(out, "{indent}{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

/// The whole record, for `errdex show`.
pub fn record(out: &mut dyn Write, r: &Record) -> io::Result<()> {
    const WIDTH: usize = 100;
    let code = r
        .error_code
        .map(|c| format!(" · code {c}"))
        .unwrap_or_default();
    writeln!(out, "{}  [{} · {}{}]", r.id, r.domain, r.category, code)?;
    wrapped(out, "", r.signature, WIDTH)?;
    writeln!(out)?;
    writeln!(out, "Root cause ({}):", r.root_cause_type)?;
    wrapped(out, "  ", r.root_cause, WIDTH)?;
    if !r.dead_ends.is_empty() {
        writeln!(out)?;
        writeln!(out, "Do NOT try:")?;
        for d in r.dead_ends {
            let action = if d.action.is_empty() {
                "(unnamed)"
            } else {
                d.action
            };
            writeln!(out, "  ✗ {action}  (fails {})", pct(d.fail_rate))?;
            wrapped(out, "      ", d.why_fails, WIDTH)?;
        }
    }
    if !r.workarounds.is_empty() {
        writeln!(out)?;
        writeln!(out, "Try:")?;
        for w in r.workarounds {
            writeln!(out, "  ✓ {}  (works {})", w.action, pct(w.success_rate))?;
            if !w.condition.is_empty() {
                wrapped(out, "      when: ", w.condition, WIDTH)?;
            }
            if !w.how.is_empty() && w.how != w.action {
                wrapped(out, "      ", w.how, WIDTH)?;
            }
        }
    }
    let next: Vec<&str> = r
        .transition_graph
        .leads_to
        .iter()
        .map(|e| e.error_id)
        .collect();
    if !next.is_empty() {
        writeln!(out)?;
        writeln!(out, "Often next: {}", next.join(", "))?;
    }
    if let Some(url) = r.official_doc_url {
        writeln!(out, "Docs: {url}")?;
    }
    writeln!(
        out,
        "confidence {} · fix rate {} · resolvable {} · {} · last confirmed {}",
        pct(r.confidence),
        pct(r.fix_success_rate),
        r.resolvable,
        r.verification_tier,
        r.last_confirmed
    )?;
    Ok(())
}
