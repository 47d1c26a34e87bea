//! The seed record format, and reading one record from parsed JSON.
//!
//! A seed file holds one record (see `seeds/README.md` for the format). This
//! module turns a [`json::Value`](crate::json::Value) into a [`SeedRecord`],
//! checking everything that can be checked inside one file: field names
//! (unknown, missing, duplicated), types, closed vocabularies, number ranges,
//! dates, URLs, and the shape of the transition graph. Every problem is
//! reported, each with its JSON path and position; checks that need all
//! records at once (unique ids, references, regexes) live in
//! [`validate`](crate::validate).

use crate::date::Date;
use crate::diagnostic::Report;
use crate::json::{Kind, Member, Pos, Value};
use crate::vocab::{Os, Resolvable, RootCauseType, VerificationTier, VersionStatus};
use std::collections::BTreeMap;

/// One version entry of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedVersion {
    /// Tool and version, e.g. `ws 8.x`.
    pub version: String,
    /// The version that introduced the behaviour.
    pub introduced: Option<String>,
    /// The version that deprecated it.
    pub deprecated: Option<String>,
    /// The version that removed it.
    pub removed: Option<String>,
    /// What changed in this version.
    pub behavior_change: Option<String>,
    /// The error's state in this version.
    pub status: VersionStatus,
}

/// Something people try that does not fix the error.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedDeadEnd {
    /// What people try.
    pub action: String,
    /// Why it does not help.
    pub why_fails: String,
    /// How often it fails, from 0 to 1.
    pub fail_rate: f64,
    /// When this applies (empty: always).
    pub condition: String,
    /// Where this is documented.
    pub sources: Vec<String>,
}

/// A fix that works.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedWorkaround {
    /// The fix in one line.
    pub action: String,
    /// How often it works, from 0 to 1.
    pub success_rate: f64,
    /// The concrete command, setting or code change.
    pub how: String,
    /// When it applies (empty: always).
    pub condition: String,
    /// Where this is documented.
    pub sources: Vec<String>,
}

/// One edge of the transition graph as written in a seed.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedEdge {
    /// The record the edge points to.
    pub error_id: String,
    /// How likely the edge is, from 0 to 1.
    pub probability: Option<f64>,
    /// When the edge applies.
    pub condition: Option<String>,
    /// Where the edge is written.
    pub pos: Pos,
    /// Its JSON path.
    pub path: String,
}

/// The three edge lists of a record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeedGraph {
    /// Errors that typically come after this one.
    pub leads_to: Vec<SeedEdge>,
    /// Errors that typically come before this one.
    pub preceded_by: Vec<SeedEdge>,
    /// Errors easily mistaken for this one.
    pub frequently_confused_with: Vec<SeedEdge>,
}

/// A seed record, checked field by field.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedRecord {
    /// `<domain>/<slug>`.
    pub id: String,
    /// The error text as software prints it.
    pub signature: String,
    /// Chinese translation of the signature.
    pub signature_zh: String,
    /// A Rust regex, matched case-insensitively.
    pub regex: String,
    /// The id's prefix.
    pub domain: String,
    /// A snake_case category.
    pub category: String,
    /// A finer category.
    pub subcategory: Option<String>,
    /// Why the error happens.
    pub root_cause: String,
    /// The kind of root cause.
    pub root_cause_type: RootCauseType,
    /// Chinese translation of the root cause.
    pub root_cause_zh: String,
    /// Affected versions.
    pub versions: Vec<SeedVersion>,
    /// Notes per operating system.
    pub os_specific: Vec<(Os, String)>,
    /// What not to try.
    pub dead_ends: Vec<SeedDeadEnd>,
    /// What to try.
    pub workarounds: Vec<SeedWorkaround>,
    /// Chinese translations of the workarounds, one per workaround.
    pub workarounds_zh: Vec<String>,
    /// Related errors.
    pub transition_graph: SeedGraph,
    /// Official documentation.
    pub official_doc_url: Option<String>,
    /// Section of that documentation.
    pub official_doc_section: Option<String>,
    /// The error code, when the error has one.
    pub error_code: Option<String>,
    /// How the record was checked.
    pub verification_tier: VerificationTier,
    /// How sure the record is right.
    pub confidence: f64,
    /// How often the workarounds fix the error.
    pub fix_success_rate: f64,
    /// Whether the user can fix it.
    pub resolvable: Resolvable,
    /// When the error was first seen.
    pub first_seen: Date,
    /// When the record was last confirmed.
    pub last_confirmed: Date,
    /// When the record was last edited.
    pub last_updated: Date,
    /// Independent confirmations.
    pub evidence_count: u32,
    /// Keywords.
    pub tags: Vec<String>,
    /// Language of the English fields.
    pub locale: String,
    /// Other texts of the same error.
    pub aliases: Vec<String>,
    /// Full error lines as real software prints them.
    pub examples: Vec<String>,
    /// Position of every value read, by JSON path.
    pub positions: BTreeMap<String, Pos>,
}

