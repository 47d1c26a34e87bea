//! Loading a seeds folder and checking the records against each other.
//!
//! [`load`] reads every `<domain>/<slug>.json` below one or more folders (in
//! sorted order, so results never depend on the file system), reads each
//! record with [`schema::read_record`](crate::schema::read_record), then
//! applies the rules that need more than one file: ids equal file paths and
//! are unique, regexes compile and match their own signature, aliases and
//! examples, and transition-graph edges point at records that exist. Every
//! problem is collected; nothing stops at the first one. The same code runs in
//! `build.rs`, in `errdex check` and in the tests.

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::json::{self, Pos};
use crate::schema::{read_record, within_edit_distance, SeedRecord};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A folder of seeds and the name to show for it in diagnostics.
#[derive(Debug, Clone)]
pub struct SeedDir {
    /// Where the folder is.
    pub path: PathBuf,
    /// How diagnostics name it (`seeds` for the bundled folder).
    pub display: String,
}

impl SeedDir {
    /// A folder shown as it is named.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let display = path.display().to_string();
        SeedDir { path, display }
    }
}

/// A record that passed its own checks, with the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The record.
    pub record: SeedRecord,
    /// The file as shown in diagnostics.
    pub file: String,
    /// The file's path below its seeds folder (`api/x.json`).
    pub rel: String,
}

/// Everything found in a set of seed folders.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Records that could be read (possibly with errors reported about them).
    pub records: Vec<Loaded>,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many seed files were read.
    pub files: usize,
    /// Every path read, for `cargo:rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
}

impl Outcome {
    /// Whether any error (not warning) was found.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Turns every warning into an error (`ERRDEX_STRICT=1`).
    pub fn make_strict(&mut self) {
        for d in &mut self.diagnostics {
            d.severity = Severity::Error;
        }
    }
}

/// Loads and checks every seed below `dirs`.
///
/// Records are returned sorted by id; diagnostics sorted by file and position.
pub fn load(dirs: &[SeedDir]) -> Outcome {
    let mut out = Outcome::default();
    for dir in dirs {
        load_dir(dir, &mut out);
    }
    check_ids(&mut out);
    check_references(&mut out);
    out.records.sort_by(|a, b| a.record.id.cmp(&b.record.id));
    out.diagnostics.sort();
    out.diagnostics.dedup();
    out
}

/// Checks one seed file's text (`rel` is its path below the seeds folder).
///
/// This is [`load`] for a single file, without the checks that need other
/// records (duplicate ids, edge targets).
pub fn check_text(bytes: &[u8], file: &str, rel: &str) -> (Option<SeedRecord>, Vec<Diagnostic>) {
    let mut report = Report::new(file);
    let record = read_file(bytes, rel, &mut report);
    (record, report.diagnostics)
}

fn load_dir(dir: &SeedDir, out: &mut Outcome) {
    let mut files = Vec::new();
    let shown = dir.display.trim_end_matches('/');
    match std::fs::metadata(&dir.path) {
        Ok(m) if m.is_dir() => walk(&dir.path, "", shown, &mut files, &mut out.diagnostics),
        Ok(_) => problem(
            &mut out.diagnostics,
            shown,
            Severity::Error,
            "is not a directory (expected a folder of seed files)".into(),
        ),
        Err(e) => problem(
            &mut out.diagnostics,
            shown,
            Severity::Error,
            format!("cannot read the seeds folder: {e}"),
        ),
    }
    out.inputs.push(dir.path.clone());
    files.sort();
    for rel in files {
        let file = format!("{shown}/{rel}");
        let path = dir.path.join(&rel);
        out.files += 1;
        out.inputs.push(path.clone());
        let mut report = Report::new(&file);
        match std::fs::read(&path) {
            Err(e) => report.error(None, "", format!("cannot read the file: {e}")),
            Ok(bytes) => {
                if let Some(record) = read_file(&bytes, &rel, &mut report) {
                    out.records.push(Loaded {
                        record,
                        file: file.clone(),
                        rel,
                    });
                }
            }
        }
        out.diagnostics.append(&mut report.diagnostics);
    }
}

