//! Property tests: the seed validator never panics and never skips a file
//! silently, whatever the file holds.
//!
//! Each case starts from a valid record (the reference record, and shipped
//! seeds) and breaks it: a value of the wrong type or out of range, numbers
//! written as strings, huge strings, deep nesting, duplicate and unknown
//! keys, a byte-order mark, invalid UTF-8, a cut anywhere, flipped bytes.
//! Whatever the mutation, the file is either accepted, or rejected with at
//! least one error that names it; when the mutation is known to be invalid,
//! the error is at the JSON path that was changed. `PROPTEST_CASES=N` runs
//! more cases.

mod support;

use errdex::diagnostic::{Diagnostic, Severity};
use errdex::validate::{check_text, load, SeedDir};
use proptest::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::config;

/// A valid seed file to mutate.
#[derive(Debug)]
struct Base {
    /// Its path below the seeds folder (`api/x.json`).
    rel: &'static str,
    /// Its text.
    text: String,
    /// Its parsed value.
    value: Value,
    /// Every JSON path in it, as diagnostics write it (`dead_ends[1].fail_rate`),
    /// with its JSON pointer (`/dead_ends/1/fail_rate`).
    paths: Vec<(String, String)>,
}

const SHIPPED: &[&str] = &[
    "rust/e0277-trait-bound-not-satisfied.json",
    "python/filenotfounderror-errno-2.json",
    "kubernetes/crashloopbackoff.json",
    "database/mongodb-e11000-duplicate-key.json",
];

/// The reference record (a copy kept as a fixture) and a few shipped seeds.
fn bases() -> &'static [Base] {
    static BASES: std::sync::OnceLock<Vec<Base>> = std::sync::OnceLock::new();
    BASES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let reference = (
            "api/websocket-close-1007-payload-data.json",
            root.join("tests/fixtures/reference/seeds/api/websocket-close-1007-payload-data.json"),
        );
        let shipped = SHIPPED
            .iter()
            .map(|rel| (*rel, root.join("seeds").join(rel)));
        std::iter::once(reference)
            .chain(shipped)
            .map(|(rel, path)| {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let value: Value = serde_json::from_str(&text).unwrap();
                let mut paths = Vec::new();
                collect_paths(&value, String::new(), String::new(), &mut paths);
                Base {
                    rel,
                    text,
                    value,
                    paths,
                }
            })
            .collect()
    })
}

