//! The JSON output schema (version 1), documented in docs/json.md.
//!
//! Every document is one object with `"errdex": 1` (the schema version) and
//! `"command"`. A full record is the seed format (`errdex::Record`'s
//! `Serialize`); a summary carries the fields needed to choose a record.

use super::Failure;
use errdex::graph::{Chain, Step};
use errdex::{Date, Freshness, Record};
use serde_json::{json, Value};
use std::io::Write;

/// The schema version in every document.
pub const SCHEMA_VERSION: u32 = 1;

/// Writes one pretty-printed JSON document and a newline.
pub fn write(out: &mut dyn Write, value: &Value) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| Failure::Io(e.into()))?;
    writeln!(out)?;
    Ok(())
}

/// Writes one JSON Lines line.
pub fn write_line(out: &mut dyn Write, value: &Value) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Failure::Io(e.into()))?;
    writeln!(out)?;
    Ok(())
}

/// A document for `command` with its fields.
pub fn document(command: &str, fields: Value) -> Value {
    let mut doc = json!({ "errdex": SCHEMA_VERSION, "command": command });
    if let (Some(doc), Value::Object(fields)) = (doc.as_object_mut(), fields) {
        doc.extend(fields);
    }
    doc
}

/// `{"state", "last_confirmed", "age_days"}`.
pub fn freshness(r: &Record, today: Date) -> Value {
    let f: Freshness = r.freshness(today);
    json!({
        "state": f.as_str(),
        "last_confirmed": r.last_confirmed,
        "age_days": r.age_days(today),
    })
}

/// The fields needed to choose a record.
pub fn summary(r: &Record, today: Date) -> Value {
    json!({
        "id": r.id,
        "domain": r.domain,
        "category": r.category,
        "error_code": r.error_code,
        "signature": r.signature,
        "confidence": r.confidence,
        "fix_success_rate": r.fix_success_rate,
        "verification_tier": r.verification_tier,
        "freshness": freshness(r, today),
    })
}

/// The whole record (seed format).
pub fn record(r: &Record) -> Value {
    serde_json::to_value(r).expect("records serialize")
}

/// One edge of a chain.
pub fn step(s: &Step) -> Value {
    json!({
        "from": s.from.id,
        "to": s.to.id,
        "relation": s.relation.as_str(),
        "probability": s.probability,
        "condition": s.condition,
        "depth": s.depth,
        "seen": s.seen,
    })
}

/// A chain: its records (summaries) and edges.
pub fn chain(c: &Chain, depth: usize, today: Date) -> Value {
    document(
        "chain",
        json!({
            "start": c.start.id,
            "depth": depth,
            "records": c.records().iter().map(|r| summary(r, today)).collect::<Vec<_>>(),
            "edges": c.steps.iter().map(step).collect::<Vec<_>>(),
        }),
    )
}