/// Field names of a record in the order of the format (and of `errdex export`).
pub const RECORD_FIELDS: &[&str] = &[
    "id",
    "signature",
    "signature_zh",
    "regex",
    "domain",
    "category",
    "subcategory",
    "root_cause",
    "root_cause_type",
    "root_cause_zh",
    "versions",
    "os_specific",
    "dead_ends",
    "workarounds",
    "workarounds_zh",
    "transition_graph",
    "official_doc_url",
    "official_doc_section",
    "error_code",
    "verification_tier",
    "confidence",
    "fix_success_rate",
    "resolvable",
    "first_seen",
    "last_confirmed",
    "last_updated",
    "evidence_count",
    "tags",
    "locale",
    "aliases",
    "examples",
];

/// Fields a record must have; the others default to null, `""`, `[]` or `{}`.
pub const REQUIRED_FIELDS: &[&str] = &[
    "id",
    "signature",
    "regex",
    "domain",
    "category",
    "root_cause",
    "root_cause_type",
    "dead_ends",
    "workarounds",
    "verification_tier",
    "confidence",
    "fix_success_rate",
    "resolvable",
    "first_seen",
    "last_confirmed",
    "last_updated",
    "evidence_count",
];

const DEAD_END_FIELDS: &[&str] = &["action", "why_fails", "fail_rate", "condition", "sources"];
const WORKAROUND_FIELDS: &[&str] = &["action", "success_rate", "how", "condition", "sources"];
const VERSION_FIELDS: &[&str] = &[
    "version",
    "introduced",
    "deprecated",
    "removed",
    "behavior_change",
    "status",
];
const GRAPH_FIELDS: &[&str] = &["leads_to", "preceded_by", "frequently_confused_with"];
const EDGE_FIELDS: &[&str] = &["error_id", "probability", "condition"];