fn collect_paths(v: &Value, path: String, pointer: String, out: &mut Vec<(String, String)>) {
    if !path.is_empty() {
        out.push((path.clone(), pointer.clone()));
    }
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let escaped = k.replace('~', "~0").replace('/', "~1");
                collect_paths(child, p, format!("{pointer}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_paths(child, format!("{path}[{i}]"), format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// What a mutated file must produce.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// Anything, as long as it is accepted or diagnosed.
    Anything,
    /// An error (at any path).
    Rejected,
    /// An error at this JSON path whose message contains this text.
    ErrorAt(String, String),
}

/// A mutated seed file and what it must produce.
#[derive(Clone)]
struct Case {
    base: usize,
    bytes: Vec<u8>,
    expect: Expect,
    /// The mutation, for failure messages.
    what: String,
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = String::from_utf8_lossy(&self.bytes);
        let shown: String = text.chars().take(200).collect();
        write!(
            f,
            "{} on {} ({} bytes, expecting {:?}): {shown:?}...",
            self.what,
            bases()[self.base].rel,
            self.bytes.len(),
            self.expect
        )
    }
}

/// Values that no field accepts: booleans, negative numbers, fractions
/// above 1 (not a rate, not a count), numbers beyond every range.
const INVALID_EVERYWHERE: &[&str] = &[
    "true",
    "false",
    "-1",
    "-0.5",
    "1.5",
    "1e400",
    "-1e400",
    "1E+400",
    "4294967296",
    "1e308",
    "184467440737095516160000",
];

/// Numbers written as strings; wrong wherever a number is expected.
const NUMBERS_AS_STRINGS: &[&str] = &[
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "\"0.5\"",
    "\"1e400\"",
    "\"\"",
];

/// Replacements whose verdict depends on the field: the property is only
/// that the validator does not panic and does not skip the file silently.
fn odd_values() -> Vec<String> {
    let mut v: Vec<String> = [
        "null",
        "\"\"",
        "\" \"",
        "-0",
        "-0.0",
        "0",
        "1",
        "0.5",
        "1e-400",
        "-1e-400",
        "0e0",
        "NaN",
        "Infinity",
        "-Infinity",
        "+1",
        ".5",
        "01",
        "1.",
        "\"\\ud800\"",
        "\"\\udc00\\ud800\"",
        "\"\\u0000\"",
        "\"\\q\"",
        "\"tab\there\"",
        "\"unterminated",
        "[1,]",
        "{\"a\":1,}",
        "[]",
        "{}",
        "[null]",
        "[\"\"]",
        "{\"error_id\": \"api/x\", \"probability\": null}",
        "\"api/websocket-close-1007-payload-data\"",
        "\"2024-02-30\"",
        "\"9999-12-31\"",
        "\"https://\"",
        "\"(\"",
        "\"a{1000}{1000}{1000}\"",
        "\"\\\\p{Greek}+\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("1{}", "0".repeat(400)));
    v.push(format!("0.{}1", "0".repeat(400)));
    v.push(format!("\"{}\"", "x".repeat(1 << 20)));
    v.push(format!("\"{}\"", "é".repeat(1 << 18)));
    v.push(format!("[{}]", vec!["\"a\""; 50_000].join(",")));
    v.push("[".repeat(100_000));
    v.push(format!("{}1{}", "[".repeat(64), "]".repeat(64)));
    v.push("{\"a\":".repeat(100_000));
    v
}

/// `base` with the value at `pointer` replaced by the raw JSON text `raw`.
fn replaced(base: &Base, pointer: &str, raw: &str) -> Vec<u8> {
    const MARK: &str = "\u{1}errdex-mutation\u{1}";
    let mut value = base.value.clone();
    *value.pointer_mut(pointer).expect("the path exists") = Value::String(MARK.into());
    let text = serde_json::to_string_pretty(&value).unwrap();
    let marked = serde_json::to_string(MARK).unwrap();
    assert_eq!(text.matches(&marked).count(), 1);
    text.replacen(&marked, raw, 1).into_bytes()
}

/// Values wrong for a field whose valid value has the type of `original`.
fn wrong_type_for(original: &Value, path: &str) -> &'static [&'static str] {
    let is_edge = path.starts_with("transition_graph.") && path.ends_with(']');
    match original {
        Value::String(_) => &["[]", "{\"x\": 1}", "[\"a\"]"],
        Value::Number(_) => NUMBERS_AS_STRINGS,
        Value::Array(_) => &["\"a\"", "{}", "0"],
        // An edge may also be written as a plain id string.
        Value::Object(_) if is_edge => &["[]", "0"],
        Value::Object(_) => &["[]", "0", "\"a\""],
        Value::Bool(_) | Value::Null => INVALID_EVERYWHERE,
    }
}

/// How to break a file.
#[derive(Debug, Clone)]
enum Mutation {
    /// A value that no field accepts, at a path.
    Invalid(usize, usize),
    /// A value of a type the field does not take, at a path.
    WrongType(usize, usize),
    /// An odd value, at a path.
    Odd(usize, usize),
    /// A member removed.
    Remove(usize),
    /// One key of an object written twice.
    DuplicateKey(usize, usize),
    /// A key no object takes.
    UnknownKey(usize, String),
    /// A UTF-8 byte-order mark in front.
    Bom,
    /// A byte that is never valid UTF-8, inserted.
    InvalidUtf8(usize),
    /// The file cut short.
    Truncate(usize),
    /// Random bytes changed.
    Flip(Vec<(usize, u8)>),
    /// Nothing, or only white space.
    Empty(usize),
    /// The whole file is 100,000 open brackets.
    DeepNesting,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let any_index = any::<prop::sample::Index>();
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(p, v)| Mutation::Invalid(p, v)),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(p, v)| Mutation::WrongType(p, v)),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(p, v)| Mutation::Odd(p, v)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(p, k)| Mutation::DuplicateKey(p, k)),
        1 => (any::<usize>(), "[a-z_]{1,12}|.{0,4}").prop_map(|(p, k)| Mutation::UnknownKey(p, k)),
        1 => Just(Mutation::Bom),
        1 => any::<usize>().prop_map(Mutation::InvalidUtf8),
        3 => any::<usize>().prop_map(Mutation::Truncate),
        3 => prop::collection::vec((any::<usize>(), any::<u8>()), 1..8).prop_map(Mutation::Flip),
        1 => (0..4usize).prop_map(Mutation::Empty),
        1 => any_index.prop_map(|_| Mutation::DeepNesting),
    ]
}

