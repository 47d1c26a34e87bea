//! The structured (JSON) side of answers, built from what the Markdown
//! printed so both say the same thing.

use super::markdown::Ctx;
use crate::cli::json;
use errdex::markdown::{likeliest_next, Shown};
use errdex::{Lang, Record};
use serde_json::{json, Map, Value};

/// A record in a list: identity, signature and numbers, with freshness.
pub fn brief(r: &Record, ctx: &Ctx) -> Value {
    Value::Object(brief_fields(r, ctx))
}

fn brief_fields(r: &Record, ctx: &Ctx) -> Map<String, Value> {
    let fields = json!({
        "id": r.id,
        "domain": r.domain,
        "category": r.category,
        "error_code": r.error_code,
        "signature": r.signature_in(ctx.lang),
        "confidence": r.confidence,
        "fix_success_rate": r.fix_success_rate,
        "resolvable": r.resolvable,
        "verification_tier": r.verification_tier,
        "freshness": json::freshness(r, ctx.today),
    });
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
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

/// A record in an answer, with the dead ends and workarounds printed, the
/// most likely next error and, for lookups, the matched line.
pub fn shown(r: &Record, s: &Shown, matched: Option<&MatchNote>, ctx: &Ctx) -> Value {
    let mut map = brief_fields(r, ctx);
    if let Some(m) = matched {
        map.insert("score".into(), json!(m.score));
        map.insert("line_number".into(), json!(m.line_number));
        map.insert("line".into(), json!(m.line));
        map.insert("why".into(), json!(m.why));
    }
    map.insert("root_cause".into(), json!(r.root_cause_in(ctx.lang)));
    map.insert("root_cause_type".into(), json!(r.root_cause_type));
    let dead_ends: Vec<Value> = s
        .dead_ends
        .iter()
        .map(|&i| {
            let d = &r.dead_ends[i];
            json!({
                "action": d.action,
                "why_fails": d.why_fails,
                "fail_rate": d.fail_rate,
                "condition": d.condition,
            })
        })
        .collect();
    let workarounds: Vec<Value> = s
        .workarounds
        .iter()
        .map(|&i| {
            let w = &r.workarounds[i];
            let mut o = Map::new();
            o.insert("action".into(), json!(w.action));
            o.insert("success_rate".into(), json!(w.success_rate));
            o.insert("how".into(), json!(w.how));
            o.insert("condition".into(), json!(w.condition));
            let translated = r.workaround_action_in(i, ctx.lang);
            if ctx.lang == Lang::Zh && translated != Some(w.action) {
                o.insert("translation".into(), json!(translated));
            }
            Value::Object(o)
        })
        .collect();
    map.insert("dead_ends".into(), Value::Array(dead_ends));
    map.insert("workarounds".into(), Value::Array(workarounds));
    map.insert(
        "next_likely_error".into(),
        likeliest_next(r).map_or(Value::Null, |l| {
            json!({"id": l.record().id, "probability": l.probability(), "condition": l.condition()})
        }),
    );
    Value::Object(map)
}