/// Reads a record from parsed JSON, reporting every problem found.
///
/// Returns `None` when an error makes the record unusable; warnings never do.
pub fn read_record(value: &Value, report: &mut Report<'_>) -> Option<SeedRecord> {
    let mut cx = Cx {
        report,
        positions: BTreeMap::new(),
    };
    let obj = cx.object(value, "", RECORD_FIELDS, REQUIRED_FIELDS)?;

    let id = cx.req(&obj, "id", Cx::nonempty_string);
    let signature = cx.req(&obj, "signature", Cx::nonempty_string);
    let signature_zh = cx.opt(&obj, "signature_zh", Cx::string);
    let regex = cx.req(&obj, "regex", Cx::nonempty_string);
    let domain = cx.req(&obj, "domain", Cx::nonempty_string);
    let category = cx.req(&obj, "category", Cx::nonempty_string);
    let subcategory = cx.opt(&obj, "subcategory", Cx::nullable_string);
    let root_cause = cx.req(&obj, "root_cause", Cx::nonempty_string);
    let root_cause_type = cx.req(&obj, "root_cause_type", |cx, v, p| {
        cx.vocab(
            v,
            p,
            RootCauseType::parse,
            RootCauseType::WHAT,
            RootCauseType::expected,
        )
    });
    let root_cause_zh = cx.opt(&obj, "root_cause_zh", Cx::string);
    let versions = cx.opt(&obj, "versions", |cx, v, p| cx.array(v, p, Cx::version));
    let os_specific = cx.opt(&obj, "os_specific", Cx::os_notes);
    let dead_ends = cx.req(&obj, "dead_ends", |cx, v, p| cx.array(v, p, Cx::dead_end));
    let workarounds = cx.req(&obj, "workarounds", |cx, v, p| {
        cx.array(v, p, Cx::workaround)
    });
    let workarounds_zh = cx.opt(&obj, "workarounds_zh", Cx::strings);
    let transition_graph = cx.opt(&obj, "transition_graph", Cx::graph);
    let official_doc_url = cx.opt(&obj, "official_doc_url", |cx, v, p| match &v.kind {
        Kind::Null => Some(None),
        _ => cx.url(v, p).map(Some),
    });
    let official_doc_section = cx.opt(&obj, "official_doc_section", Cx::nullable_string);
    let error_code = cx.opt(&obj, "error_code", Cx::error_code);
    let verification_tier = cx.req(&obj, "verification_tier", |cx, v, p| {
        cx.vocab(
            v,
            p,
            VerificationTier::parse,
            VerificationTier::WHAT,
            VerificationTier::expected,
        )
    });
    let confidence = cx.req(&obj, "confidence", Cx::rate);
    let fix_success_rate = cx.req(&obj, "fix_success_rate", Cx::rate);
    let resolvable = cx.req(&obj, "resolvable", |cx, v, p| {
        cx.vocab(
            v,
            p,
            Resolvable::parse,
            Resolvable::WHAT,
            Resolvable::expected,
        )
    });
    let first_seen = cx.req(&obj, "first_seen", Cx::date);
    let last_confirmed = cx.req(&obj, "last_confirmed", Cx::date);
    let last_updated = cx.req(&obj, "last_updated", Cx::date);
    let evidence_count = cx.req(&obj, "evidence_count", Cx::count);
    let tags = cx.opt(&obj, "tags", Cx::strings);
    let locale = cx.opt(&obj, "locale", Cx::locale);
    let aliases = cx.opt(&obj, "aliases", Cx::strings);
    let examples = cx.opt(&obj, "examples", Cx::strings);

    let record = SeedRecord {
        id: id?,
        signature: signature?,
        signature_zh: signature_zh?.unwrap_or_default(),
        regex: regex?,
        domain: domain?,
        category: category?,
        subcategory: subcategory?.flatten(),
        root_cause: root_cause?,
        root_cause_type: root_cause_type?,
        root_cause_zh: root_cause_zh?.unwrap_or_default(),
        versions: versions?.unwrap_or_default(),
        os_specific: os_specific?.unwrap_or_default(),
        dead_ends: dead_ends?,
        workarounds: workarounds?,
        workarounds_zh: workarounds_zh?.unwrap_or_default(),
        transition_graph: transition_graph?.unwrap_or_default(),
        official_doc_url: official_doc_url?.flatten(),
        official_doc_section: official_doc_section?.flatten(),
        error_code: error_code?.flatten(),
        verification_tier: verification_tier?,
        confidence: confidence?,
        fix_success_rate: fix_success_rate?,
        resolvable: resolvable?,
        first_seen: first_seen?,
        last_confirmed: last_confirmed?,
        last_updated: last_updated?,
        evidence_count: evidence_count?,
        tags: tags?.unwrap_or_default(),
        locale: locale?.unwrap_or_else(|| "en".to_string()),
        aliases: aliases?.unwrap_or_default(),
        examples: examples?.unwrap_or_default(),
        positions: std::mem::take(&mut cx.positions),
    };
    cx.record_rules(&record);
    Some(record)
}

/// The members of an object, after its names were checked.
struct Obj<'v> {
    members: &'v [Member],
    path: String,
    pos: Pos,
}

impl<'v> Obj<'v> {
    fn get(&self, key: &str) -> Option<&'v Value> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The allowed name closest to `name`, if it is close enough to be a typo.
fn closest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .filter_map(|a| {
            let limit = 2.max(a.len() / 4);
            within_edit_distance(name, a, limit).map(|d| (d, *a))
        })
        .min()
        .map(|(_, a)| a)
}

