//! Human-readable rendering: records, list lines and chains.

use super::Ctx;
use errdex::graph::{Chain, Relation};
use errdex::{Freshness, Record};
use std::io::{self, Write};

pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Display width of `text` (one column per character, two for wide CJK).
pub fn columns(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// `text` cut to at most `width` columns, with `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = if is_wide(c) { 2 } else { 1 };
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` cut into lines of at most `first` columns for the first line and
/// `rest` for the others (Chinese text breaks between characters).
pub fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let room = |lines: &Vec<String>| if lines.is_empty() { first } else { rest }.max(10);
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().any(is_wide) {
            // Wide characters one by one; runs of other characters stay whole.
            let mut run = String::new();
            for c in word.chars() {
                if is_wide(c) {
                    if !run.is_empty() {
                        pieces.push(std::mem::take(&mut run));
                    }
                    pieces.push(c.to_string());
                } else {
                    run.push(c);
                }
            }
            if !run.is_empty() {
                pieces.push(run);
            }
            pieces.push(String::from(" "));
        } else {
            pieces.push(word.to_string());
            pieces.push(String::from(" "));
        }
    }
    let mut pending_space = false;
    for piece in pieces {
        if piece == " " {
            pending_space = true;
            continue;
        }
        // Wide characters join without spaces inside a word.
        let space = pending_space && used > 0;
        let w = columns(&piece) + usize::from(space);
        if used > 0 && used + w > room(&lines) {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if space && used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(&piece);
        used += columns(&piece);
        pending_space = false;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes `text` wrapped at `width` columns: the first line after `first`
/// (which may hold colour codes; `first_cols` is its visible width), the
/// others after `indent`.
pub fn hanging(
    out: &mut dyn Write,
    first: &str,
    first_cols: usize,
    indent: &str,
    text: &str,
    width: usize,
) -> io::Result<()> {
    let lines = wrap(
        text,
        width.saturating_sub(first_cols),
        width.saturating_sub(columns(indent)),
    );
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            writeln!(out, "{first}{line}")?;
        } else {
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(())
}

/// Writes `text` indented, wrapped at `width` columns.
pub fn wrapped(out: &mut dyn Write, indent: &str, text: &str, width: usize) -> io::Result<()> {
    hanging(out, indent, columns(indent), indent, text, width)
}

/// "fresh", "aging" or "STALE", coloured by state.
pub fn freshness_word(ctx: &Ctx, f: Freshness) -> String {
    let word = ctx.lang.freshness(f);
    match f {
        Freshness::Fresh => ctx.paint.green(word),
        Freshness::Aging => ctx.paint.yellow(word),
        _ => ctx.paint.bold_red(word),
    }
}

/// "fresh (last confirmed 2026-10-01)", coloured by state.
pub fn freshness(ctx: &Ctx, r: &Record) -> String {
    let l = ctx.lang.labels();
    let word = freshness_word(ctx, r.freshness(ctx.today));
    format!("{word} ({} {})", l.last_confirmed, r.last_confirmed)
}

/// The whole record, for `show`, `lookup` and `search`.
pub fn record(out: &mut dyn Write, ctx: &Ctx, r: &Record) -> io::Result<()> {
    let (p, l, width, lang) = (ctx.paint, ctx.lang.labels(), ctx.width, ctx.lang);
    let code = r
        .error_code
        .map(|c| format!(" · {} {c}", l.code))
        .unwrap_or_default();
    let meta = format!("[{} · {}{}]", r.domain, r.category, code);
    if columns(r.id) + 2 + columns(&meta) <= width {
        writeln!(out, "{}  {}", p.bold(r.id), p.dim(&meta))?;
    } else {
        writeln!(out, "{}", p.bold(r.id))?;
        writeln!(out, "{}", p.dim(&meta))?;
    }
    wrapped(out, "", r.signature_in(lang), width)?;
    writeln!(out)?;
    writeln!(out, "{} ({}):", p.bold(l.root_cause), r.root_cause_type)?;
    wrapped(out, "  ", r.root_cause_in(lang), width)?;
    if !r.dead_ends.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}:", p.bold_red(l.do_not_try))?;
        for d in r.dead_ends {
            let rate = format!("({} {})", l.fails, pct(d.fail_rate));
            let text = format!("{}  {rate}", d.action.trim());
            hanging(
                out,
                &format!("  {} ", p.red("✗")),
                4,
                "    ",
                text.trim(),
                width,
            )?;
            if !d.condition.is_empty() {
                wrapped(
                    out,
                    "      ",
                    &format!("{}: {}", l.when, d.condition),
                    width,
                )?;
            }
            wrapped(out, "      ", d.why_fails, width)?;
        }
    }
    if !r.workarounds.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}:", p.bold_green(l.try_))?;
        for (i, w) in r.workarounds.iter().enumerate() {
            let action = r.workaround_action_in(i, lang).unwrap_or(w.action);
            let text = format!("{}  ({} {})", action.trim(), l.works, pct(w.success_rate));
            hanging(
                out,
                &format!("  {} ", p.green("✓")),
                4,
                "    ",
                &text,
                width,
            )?;
            if !w.condition.is_empty() {
                wrapped(
                    out,
                    "      ",
                    &format!("{}: {}", l.when, w.condition),
                    width,
                )?;
            }
            if !w.how.trim().is_empty() && w.how.trim() != action.trim() {
                // Commands keep their lines: they are copied, not read.
                for line in w.how.trim().lines() {
                    writeln!(out, "      {}", p.cyan(line))?;
                }
            }
        }
    }
    let next: Vec<String> = errdex::graph::next(r.id)
        .iter()
        .map(|e| match e.probability() {
            Some(pr) => format!("{} ({})", e.record().id, pct(pr)),
            None => e.record().id.to_string(),
        })
        .collect();
    if !next.is_empty() {
        writeln!(out)?;
        wrapped(out, "", &format!("{}: {}", l.next, next.join(", ")), width)?;
    }
    if let Some(url) = r.official_doc_url {
        writeln!(out, "{}: {url}", l.docs)?;
    }
    writeln!(
        out,
        "{}",
        p.dim(&format!(
            "{} {} · {} {} · resolvable {} · {}",
            l.confidence,
            pct(r.confidence),
            l.fix_rate,
            pct(r.fix_success_rate),
            r.resolvable,
            r.verification_tier,
        ))
    )?;
    writeln!(out, "{}: {}", l.knowledge, freshness(ctx, r))?;
    Ok(())
}

fn relation_word(ctx: &Ctx, relation: Relation) -> (String, &'static str) {
    let l = ctx.lang.labels();
    match relation {
        Relation::LeadsTo => (ctx.paint.yellow("→"), l.leads_to),
        Relation::PrecededBy => (ctx.paint.cyan("←"), l.preceded_by),
        _ => (ctx.paint.dim("≈"), l.confused_with),
    }
}

/// A chain as an indented tree.
pub fn chain(out: &mut dyn Write, ctx: &Ctx, c: &Chain) -> io::Result<()> {
    let width = ctx.width;
    let head = format!("{}  ", c.start.id);
    writeln!(
        out,
        "{}{}",
        ctx.paint.bold(&head),
        clip(
            c.start.signature_in(ctx.lang),
            width.saturating_sub(columns(&head))
        )
    )?;
    // Depth-first over the breadth-first tree: each record's children are
    // the steps that first reached a record from it.
    fn walk(
        out: &mut dyn Write,
        ctx: &Ctx,
        c: &Chain,
        from: &Record,
        level: usize,
    ) -> io::Result<()> {
        for s in c.from(from) {
            let indent = "  ".repeat(level);
            let (arrow, word) = relation_word(ctx, s.relation);
            let mut line = format!("{indent}{arrow} {word} {}", s.to.id);
            if let Some(p) = s.probability {
                line.push_str(&format!(" ({})", pct(p)));
            }
            if s.seen {
                line.push_str(&ctx.paint.dim(" (shown above)"));
            }
            writeln!(out, "{line}")?;
            if let Some(cond) = s.condition {
                wrapped(
                    out,
                    &format!("{indent}    "),
                    &format!("{}: {cond}", ctx.lang.labels().when),
                    ctx.width,
                )?;
            }
            if !s.seen {
                walk(out, ctx, c, s.to, level + 1)?;
            }
        }
        Ok(())
    }
    walk(out, ctx, c, c.start, 1)
}