/// Applies `m` to base `b`, saying what the result must produce.
fn apply(b: usize, m: &Mutation) -> Case {
    let base = &bases()[b];
    let text = base.text.as_bytes();
    let path_at = |i: usize| &base.paths[i % base.paths.len()];
    let root = (String::new(), String::new());
    let objects: Vec<&(String, String)> = std::iter::once(&root)
        .chain(&base.paths)
        .filter(|(_, ptr)| {
            let v = if ptr.is_empty() {
                Some(&base.value)
            } else {
                base.value.pointer(ptr)
            };
            v.is_some_and(|v| v.as_object().is_some_and(|o| !o.is_empty()))
        })
        .collect();
    let (bytes, expect) = match m {
        Mutation::Invalid(p, v) => {
            let (path, ptr) = path_at(*p);
            let raw = INVALID_EVERYWHERE[v % INVALID_EVERYWHERE.len()];
            (
                replaced(base, ptr, raw),
                Expect::ErrorAt(path.clone(), "expected".into()),
            )
        }
        Mutation::WrongType(p, v) => {
            let (path, ptr) = path_at(*p);
            let original = base.value.pointer(ptr).unwrap();
            let choices = wrong_type_for(original, path);
            (
                replaced(base, ptr, choices[v % choices.len()]),
                Expect::ErrorAt(path.clone(), "expected".into()),
            )
        }
        Mutation::Odd(p, v) => {
            let (_, ptr) = path_at(*p);
            let odd = odd_values();
            (replaced(base, ptr, &odd[v % odd.len()]), Expect::Anything)
        }
        Mutation::Remove(p) => {
            let (path, ptr) = path_at(*p);
            let mut value = base.value.clone();
            let (parent, last) = ptr.rsplit_once('/').unwrap();
            match value.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => {}
            }
            let required = errdex::schema::REQUIRED_FIELDS.contains(&path.as_str());
            let expect = if required {
                Expect::ErrorAt(String::new(), format!("missing field \"{path}\""))
            } else {
                Expect::Anything
            };
            (serde_json::to_vec_pretty(&value).unwrap(), expect)
        }
        Mutation::DuplicateKey(o, k) => {
            let (path, ptr) = objects[o % objects.len()];
            let original = if ptr.is_empty() {
                &base.value
            } else {
                base.value.pointer(ptr).unwrap()
            };
            let map = original.as_object().unwrap();
            let key = map.keys().nth(k % map.len()).unwrap().clone();
            // The object's text with its first member written again in front.
            let inner = serde_json::to_string(original).unwrap();
            let member = format!(
                "{}:{},",
                serde_json::to_string(&key).unwrap(),
                serde_json::to_string(&map[&key]).unwrap()
            );
            let raw = format!("{{{member}{}", &inner[1..]);
            let bytes = if ptr.is_empty() {
                raw.into_bytes()
            } else {
                replaced(base, ptr, &raw)
            };
            let key_path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            (
                bytes,
                Expect::ErrorAt(key_path, format!("duplicate field {:?}", key)),
            )
        }
        Mutation::UnknownKey(o, key) => {
            let (path, ptr) = objects[o % objects.len()];
            let key = format!("x-{key}");
            let mut value = base.value.clone();
            let target = if ptr.is_empty() {
                &mut value
            } else {
                value.pointer_mut(ptr).unwrap()
            };
            target
                .as_object_mut()
                .unwrap()
                .insert(key.clone(), Value::Null);
            let key_path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            (
                serde_json::to_vec_pretty(&value).unwrap(),
                Expect::ErrorAt(key_path, "unknown field".into()),
            )
        }
        Mutation::Bom => (
            [b"\xEF\xBB\xBF".as_slice(), text].concat(),
            Expect::ErrorAt(String::new(), "byte-order mark".into()),
        ),
        Mutation::InvalidUtf8(at) => {
            let at = at % (text.len() + 1);
            (
                [&text[..at], b"\xFF", &text[at..]].concat(),
                Expect::ErrorAt(String::new(), "invalid UTF-8".into()),
            )
        }
        Mutation::Truncate(at) => {
            let at = at % text.len();
            // Cut before the closing brace, the object is unfinished.
            let end = text.iter().rposition(|&b| b == b'}').unwrap();
            let expect = if at <= end {
                Expect::Rejected
            } else {
                Expect::Anything
            };
            (text[..at].to_vec(), expect)
        }
        Mutation::Flip(flips) => {
            let mut bytes = text.to_vec();
            for &(at, byte) in flips {
                let i = at % bytes.len();
                bytes[i] = byte;
            }
            (bytes, Expect::Anything)
        }
        Mutation::Empty(n) => (
            ["", " ", "\n", "\r\n\t "][*n].as_bytes().to_vec(),
            Expect::ErrorAt(String::new(), "empty".into()),
        ),
        Mutation::DeepNesting => (
            b"[".repeat(100_000),
            Expect::ErrorAt(String::new(), "deeper".into()),
        ),
    };
    let what = match m {
        Mutation::Invalid(p, v) => format!(
            "{} at {}",
            INVALID_EVERYWHERE[v % INVALID_EVERYWHERE.len()],
            path_at(*p).0
        ),
        Mutation::WrongType(p, v) => {
            let (path, ptr) = path_at(*p);
            let choices = wrong_type_for(base.value.pointer(ptr).unwrap(), path);
            format!("{} at {path}", choices[v % choices.len()])
        }
        Mutation::Odd(p, v) => {
            let odd = odd_values();
            let raw: String = odd[v % odd.len()].chars().take(40).collect();
            format!("{raw} at {}", path_at(*p).0)
        }
        Mutation::Remove(p) => format!("{} removed", path_at(*p).0),
        other => format!("{other:?}"),
    };
    Case {
        base: b,
        bytes,
        expect,
        what,
    }
}