/// The edit distance between `a` and `b` if it is at most `limit`. Strings
/// whose lengths differ by more than `limit` are not compared, so a huge
/// string costs no more than its length.
pub fn within_edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return None;
    }
    Some(edit_distance(a, b)).filter(|&d| d <= limit)
}

/// Levenshtein distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn is_http_url(s: &str) -> bool {
    let rest = match s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) && !port.is_empty() {
            h
        } else {
            host
        }
    });
    !host.is_empty()
        && (host.contains('.') || host == "localhost")
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

struct Cx<'r, 'f> {
    report: &'r mut Report<'f>,
    positions: BTreeMap<String, Pos>,
}

impl Cx<'_, '_> {
    fn wrong(&mut self, v: &Value, path: &str, expected: &str) {
        self.report.error(
            Some(v.pos),
            path,
            format!("found {} (expected {expected})", v.kind.describe()),
        );
    }

    /// Checks an object's member names: duplicates, unknown and missing fields.
    fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        allowed: &[&str],
        required: &[&str],
    ) -> Option<Obj<'v>> {
        let Kind::Object(members) = &v.kind else {
            self.wrong(v, path, "an object");
            return None;
        };
        self.positions.insert(path.to_string(), v.pos);
        for (i, m) in members.iter().enumerate() {
            let member_path = join(path, &m.key);
            if let Some(first) = members[..i].iter().find(|o| o.key == m.key) {
                self.report.error(
                    Some(m.key_pos),
                    &member_path,
                    format!(
                        "duplicate field \"{}\", first written at line {} (expected each field once)",
                        m.key, first.key_pos.line
                    ),
                );
            } else if !allowed.contains(&m.key.as_str()) {
                let hint = match closest(&m.key, allowed) {
                    Some(near) => format!("a known field; did you mean \"{near}\"?"),
                    None => format!("one of: {}", allowed.join(", ")),
                };
                self.report.error(
                    Some(m.key_pos),
                    &member_path,
                    format!("unknown field \"{}\" (expected {hint})", m.key),
                );
            }
        }
        for name in required {
            if !members.iter().any(|m| m.key == *name) {
                self.report.error(
                    Some(v.pos),
                    path,
                    format!("missing field \"{name}\" (expected it in this object)"),
                );
            }
        }
        Some(Obj {
            members,
            path: path.to_string(),
            pos: v.pos,
        })
    }

    /// A required field: `None` if missing (already reported) or invalid.
    fn req<T>(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let v = obj.get(key)?;
        let path = join(&obj.path, key);
        self.positions.insert(path.clone(), v.pos);
        read(self, v, &path)
    }

    /// An optional field: `Some(None)` when absent, `None` when invalid.
    fn opt<T>(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None => Some(None),
            Some(v) => {
                let path = join(&obj.path, key);
                self.positions.insert(path.clone(), v.pos);
                read(self, v, &path).map(Some)
            }
        }
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match &v.kind {
            Kind::String(s) => Some(s.clone()),
            _ => {
                self.wrong(v, path, "a string");
                None
            }
        }
    }

    fn nonempty_string(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if s.trim().is_empty() {
            self.report.error(
                Some(v.pos),
                path,
                "found an empty string (expected a non-empty string)",
            );
            return None;
        }
        Some(s)
    }

    fn nullable_string(&mut self, v: &Value, path: &str) -> Option<Option<String>> {
        match &v.kind {
            Kind::Null => Some(None),
            Kind::String(s) => Some(Some(s.clone())),
            _ => {
                self.wrong(v, path, "a string or null");
                None
            }
        }
    }

    fn error_code(&mut self, v: &Value, path: &str) -> Option<Option<String>> {
        let code = self.nullable_string(v, path)?;
        if let Some(c) = &code {
            if c.trim().is_empty()
                || c.trim() != c
                || c.chars().any(char::is_control)
                || c.len() > 64
            {
                self.report.error(
                    Some(v.pos),
                    path,
                    format!(
                        "found {:?} (expected null or a code of 1 to 64 characters without surrounding spaces)",
                        c
                    ),
                );
                return None;
            }
        }
        Some(code)
    }

    fn strings(&mut self, v: &Value, path: &str) -> Option<Vec<String>> {
        self.array(v, path, Cx::string)
    }

    fn array<T>(
        &mut self,
        v: &Value,
        path: &str,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Kind::Array(items) = &v.kind else {
            self.wrong(v, path, "an array");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, it) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            self.positions.insert(p.clone(), it.pos);
            match item(self, it, &p) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn number(&mut self, v: &Value, path: &str, expected: &str) -> Option<f64> {
        match &v.kind {
            Kind::Number(n, _) if n.is_finite() => Some(*n),
            _ => {
                self.wrong(v, path, expected);
                None
            }
        }
    }

    fn rate(&mut self, v: &Value, path: &str) -> Option<f64> {
        const EXPECTED: &str = "a number from 0 to 1";
        let n = self.number(v, path, EXPECTED)?;
        if !(0.0..=1.0).contains(&n) {
            self.wrong(v, path, EXPECTED);
            return None;
        }
        Some(n)
    }

    fn count(&mut self, v: &Value, path: &str) -> Option<u32> {
        const EXPECTED: &str = "a whole number from 0 to 4294967295";
        let n = self.number(v, path, EXPECTED)?;
        let integral = matches!(&v.kind, Kind::Number(_, text) if !text.contains(['.', 'e', 'E']));
        if !integral || !(0.0..=f64::from(u32::MAX)).contains(&n) {
            self.wrong(v, path, EXPECTED);
            return None;
        }
        Some(n as u32)
    }

    fn vocab<T>(
        &mut self,
        v: &Value,
        path: &str,
        parse: fn(&str) -> Option<T>,
        what: &str,
        expected: fn() -> String,
    ) -> Option<T> {
        let parsed = match &v.kind {
            Kind::String(s) => parse(s),
            _ => None,
        };
        if parsed.is_none() {
            self.wrong(v, path, &format!("a {what}: one of {}", expected()));
        }
        parsed
    }

    fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(_) => {
                self.wrong(v, path, "a real calendar date written YYYY-MM-DD");
                None
            }
        }
    }

    fn url(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if !is_http_url(&s) {
            self.wrong(v, path, "an absolute http:// or https:// URL");
            return None;
        }
        Some(s)
    }

    fn locale(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        let ok = !s.is_empty()
            && s.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if !ok {
            self.wrong(v, path, "a language tag such as \"en\" or \"en-US\"");
            return None;
        }
        Some(s)
    }

    fn version(&mut self, v: &Value, path: &str) -> Option<SeedVersion> {
        let obj = self.object(v, path, VERSION_FIELDS, &["version", "status"])?;
        let version = self.req(&obj, "version", Cx::nonempty_string);
        let introduced = self.opt(&obj, "introduced", Cx::nullable_string);
        let deprecated = self.opt(&obj, "deprecated", Cx::nullable_string);
        let removed = self.opt(&obj, "removed", Cx::nullable_string);
        let behavior_change = self.opt(&obj, "behavior_change", Cx::nullable_string);
        let status = self.req(&obj, "status", |cx, v, p| {
            cx.vocab(
                v,
                p,
                VersionStatus::parse,
                VersionStatus::WHAT,
                VersionStatus::expected,
            )
        });
        Some(SeedVersion {
            version: version?,
            introduced: introduced?.flatten(),
            deprecated: deprecated?.flatten(),
            removed: removed?.flatten(),
            behavior_change: behavior_change?.flatten(),
            status: status?,
        })
    }

    fn os_notes(&mut self, v: &Value, path: &str) -> Option<Vec<(Os, String)>> {
        let names: Vec<&str> = Os::ALL.iter().map(|o| o.as_str()).collect();
        let obj = self.object(v, path, &names, &[])?;
        let mut out = Vec::new();
        let mut ok = true;
        for m in obj.members {
            let Some(os) = Os::parse(&m.key) else {
                ok = false;
                continue;
            };
            let p = join(path, &m.key);
            self.positions.insert(p.clone(), m.value.pos);
            match self.string(&m.value, &p) {
                Some(note) if !out.iter().any(|(o, _)| *o == os) => out.push((os, note)),
                Some(_) => {}
                None => ok = false,
            }
        }
        out.sort_by_key(|(os, _)| *os);
        ok.then_some(out)
    }

    fn sources(&mut self, v: &Value, path: &str) -> Option<Vec<String>> {
        self.array(v, path, Cx::url)
    }

    fn dead_end(&mut self, v: &Value, path: &str) -> Option<SeedDeadEnd> {
        let obj = self.object(
            v,
            path,
            DEAD_END_FIELDS,
            &["action", "why_fails", "fail_rate"],
        )?;
        let action = self.req(&obj, "action", Cx::string);
        let why_fails = self.req(&obj, "why_fails", Cx::nonempty_string);
        let fail_rate = self.req(&obj, "fail_rate", Cx::rate);
        let condition = self.opt(&obj, "condition", Cx::string);
        let sources = self.opt(&obj, "sources", Cx::sources);
        Some(SeedDeadEnd {
            action: action?,
            why_fails: why_fails?,
            fail_rate: fail_rate?,
            condition: condition?.unwrap_or_default(),
            sources: sources?.unwrap_or_default(),
        })
    }

    fn workaround(&mut self, v: &Value, path: &str) -> Option<SeedWorkaround> {
        let obj = self.object(v, path, WORKAROUND_FIELDS, &["action", "success_rate"])?;
        let action = self.req(&obj, "action", Cx::string);
        let success_rate = self.req(&obj, "success_rate", Cx::rate);
        let how = self.opt(&obj, "how", Cx::string);
        let condition = self.opt(&obj, "condition", Cx::string);
        let sources = self.opt(&obj, "sources", Cx::sources);
        Some(SeedWorkaround {
            action: action?,
            success_rate: success_rate?,
            how: how?.unwrap_or_default(),
            condition: condition?.unwrap_or_default(),
            sources: sources?.unwrap_or_default(),
        })
    }

    fn graph(&mut self, v: &Value, path: &str) -> Option<SeedGraph> {
        let obj = self.object(v, path, GRAPH_FIELDS, &[])?;
        let leads_to = self.opt(&obj, "leads_to", |cx, v, p| cx.array(v, p, Cx::edge));
        let preceded_by = self.opt(&obj, "preceded_by", |cx, v, p| cx.array(v, p, Cx::edge));
        let confused = self.opt(&obj, "frequently_confused_with", |cx, v, p| {
            cx.array(v, p, Cx::edge)
        });
        Some(SeedGraph {
            leads_to: leads_to?.unwrap_or_default(),
            preceded_by: preceded_by?.unwrap_or_default(),
            frequently_confused_with: confused?.unwrap_or_default(),
        })
    }

    fn edge(&mut self, v: &Value, path: &str) -> Option<SeedEdge> {
        if let Kind::String(id) = &v.kind {
            return Some(SeedEdge {
                error_id: id.clone(),
                probability: None,
                condition: None,
                pos: v.pos,
                path: path.to_string(),
            });
        }
        if !matches!(v.kind, Kind::Object(_)) {
            self.wrong(
                v,
                path,
                "a record id string or an object {\"error_id\", \"probability\", \"condition\"}",
            );
            return None;
        }
        let obj = self.object(v, path, EDGE_FIELDS, &["error_id"])?;
        let error_id = self.req(&obj, "error_id", Cx::nonempty_string);
        let probability = self.opt(&obj, "probability", |cx, v, p| match v.kind {
            Kind::Null => Some(None),
            _ => cx.rate(v, p).map(Some),
        });
        let condition = self.opt(&obj, "condition", Cx::nullable_string);
        Some(SeedEdge {
            error_id: error_id?,
            probability: probability?.flatten(),
            condition: condition?.flatten().filter(|c| !c.is_empty()),
            pos: obj.pos,
            path: path.to_string(),
        })
    }

    /// Rules that relate fields of one record to each other.
    fn record_rules(&mut self, r: &SeedRecord) {
        let pos = |path: &str| r.positions.get(path).copied();
        for (field, date) in [
            ("last_confirmed", r.last_confirmed),
            ("last_updated", r.last_updated),
        ] {
            if r.first_seen > date {
                self.report.error(
                    pos("first_seen"),
                    "first_seen",
                    format!(
                        "first_seen {} is after {field} {date} (expected first_seen on or before {field})",
                        r.first_seen
                    ),
                );
            }
        }
        if !r.workarounds_zh.is_empty() && r.workarounds_zh.len() != r.workarounds.len() {
            self.report.error(
                pos("workarounds_zh"),
                "workarounds_zh",
                format!(
                    "found {} translations for {} workarounds (expected none, or one per workaround)",
                    r.workarounds_zh.len(),
                    r.workarounds.len()
                ),
            );
        }
        let edges = [
            &r.transition_graph.leads_to,
            &r.transition_graph.preceded_by,
            &r.transition_graph.frequently_confused_with,
        ];
        for edge in edges.into_iter().flatten() {
            if edge.error_id == r.id {
                self.report.error(
                    Some(edge.pos),
                    &edge.path,
                    format!(
                        "the edge points to its own record \"{}\" (expected another record's id)",
                        r.id
                    ),
                );
            }
        }
        self.warnings(r);
    }

    /// What is legal but weak: warnings (errors in strict mode).
    fn warnings(&mut self, r: &SeedRecord) {
        let pos = |path: &str| r.positions.get(path).copied();
        for (i, d) in r.dead_ends.iter().enumerate() {
            if d.action.trim().is_empty() {
                let p = format!("dead_ends[{i}].action");
                self.report.warn(
                    pos(&p),
                    &p,
                    "empty action (expected what people try, in words)",
                );
            }
        }
        for (i, w) in r.workarounds.iter().enumerate() {
            if w.action.trim().is_empty() {
                let p = format!("workarounds[{i}].action");
                self.report
                    .warn(pos(&p), &p, "empty action (expected the fix in one line)");
            }
            if w.how.trim().is_empty() {
                let p = format!("workarounds[{i}]");
                self.report.warn(
                    pos(&p),
                    &format!("{p}.how"),
                    "no how (expected the concrete command, setting or code change)",
                );
            }
        }
        if r.dead_ends.is_empty() {
            self.report.warn(
                pos("dead_ends"),
                "dead_ends",
                "no dead ends (expected at least one thing that does not work)",
            );
        }
        if r.workarounds.is_empty() {
            self.report.warn(
                pos("workarounds"),
                "workarounds",
                "no workarounds (expected at least one fix)",
            );
        }
        for (field, text) in [
            ("signature_zh", &r.signature_zh),
            ("root_cause_zh", &r.root_cause_zh),
        ] {
            if text.trim().is_empty() {
                self.report.warn(
                    pos(field),
                    field,
                    "missing translation (expected a Chinese text)",
                );
            }
        }
        if r.workarounds_zh.is_empty() && !r.workarounds.is_empty() {
            self.report.warn(
                pos("workarounds_zh"),
                "workarounds_zh",
                "missing translations (expected one Chinese text per workaround)",
            );
        } else if r.workarounds_zh.iter().any(|t| t.trim().is_empty()) {
            self.report.warn(
                pos("workarounds_zh"),
                "workarounds_zh",
                "an empty translation (expected a Chinese text)",
            );
        }
        let cited = r.dead_ends.iter().any(|d| !d.sources.is_empty())
            || r.workarounds.iter().any(|w| !w.sources.is_empty());
        if !cited {
            self.report.warn(
                None,
                "",
                "no sources (expected at least one URL in a dead end's or workaround's sources)",
            );
        }
        if r.official_doc_url.is_none() {
            self.report.warn(
                pos("official_doc_url"),
                "official_doc_url",
                "no official documentation (expected a URL)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for good in [
            "https://a.b/c#d",
            "http://localhost:8080/x",
            "https://docs.rs/",
        ] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in [
            "ftp://a.b",
            "https://",
            "https://a b.c",
            "docs.rs",
            "https://nodot/x",
            "https://a.b/ c",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn typo_suggestion() {
        assert_eq!(closest("sigature", RECORD_FIELDS), Some("signature"));
        assert_eq!(closest("zzzzzz", RECORD_FIELDS), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
