//! The `errdex` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn errdex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_errdex"))
}

fn run(args: &[&str]) -> Output {
    errdex()
        .args(args)
        .env_remove("ERRDEX_STRICT")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errdex-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const REFERENCE_ID: &str = "api/websocket-close-1007-payload-data";

/// The user's reference record, exactly as given (a committed copy; when the
/// shared original is beside the checkout, the copy must equal it).
fn reference_record() -> Vec<u8> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = std::fs::read(
        manifest.join("tests/fixtures/reference/seeds/api/websocket-close-1007-payload-data.json"),
    )
    .unwrap();
    if let Ok(original) = std::fs::read(manifest.join("../shared/reference/seed-record.json")) {
        assert_eq!(
            copy, original,
            "the fixture must be the reference record exactly as given"
        );
    }
    copy
}

fn folder_with_reference(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("api")).unwrap();
    let text = String::from_utf8(reference_record()).unwrap();
    std::fs::write(
        dir.join("api/websocket-close-1007-payload-data.json"),
        edit(text),
    )
    .unwrap();
    dir
}

#[test]
fn check_accepts_the_reference_record_as_given() {
    let dir = folder_with_reference("ref-ok", |t| t);
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).ends_with("0 errors, 3 warnings in 1 seed file\n"),
        "{}",
        stdout(&o)
    );
    let strict = run(&["check", "--strict", dir.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn check_rejects_a_rate_of_one_and_a_half() {
    let dir = folder_with_reference("ref-rate", |t| {
        t.replacen("\"fail_rate\": 0.95", "\"fail_rate\": 1.5", 1)
    });
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let expected = format!(
        "error: {}/api/websocket-close-1007-payload-data.json:58:20: dead_ends[1].fail_rate: found the number 1.5 (expected a number from 0 to 1)\n",
        dir.display()
    );
    assert!(stdout(&o).contains(&expected), "{}", stdout(&o));
}

#[test]
fn check_rejects_a_broken_regex() {
    let dir = folder_with_reference("ref-regex", |t| {
        t.replacen(
            "WebSocket.*close.*1007|Payload",
            "WebSocket.*(close.*1007|Payload",
            1,
        )
    });
    let o = run(&["check", "--json", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["errors"], 1);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["path"], "regex");
    assert_eq!(d["line"], 5);
    assert_eq!(
        d["message"],
        "the regex does not compile: unclosed group at offset 11 (near `WebSocket.*>>(close.*1007|Payload`) (expected Rust regex syntax)"
    );
}

#[test]
fn the_binary_alone_in_an_empty_folder_answers() {
    let dir = scratch("alone");
    let bin = dir.join("errdex");
    std::fs::copy(env!("CARGO_BIN_EXE_errdex"), &bin).unwrap();
    let alone = |args: &[&str]| {
        Command::new(&bin)
            .args(args)
            .current_dir(&dir)
            .env_clear()
            .output()
            .unwrap()
    };
    let show = alone(&["show", REFERENCE_ID]);
    assert_eq!(show.status.code(), Some(0));
    assert!(stdout(&show).contains("DO NOT TRY:"));
    let list = alone(&["list"]);
    assert!(stdout(&list).lines().any(|l| l.starts_with(REFERENCE_ID)));
    let stats = alone(&["stats", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(
        doc["records"].as_u64().unwrap() as usize,
        errdex::records().len()
    );
    let entries: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(entries.len(), 1, "nothing but the binary is in the folder");
}

#[test]
fn show_json_is_the_seed_format() {
    let o = run(&["show", "--json", REFERENCE_ID]);
    let outer: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(outer["errdex"], 1);
    assert_eq!(outer["command"], "show");
    let doc = &outer["record"];
    let r = errdex::get(REFERENCE_ID).unwrap();
    assert_eq!(doc["id"], r.id);
    assert_eq!(doc["resolvable"], "true");
    assert_eq!(doc["dead_ends"][1]["fail_rate"], r.dead_ends[1].fail_rate);
    assert_eq!(doc["first_seen"], r.first_seen.to_string());
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), errdex::schema::RECORD_FIELDS.len());
}

#[test]
fn unknown_ids_and_domains_exit_one_with_suggestions() {
    let o = run(&["show", "api/websocket-close-1007"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("errdex: no record \"api/websocket-close-1007\" (closest: api/websocket-close-1007-payload-data"), "{err}");
    let o = run(&["list", "--domain", "nosuchdomain"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no domain \"nosuchdomain\""));
}

#[test]
fn bad_usage_exits_two() {
    for args in [
        &["show"][..],
        &["frobnicate"],
        &["list", "--limit"],
        &["check", "/nonexistent/dir", "--bogus"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = run(&["check", "/nonexistent/errdex/dir"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("/nonexistent/errdex/dir: cannot read the seeds folder"));
}

#[test]
fn list_and_stats_agree_with_the_library() {
    let o = run(&["list", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        doc["count"].as_u64().unwrap() as usize,
        errdex::records().len()
    );
    let o = run(&["list", "--domain", "api"]);
    assert_eq!(stdout(&o).lines().count(), errdex::by_domain("api").len());
    let o = run(&["stats"]);
    assert!(stdout(&o).starts_with(&format!(
        "{} records in {} domains",
        errdex::records().len(),
        errdex::domains().len()
    )));
}