fn case() -> impl Strategy<Value = Case> {
    (0..bases().len(), mutation()).prop_map(|(b, m)| apply(b, &m))
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The property, for the diagnostics one file got: they all name it, and
/// the file is accepted (`read` and no error) or has an error; the expected
/// error is there. Returns whether the file was accepted.
fn judge(
    file: &str,
    read: bool,
    diagnostics: &[Diagnostic],
    expect: &Expect,
) -> Result<bool, TestCaseError> {
    for d in diagnostics {
        prop_assert_eq!(&d.file, file, "a diagnostic names another file: {}", d);
    }
    let errors = errors(diagnostics);
    prop_assert!(
        read || !errors.is_empty(),
        "{file} was rejected without an error; diagnostics: {diagnostics:?}"
    );
    let accepted = read && errors.is_empty();
    let shown = || {
        errors
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    match expect {
        Expect::Anything => {}
        Expect::Rejected => prop_assert!(!accepted, "{file} was accepted"),
        Expect::ErrorAt(path, text) => prop_assert!(
            errors
                .iter()
                .any(|d| &d.path == path && d.message.contains(text.as_str())),
            "no error at {path:?} containing {text:?}; errors:\n{}",
            shown()
        ),
    }
    Ok(accepted)
}

#[test]
fn every_base_is_accepted_as_it_is() {
    for base in bases() {
        let file = format!("seeds/{}", base.rel);
        let (record, diagnostics) = check_text(base.text.as_bytes(), &file, base.rel);
        assert!(record.is_some(), "{file}: {diagnostics:?}");
        assert!(errors(&diagnostics).is_empty(), "{file}: {diagnostics:?}");
        assert!(base.paths.len() > 50, "{file}: {} paths", base.paths.len());
    }
}

proptest! {
    #![proptest_config(config(2048))]

    #[test]
    fn check_text_accepts_or_names_the_file(case in case()) {
        let base = &bases()[case.base];
        let file = format!("seeds/{}", base.rel);
        let (record, diagnostics) = check_text(&case.bytes, &file, base.rel);
        judge(&file, record.is_some(), &diagnostics, &case.expect)?;
    }
}

/// A folder below the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("errdex-props-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Something other than a seed file in a seeds folder, and the name its
/// diagnostic must carry.
#[derive(Debug, Clone, Copy)]
enum Stray {
    /// A folder where a seed file should be: `api/folder.json/`.
    FolderAsFile,
    /// A file that is not JSON in a domain folder.
    NotJson,
    /// A seed file outside any domain folder.
    OutsideDomain,
    /// An empty seed file.
    EmptyFile,
}

impl Stray {
    fn place(self, dir: &TempDir) -> &'static str {
        match self {
            Stray::FolderAsFile => {
                std::fs::create_dir_all(dir.0.join("api/folder.json/inner")).unwrap();
                "api/folder.json"
            }
            Stray::NotJson => {
                dir.write("api/notes.txt", b"not a seed\n");
                "api/notes.txt"
            }
            Stray::OutsideDomain => {
                dir.write("loose.json", b"{}");
                "loose.json"
            }
            Stray::EmptyFile => {
                dir.write("api/empty.json", b"");
                "api/empty.json"
            }
        }
    }
}

fn stray() -> impl Strategy<Value = Stray> {
    prop_oneof![
        Just(Stray::FolderAsFile),
        Just(Stray::NotJson),
        Just(Stray::OutsideDomain),
        Just(Stray::EmptyFile),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// `load` over a folder of mutated seeds: every file is accepted or has
    /// an error naming it, every problem `check_text` finds in a file is
    /// found by `load` too, and anything else in the folder is reported.
    #[test]
    fn load_accepts_or_names_every_file(
        mutations in prop::collection::vec(prop::option::weighted(0.8, mutation()), bases().len()),
        strays in prop::collection::vec(stray(), 0..3),
    ) {
        let dir = TempDir::new("load");
        let mut cases = Vec::new();
        for (b, m) in mutations.iter().enumerate() {
            let case = match m {
                Some(m) => apply(b, m),
                None => Case {
                    base: b,
                    bytes: bases()[b].text.clone().into_bytes(),
                    expect: Expect::Anything,
                    what: "no change".into(),
                },
            };
            dir.write(bases()[b].rel, &case.bytes);
            cases.push(case);
        }
        let strays: Vec<&str> = strays.iter().map(|s| s.place(&dir)).collect();
        let outcome = load(&[SeedDir { path: dir.0.clone(), display: "seeds".into() }]);
        prop_assert_eq!(outcome.files, cases.len() + usize::from(strays.contains(&"api/empty.json")));
        for case in &cases {
            let rel = bases()[case.base].rel;
            let file = format!("seeds/{rel}");
            let mine: Vec<Diagnostic> = outcome.diagnostics.iter().filter(|d| d.file == file).cloned().collect();
            let read = outcome.records.iter().any(|l| l.file == file);
            judge(&file, read, &mine, &case.expect)?;
            // Alone, the file gets a subset of what it gets beside the others
            // (which adds checks between records: unknown edge targets).
            let (alone, alone_diagnostics) = check_text(&case.bytes, &file, rel);
            prop_assert_eq!(alone.is_some(), read);
            for d in &alone_diagnostics {
                prop_assert!(mine.contains(d), "check_text found {} but load did not", d);
            }
        }
        for rel in strays {
            let file = format!("seeds/{rel}");
            prop_assert!(
                outcome.diagnostics.iter().any(|d| d.file == file),
                "nothing reported about {}: {:?}", file, outcome.diagnostics
            );
        }
    }
}

/// The reference record cut at every byte: rejected with an error naming
/// the file whenever the cut falls before the closing brace.
#[test]
fn a_cut_at_every_byte_is_rejected_with_a_diagnostic() {
    let base = &bases()[0];
    let text = base.text.as_bytes();
    let file = format!("seeds/{}", base.rel);
    let end = text.iter().rposition(|&b| b == b'}').unwrap();
    for cut in 0..=text.len() {
        let (record, diagnostics) = check_text(&text[..cut], &file, base.rel);
        let errors = errors(&diagnostics);
        if cut <= end {
            assert!(record.is_none(), "accepted when cut at byte {cut}");
            assert!(!errors.is_empty(), "no error when cut at byte {cut}");
            assert!(errors.iter().all(|d| d.file == file && d.pos.is_some()));
        } else {
            assert!(record.is_some() && errors.is_empty(), "{diagnostics:?}");
        }
    }
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    let base = &bases()[0];
    let file = format!("seeds/{}", base.rel);
    let deep_in_a_field = replaced(base, "/tags", &"[".repeat(100_000));
    let cases: [&[u8]; 5] = [
        &b"[".repeat(100_000),
        &b"{\"a\":".repeat(100_000),
        &[b"[".repeat(100_000), b"]".repeat(100_000)].concat(),
        &[b"{\"id\":".as_slice(), &b"[".repeat(1_000_000)].concat(),
        &deep_in_a_field,
    ];
    for bytes in cases {
        let (record, diagnostics) = check_text(bytes, &file, base.rel);
        assert!(record.is_none());
        assert!(
            diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error && d.message.contains("deeper than 64")),
            "{diagnostics:?}"
        );
    }
}

#[test]
fn huge_names_and_strings_are_checked_in_reasonable_time() {
    // Suggesting the nearest field name compares names character by
    // character; a megabyte-long unknown name must not make that quadratic
    // in the size of the file.
    let base = &bases()[0];
    let file = format!("seeds/{}", base.rel);
    let huge = "x".repeat(1 << 20);
    let mut value = base.value.clone();
    value
        .as_object_mut()
        .unwrap()
        .insert(huge.clone(), Value::Null);
    value["transition_graph"]["leads_to"] = Value::Array(vec![Value::String(huge.clone())]);
    value["signature"] = Value::String(huge);
    let bytes = serde_json::to_vec(&value).unwrap();
    let started = std::time::Instant::now();
    let dir = TempDir::new("huge");
    dir.write(base.rel, &bytes);
    let outcome = load(&[SeedDir {
        path: dir.0.clone(),
        display: "seeds".into(),
    }]);
    let took = started.elapsed();
    for start in [
        "unknown field",
        "unknown record",
        "the record's regex does not match",
    ] {
        assert!(
            outcome
                .diagnostics
                .iter()
                .any(|d| d.file == file && d.message.starts_with(start)),
            "no {start:?} error"
        );
    }
    assert!(took.as_secs() < 20, "took {took:?}");
}

/// A file the validator may not read: an error naming it. Skipped where
/// permissions do not stop the test from reading (as root).
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let base = &bases()[0];
    let dir = TempDir::new("unreadable");
    dir.write(base.rel, base.text.as_bytes());
    let path = dir.0.join(base.rel);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("note: mode 000 does not stop reading here (running as root); case skipped");
        return;
    }
    let outcome = load(&[SeedDir {
        path: dir.0.clone(),
        display: "seeds".into(),
    }]);
    let file = format!("seeds/{}", base.rel);
    assert!(outcome.records.is_empty());
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.file == file && d.message.starts_with("cannot read the file")),
        "{:?}",
        outcome.diagnostics
    );
}