fn problem(diagnostics: &mut Vec<Diagnostic>, file: &str, severity: Severity, message: String) {
    diagnostics.push(Diagnostic {
        file: file.to_string(),
        pos: None,
        path: String::new(),
        severity,
        message,
    });
}

/// Collects `<domain>/<slug>.json` paths below the seeds folder `dir`
/// (`rel` is the part already walked), reporting anything else found there.
fn walk(
    dir: &Path,
    rel: &str,
    shown: &str,
    files: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let here = if rel.is_empty() {
        shown.to_string()
    } else {
        format!("{shown}/{rel}")
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return problem(
                diagnostics,
                &here,
                Severity::Error,
                format!("cannot list the folder: {e}"),
            )
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => problem(
                diagnostics,
                &here,
                Severity::Error,
                format!("cannot list the folder: {e}"),
            ),
        }
    }
    names.sort();
    for name in names {
        let Some(name) = name.to_str().map(str::to_string) else {
            problem(
                diagnostics,
                &here,
                Severity::Error,
                format!(
                    "a file name that is not UTF-8: {name:?} (expected <domain>/<slug>.json names)"
                ),
            );
            continue;
        };
        if name.starts_with('.') || name == "README.md" {
            continue;
        }
        let child_rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let at = format!("{shown}/{child_rel}");
        let path = dir.join(&name);
        let is_dir = match std::fs::metadata(&path) {
            Ok(m) if !m.is_dir() && !m.is_file() => {
                // A named pipe or a device would block or never end.
                problem(
                    diagnostics,
                    &at,
                    Severity::Error,
                    "is neither a file nor a folder (expected <domain>/<slug>.json files)".into(),
                );
                continue;
            }
            Ok(m) => m.is_dir(),
            Err(e) => {
                problem(
                    diagnostics,
                    &at,
                    Severity::Error,
                    format!("cannot read it: {e}"),
                );
                continue;
            }
        };
        match (is_dir, rel.is_empty(), name.ends_with(".json")) {
            (true, true, _) => walk(&path, &child_rel, shown, files, diagnostics),
            (true, false, _) => problem(
                diagnostics,
                &at,
                Severity::Error,
                "is a folder (expected only <slug>.json files inside a domain folder)".into(),
            ),
            (false, true, _) => problem(
                diagnostics,
                &at,
                Severity::Error,
                "is outside a domain folder (expected <domain>/<slug>.json)".into(),
            ),
            (false, false, true) => files.push(child_rel),
            (false, false, false) => problem(
                diagnostics,
                &at,
                Severity::Warning,
                "is not a seed file (expected only .json files in domain folders)".into(),
            ),
        }
    }
}

fn read_file(bytes: &[u8], rel: &str, report: &mut Report<'_>) -> Option<SeedRecord> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        report.error(
            Some(Pos { line: 1, col: 1 }),
            "",
            "the file starts with a UTF-8 byte-order mark (expected plain UTF-8 without a BOM)",
        );
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            report.error(
                Some(json::pos_of_offset(bytes, e.valid_up_to())),
                "",
                "invalid UTF-8 (expected the file to be UTF-8 text)",
            );
            return None;
        }
    };
    let value = match json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            report.error(Some(e.pos), "", format!("JSON syntax: {}", e.message));
            return None;
        }
    };
    let record = read_record(&value, report)?;
    check_record(&record, rel, report);
    Some(record)
}

/// Whether `s` is lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_record(r: &SeedRecord, rel: &str, report: &mut Report<'_>) {
    let pos = |path: &str| r.positions.get(path).copied();
    let expected_id = rel.strip_suffix(".json").unwrap_or(rel);
    match r.id.split_once('/') {
        Some((domain, slug)) if is_kebab(domain) && is_kebab(slug) => {
            if r.domain != domain {
                report.error(
                    pos("domain"),
                    "domain",
                    format!(
                        "found \"{}\" (expected \"{domain}\", the prefix of the id)",
                        r.domain
                    ),
                );
            }
        }
        _ => report.error(
            pos("id"),
            "id",
            format!(
                "found \"{}\" (expected <domain>/<slug>, both lower-case kebab-case)",
                r.id
            ),
        ),
    }
    if r.id != expected_id {
        report.error(
            pos("id"),
            "id",
            format!(
                "\"{}\" does not match the file's path {rel} (expected \"{expected_id}\")",
                r.id
            ),
        );
    }
    check_regex(r, report);
}

