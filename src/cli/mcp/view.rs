//! The structured (JSON) side of answers, built from the same selection as
//! the Markdown so both say the same thing.

use super::markdown::{next_likely, Ctx, Shown};
use errdex::Record;
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
        "signature": ctx.lang.signature(r),
        "confidence": r.confidence,
        "fix_success_rate": r.fix_success_rate,
        "resolvable": r.resolvable,
        "verification_tier": r.verification_tier,
        "freshness": ctx.freshness(r),
    });
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A record in an answer, with the dead ends and workarounds shown, the
/// most likely next error and, for lookups, the matched line.
pub fn shown(s: &Shown, ctx: &Ctx) -> Value {
    let r = s.record;
    let mut map = brief_fields(r, ctx);
    if let Some(m) = &s.matched {
        map.insert("score".into(), json!(m.score));
        map.insert("line_number".into(), json!(m.line_number));
        map.insert("line".into(), json!(m.line));
        map.insert("why".into(), json!(m.why));
    }
    map.insert("root_cause".into(), json!(ctx.lang.root_cause(r)));
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
            if let Some(t) = ctx.lang.workaround(r, i) {
                o.insert("translation".into(), json!(t));
            }
            Value::Object(o)
        })
        .collect();
    map.insert("dead_ends".into(), Value::Array(dead_ends));
    map.insert("workarounds".into(), Value::Array(workarounds));
    map.insert(
        "next_likely_error".into(),
        next_likely(r).map_or(
            Value::Null,
            |e| json!({"id": e.error_id, "probability": e.probability, "condition": e.condition}),
        ),
    );
    Value::Object(map)
}