/// Every odd entry of a seeds folder is reported under its own name.
#[cfg(unix)]
#[test]
fn odd_entries_in_a_seeds_folder_are_each_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("entries");
    std::fs::create_dir_all(dir.0.join("api/folder.json")).unwrap();
    dir.write("api/notes.txt", b"not a seed");
    dir.write("api/data.yaml", b"id: api/data");
    dir.write("loose.json", b"{}");
    dir.write("api/empty.json", b"");
    dir.write("api/bom.json", b"\xEF\xBB\xBF{}");
    dir.write("api/binary.json", &[0x00, 0xFF, 0xFE, 0x80]);
    std::fs::create_dir_all(dir.0.join("api/nested/deeper")).unwrap();
    std::os::unix::fs::symlink(dir.0.join("missing"), dir.0.join("api/dangling.json")).unwrap();
    // A named pipe would block a reader forever.
    let fifo = dir.0.join("api/pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let has_fifo = made.is_ok_and(|s| s.success());
    std::fs::write(
        dir.0
            .join("api")
            .join(std::ffi::OsStr::from_bytes(b"bad\xFFname.json")),
        b"{}",
    )
    .unwrap();
    let outcome = load(&[SeedDir {
        path: dir.0.clone(),
        display: "seeds".into(),
    }]);
    let named = |file: &str, severity: Severity| {
        outcome
            .diagnostics
            .iter()
            .any(|d| d.file == file && d.severity == severity)
    };
    for file in [
        "seeds/api/folder.json",
        "seeds/loose.json",
        "seeds/api/empty.json",
        "seeds/api/bom.json",
        "seeds/api/binary.json",
        "seeds/api/nested",
        "seeds/api/dangling.json",
    ] {
        assert!(
            named(file, Severity::Error),
            "{file}: {:?}",
            outcome.diagnostics
        );
    }
    if has_fifo {
        assert!(
            outcome
                .diagnostics
                .iter()
                .any(|d| d.file == "seeds/api/pipe.json"
                    && d.message.contains("neither a file nor a folder")),
            "{:?}",
            outcome.diagnostics
        );
    }
    for file in ["seeds/api/notes.txt", "seeds/api/data.yaml"] {
        assert!(
            named(file, Severity::Warning),
            "{file}: {:?}",
            outcome.diagnostics
        );
    }
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|d| d.file == "seeds/api" && d.message.contains("not UTF-8")),
        "{:?}",
        outcome.diagnostics
    );
    assert!(outcome.records.is_empty());
}