/// Compiles the regex as the matcher will (case-insensitive) and runs it on
/// the record's own texts.
fn check_regex(r: &SeedRecord, report: &mut Report<'_>) {
    let pos = |path: &str| r.positions.get(path).copied();
    let parsed = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&r.regex);
    if let Err(e) = parsed {
        let (offset, kind) = match &e {
            regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string()),
            regex_syntax::Error::Translate(e) => (e.span().start.offset, e.kind().to_string()),
            other => (0, other.to_string()),
        };
        report.error(
            pos("regex"),
            "regex",
            format!(
                "the regex does not compile: {kind} at offset {offset} ({}) (expected Rust regex syntax)",
                shown_at(&r.regex, offset)
            ),
        );
        return;
    }
    let regex = match regex::RegexBuilder::new(&r.regex)
        .case_insensitive(true)
        .build()
    {
        Ok(regex) => regex,
        Err(e) => {
            let first = e.to_string().lines().last().unwrap_or("").to_string();
            report.error(
                pos("regex"),
                "regex",
                format!("the regex does not compile: {first} (expected a smaller pattern)"),
            );
            return;
        }
    };
    let texts = std::iter::once(("signature".to_string(), &r.signature))
        .chain(
            r.aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("aliases[{i}]"), a)),
        )
        .chain(
            r.examples
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("examples[{i}]"), e)),
        );
    for (path, text) in texts {
        if !regex.is_match(text) {
            report.error(
                pos(&path),
                &path,
                "the record's regex does not match this text (expected the regex to match the signature, every alias and every example)",
            );
        }
    }
}

/// `…text[>>here<<]rest…` around a byte offset of a pattern.
fn shown_at(pattern: &str, offset: usize) -> String {
    let offset = (0..=offset.min(pattern.len()))
        .rev()
        .find(|&i| pattern.is_char_boundary(i))
        .unwrap_or(0);
    let (before, after) = pattern.split_at(offset);
    let before: String = before
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = after.chars().take(20).collect();
    format!("near `{before}>>{after}`")
}

fn check_ids(out: &mut Outcome) {
    let mut seen: BTreeMap<&str, &Loaded> = BTreeMap::new();
    let mut found = Vec::new();
    for loaded in &out.records {
        if let Some(first) = seen.get(loaded.record.id.as_str()) {
            found.push(Diagnostic {
                file: loaded.file.clone(),
                pos: loaded.record.positions.get("id").copied(),
                path: "id".into(),
                severity: Severity::Error,
                message: format!(
                    "duplicate id \"{}\", already used by {} (expected ids to be unique)",
                    loaded.record.id, first.file
                ),
            });
        } else {
            seen.insert(&loaded.record.id, loaded);
        }
    }
    out.diagnostics.extend(found);
}

fn check_references(out: &mut Outcome) {
    let ids: Vec<&str> = out.records.iter().map(|l| l.record.id.as_str()).collect();
    let mut found = Vec::new();
    for loaded in &out.records {
        let g = &loaded.record.transition_graph;
        for edge in g
            .leads_to
            .iter()
            .chain(&g.preceded_by)
            .chain(&g.frequently_confused_with)
        {
            if ids.contains(&edge.error_id.as_str()) {
                continue;
            }
            let hint = ids
                .iter()
                .filter_map(|id| within_edit_distance(id, &edge.error_id, 3).map(|d| (d, *id)))
                .min()
                .map_or(String::from("an existing record id"), |(_, id)| {
                    format!("an existing record id; did you mean \"{id}\"?")
                });
            found.push(Diagnostic {
                file: loaded.file.clone(),
                pos: Some(edge.pos),
                path: edge.path.clone(),
                severity: Severity::Error,
                message: format!("unknown record \"{}\" (expected {hint})", edge.error_id),
            });
        }
    }
    out.diagnostics.extend(found);
}
