//! Output formats of every command that prints records: golden files for
//! human text and Markdown (colour off, a fixed date, 100 columns), JSON
//! checked field by field, and the behaviour around them (search ranking,
//! chains with cycles, freshness, budgets, Chinese).
//!
//! `ERRDEX_BLESS=1 cargo test --test output` rewrites the golden files.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const TODAY: &str = "2026-11-25";
const REFERENCE_ID: &str = "api/websocket-close-1007-payload-data";
const MODULE_ID: &str = "python/modulenotfounderror-no-module-named";
const MODULE_MESSAGE: &str = "ModuleNotFoundError: No module named 'requests'";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn log_path() -> String {
    golden_dir()
        .join("build.log")
        .to_string_lossy()
        .into_owned()
}

/// The binary with a fixed date, width and language, colour off.
fn errdex(args: &[&str], today: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(args)
        .env("ERRDEX_TODAY", today)
        .env("COLUMNS", "100")
        .env_remove("ERRDEX_LANG")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = errdex(args, TODAY);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    let text = ok(args);
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    assert_eq!(doc["errdex"], 1, "{args:?}: schema version");
    doc
}

/// Compares with `tests/golden/<name>`, or rewrites it with ERRDEX_BLESS=1.
fn golden(name: &str, actual: &str) -> Option<String> {
    let path = golden_dir().join(name);
    if std::env::var_os("ERRDEX_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    (expected != actual).then(|| {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        format!(
            "{name} differs from the golden file at line {} (ERRDEX_BLESS=1 rewrites it):\n  expected: {:?}\n  actual:   {:?}",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        )
    })
}

#[test]
fn human_and_markdown_match_the_golden_files() {
    let log = log_path();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("show.txt", vec!["show", REFERENCE_ID]),
        (
            "show.md",
            vec!["show", REFERENCE_ID, "--format", "markdown"],
        ),
        ("show-zh.txt", vec!["show", REFERENCE_ID, "--lang", "zh"]),
        (
            "show-zh.md",
            vec!["show", REFERENCE_ID, "--format", "markdown", "--lang", "zh"],
        ),
        ("lookup.txt", vec!["lookup", MODULE_MESSAGE]),
        (
            "lookup.md",
            vec!["lookup", MODULE_MESSAGE, "--format", "markdown"],
        ),
        (
            "search.txt",
            vec!["search", "address already in use", "-n", "2"],
        ),
        (
            "search.md",
            vec![
                "search",
                "address already in use",
                "-n",
                "2",
                "--format",
                "markdown",
            ],
        ),
        ("list.txt", vec!["list", "--domain", "api"]),
        (
            "list.md",
            vec!["list", "--domain", "api", "--format", "markdown"],
        ),
        ("chain.txt", vec!["chain", MODULE_ID]),
        ("chain.md", vec!["chain", MODULE_ID, "--format", "markdown"]),
        ("chain.dot", vec!["chain", MODULE_ID, "--format", "dot"]),
        ("scan.txt", vec!["scan", &log]),
        ("scan.md", vec!["scan", &log, "--format", "markdown"]),
        ("stats.txt", vec!["stats"]),
        ("stats.md", vec!["stats", "--format", "markdown"]),
    ];
    let log_dir = golden_dir().to_string_lossy().into_owned();
    let mut failures = Vec::new();
    for (name, args) in &cases {
        // The log's folder differs between checkouts.
        let text = ok(args).replace(&log_dir, "tests/golden");
        assert!(!text.contains('\x1b'), "{name}: colour on a pipe");
        failures.extend(golden(name, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let coloured = ok(&["show", REFERENCE_ID, "--color", "always"]);
    assert!(coloured.contains("\x1b[1;31m"), "dead ends in bold red");
    let o = Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(["show", REFERENCE_ID, "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&o.stdout).contains('\x1b'));
    let plain = ok(&[
        "show",
        REFERENCE_ID,
        "--format",
        "markdown",
        "--color",
        "always",
    ]);
    assert!(!plain.contains('\x1b'), "Markdown is never coloured");
}

#[test]
fn human_output_fits_the_width() {
    for columns in ["60", "100"] {
        let o = Command::new(env!("CARGO_BIN_EXE_errdex"))
            .args(["show", MODULE_ID])
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let text = String::from_utf8(o.stdout).unwrap();
        let width: usize = columns.parse().unwrap();
        // Wrapped prose fits; commands (indented six spaces) keep their lines.
        for line in text
            .lines()
            .filter(|l| !l.starts_with("      `") && !l.contains("http"))
        {
            if line.starts_with("      ") && line.contains('`') {
                continue;
            }
            assert!(line.chars().count() <= width, "{columns} columns: {line:?}");
        }
    }
}

fn record_fields_match(doc: &Value, id: &str) {
    let r = errdex::get(id).unwrap();
    assert_eq!(doc["id"], r.id);
    assert_eq!(doc["signature"], r.signature);
    assert_eq!(doc["domain"], r.domain);
    assert_eq!(doc["confidence"], r.confidence);
    assert_eq!(
        doc["dead_ends"].as_array().unwrap().len(),
        r.dead_ends.len()
    );
    assert_eq!(doc["workarounds"][0]["how"], r.workarounds[0].how);
    assert_eq!(doc["last_confirmed"], r.last_confirmed.to_string());
}

fn freshness_fields(doc: &Value, id: &str) {
    let r = errdex::get(id).unwrap();
    assert_eq!(doc["last_confirmed"], r.last_confirmed.to_string());
    let today = errdex::Date::parse(TODAY).unwrap();
    assert_eq!(doc["state"], r.freshness(today).as_str());
    assert_eq!(doc["age_days"], r.age_days(today));
}

#[test]
fn json_documents_field_by_field() {
    let show = json(&["show", REFERENCE_ID, "--json"]);
    assert_eq!(show["command"], "show");
    record_fields_match(&show["record"], REFERENCE_ID);
    freshness_fields(&show["freshness"], REFERENCE_ID);

    let lookup = json(&["lookup", MODULE_MESSAGE, "--format", "json"]);
    assert_eq!(lookup["command"], "lookup");
    let first = &lookup["matches"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["id"], MODULE_ID);
    assert_eq!(first["line_number"], 1);
    assert_eq!(first["line"], MODULE_MESSAGE);
    assert_eq!(first["span"][0], 0);
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert_eq!(first["key_line"], true);
    record_fields_match(&first["record"], MODULE_ID);
    freshness_fields(&first["freshness"], MODULE_ID);
    assert_eq!(lookup["count"], lookup["matches"].as_array().unwrap().len());

    let search = json(&["search", "websocket payload", "--json"]);
    assert_eq!(search["command"], "search");
    assert_eq!(search["query"], "websocket payload");
    assert_eq!(search["terms"], serde_json::json!(["websocket", "payload"]));
    assert_eq!(search["hits"][0]["id"], REFERENCE_ID);
    assert_eq!(search["hits"][0]["rank"], 1);
    assert_eq!(
        search["hits"][0]["matched_terms"],
        serde_json::json!(["websocket", "payload"])
    );
    record_fields_match(&search["hits"][0]["record"], REFERENCE_ID);

    let list = json(&["list", "--domain", "api", "--json"]);
    assert_eq!(list["domain"], "api");
    let records = list["records"].as_array().unwrap();
    assert_eq!(records.len(), errdex::by_domain("api").len());
    assert_eq!(list["count"], records.len());
    for (item, r) in records.iter().zip(errdex::by_domain("api")) {
        assert_eq!(item["id"], r.id);
        assert_eq!(item["signature"], r.signature);
        assert_eq!(item["fix_success_rate"], r.fix_success_rate);
        freshness_fields(&item["freshness"], r.id);
    }

    let chain = json(&["chain", MODULE_ID, "--depth", "1", "--json"]);
    assert_eq!(chain["start"], MODULE_ID);
    assert_eq!(chain["depth"], 1);
    assert_eq!(chain["records"][0]["id"], MODULE_ID);
    let edges = chain["edges"].as_array().unwrap();
    let next = errdex::graph::next(MODULE_ID);
    assert!(!next.is_empty());
    for link in next {
        assert!(edges.iter().any(|e| e["from"] == MODULE_ID
            && e["to"] == link.record().id
            && e["relation"] == "leads_to"
            && e["probability"] == serde_json::json!(link.probability())));
    }

    let stats = json(&["stats", "--json"]);
    assert_eq!(stats["records"], errdex::records().len());
    let fresh: u64 = ["fresh", "aging", "stale"]
        .iter()
        .map(|k| stats["freshness"][k].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(fresh as usize, errdex::records().len());
}

#[test]
fn scan_json_is_json_lines() {
    let text = ok(&["scan", &log_path(), "--json"]);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let hits: Vec<&Value> = lines.iter().filter(|l| l["type"] == "hit").collect();
    assert!(hits.iter().any(|h| h["id"] == MODULE_ID && h["line"] == 6));
    let total = lines.last().unwrap();
    assert_eq!(total["type"], "total");
    assert_eq!(total["matching_lines"], hits.len());
    let summaries: Vec<&Value> = lines.iter().filter(|l| l["type"] == "summary").collect();
    assert_eq!(total["records"], summaries.len());
    let counted: u64 = summaries.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, hits.len());
}

#[test]
fn search_puts_the_known_answer_first() {
    for (query, expected) in [
        ("websocket payload data", REFERENCE_ID),
        ("merge conflict", "git/merge-conflict-content"),
        (
            "javascript heap out of memory",
            "node/javascript-heap-out-of-memory",
        ),
        (
            "externally managed environment",
            "pip/externally-managed-environment",
        ),
        ("No module named", MODULE_ID),
        ("OOMKilled", "kubernetes/oomkilled"),
    ] {
        let hits = errdex::search(query);
        assert!(!hits.is_empty(), "{query}: no hits");
        assert_eq!(hits[0].record.id, expected, "{query}");
    }
    // Inflections and case meet.
    let a: Vec<_> = errdex::search("memory limits exceeded")
        .iter()
        .map(|h| h.record.id)
        .collect();
    let b: Vec<_> = errdex::search("Memory LIMIT exceed")
        .iter()
        .map(|h| h.record.id)
        .collect();
    assert_eq!(a, b);
    // --domain filters and --limit cuts.
    let o = errdex(
        &[
            "search",
            "permission denied",
            "--domain",
            "docker",
            "-n",
            "2",
            "--json",
        ],
        TODAY,
    );
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits = doc["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["record"]["domain"] == "docker"));
}

#[test]
fn a_search_without_hits_hints_and_exits_one() {
    let o = errdex(&["search", "websockte"], TODAY);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("closest terms: ") && err.contains("websocket"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn chains_end_on_cycles() {
    // These two records lead to each other.
    let a = "pip/externally-managed-environment";
    let b = "pip/venv-ensurepip-not-available";
    assert!(errdex::graph::next(a).iter().any(|l| l.record().id == b));
    assert!(errdex::graph::next(b).iter().any(|l| l.record().id == a));
    let chain = errdex::graph::chain(a, 50).unwrap();
    let ids: Vec<&str> = chain.records().iter().map(|r| r.id).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "each record once");
    assert!(
        chain.steps.iter().any(|s| s.seen),
        "the cycle's closing edge is marked"
    );
    let text = ok(&["chain", a, "--depth", "50"]);
    assert!(text.contains("(shown above)"));
    assert_eq!(
        text.lines()
            .filter(|l| l.trim_start().starts_with(&format!("→ leads to {b}")))
            .count(),
        1
    );
}

#[test]
fn preceded_by_and_leads_to_agree_both_ways() {
    for r in errdex::records() {
        for e in r.transition_graph.preceded_by {
            assert!(
                errdex::graph::next(e.error_id)
                    .iter()
                    .any(|l| l.record().id == r.id),
                "{} is preceded by {}, so it is next of it",
                r.id,
                e.error_id
            );
        }
        for e in r.transition_graph.leads_to {
            assert!(errdex::graph::previous(e.error_id)
                .iter()
                .any(|l| l.record().id == r.id));
        }
    }
}

#[test]
fn freshness_at_fixed_dates() {
    let r = errdex::get(REFERENCE_ID).unwrap();
    let day = |offset: i64| {
        errdex::Date::from_days_since_epoch(r.last_confirmed.days_since_epoch() + offset)
            .to_string()
    };
    for (offset, state) in [
        (0, "fresh"),
        (180, "fresh"),
        (181, "aging"),
        (365, "aging"),
        (366, "stale"),
    ] {
        let today = day(offset);
        let o = errdex(&["show", REFERENCE_ID, "--json"], &today);
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(doc["freshness"]["state"], state, "{offset} days");
        assert_eq!(doc["freshness"]["age_days"], offset);
        let human = String::from_utf8(errdex(&["show", REFERENCE_ID], &today).stdout).unwrap();
        let expected = if state == "stale" { "STALE" } else { state };
        assert!(
            human.contains(&format!(
                "Knowledge: {expected} (last confirmed {})",
                r.last_confirmed
            )),
            "{human}"
        );
    }
    // Stale records are marked in lists, not hidden.
    let o = errdex(&["list", "--domain", "api"], &day(400));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), errdex::by_domain("api").len());
    assert!(text
        .lines()
        .any(|l| l.starts_with(REFERENCE_ID) && l.ends_with("STALE")));
    let bad = errdex(&["show", REFERENCE_ID], "2026-02-30");
    assert_eq!(bad.status.code(), Some(2));
}

/// Every `how` line in a Markdown answer is a whole `how` of some record.
fn hows_are_whole(text: &str) {
    for line in text.lines() {
        if let Some(how) = line.strip_prefix("  how: ") {
            let whole = errdex::records()
                .iter()
                .flat_map(|r| r.workarounds)
                .any(|w| w.how.trim().lines().next() == Some(how));
            assert!(whole, "a how was cut: {how:?}");
        }
    }
}

#[test]
fn budget_trims_results_then_items_never_a_how() {
    let log = std::fs::read_to_string(golden_dir().join("build.log")).unwrap();
    let big = format!(
        "{log}\n{}",
        errdex::records()
            .iter()
            .take(40)
            .map(|r| r.examples.first().copied().unwrap_or(r.signature))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let run = |budget: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdex"))
            .args([
                "lookup", "-n", "20", "--format", "markdown", "--budget", budget,
            ])
            .env("ERRDEX_TODAY", TODAY)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(big.as_bytes())
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8(o.stdout).unwrap()
    };
    let full = run("1000000");
    assert!(!full.contains("Trimmed"));
    assert_eq!(full.matches("\n## ").count() + 1, 20);
    let full_tokens = errdex::markdown::estimate_tokens(&full);
    for budget in [4000usize, 1500, 600] {
        let text = run(&budget.to_string());
        let tokens = errdex::markdown::estimate_tokens(&text);
        assert!(
            tokens <= budget,
            "{tokens} tokens over a budget of {budget}"
        );
        assert!(tokens < full_tokens);
        assert!(
            text.contains(&format!("_Trimmed to about {budget} tokens:")),
            "{text}"
        );
        assert!(text.starts_with("## 1. "), "the best result stays");
        hows_are_whole(&text);
    }
    // A tiny budget keeps the minimum: one result, its best dead end and workaround.
    let tiny = run("50");
    assert_eq!(tiny.matches("## ").count(), 1);
    assert_eq!(tiny.matches("(works ").count(), 1);
    hows_are_whole(&tiny);
    let o = errdex(&["show", REFERENCE_ID, "--budget", "100"], TODAY);
    assert_eq!(o.status.code(), Some(2), "--budget needs --format markdown");
}

#[test]
fn chinese_from_the_flag_and_the_environment() {
    let r = errdex::get(REFERENCE_ID).unwrap();
    let flag = ok(&["show", REFERENCE_ID, "--lang", "zh"]);
    assert!(flag.contains(r.signature_zh), "{flag}");
    assert!(flag.contains("不要尝试:") && flag.contains("可以尝试:"));
    let env = Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(["show", REFERENCE_ID])
        .env("ERRDEX_LANG", "zh_CN.UTF-8")
        .env("ERRDEX_TODAY", TODAY)
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(env.stdout).unwrap(), flag);
    // Dead ends have no translation: they stay in English under Chinese labels.
    assert!(flag.contains(r.dead_ends[0].action));
    let bad = Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(["show", REFERENCE_ID])
        .env("ERRDEX_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let text = ok(&["completions", shell]);
        assert!(
            text.contains("lookup") && text.contains("search"),
            "{shell}"
        );
    }
    let man = ok(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH errdex"),
        "{}",
        &man[..80]
    );
    assert!(man.contains("lookup"));
    assert_eq!(
        errdex(&["completions", "tcsh"], TODAY).status.code(),
        Some(2)
    );
}

#[test]
fn export_refuses_a_folder_with_files() {
    let dir = std::env::temp_dir().join(format!("errdex-export-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let o = errdex(&["export", dir.to_str().unwrap()], TODAY);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("keep.txt")).unwrap(),
        "mine"
    );
    let fresh = dir.join("out");
    let o = errdex(&["export", fresh.to_str().unwrap()], TODAY);
    assert_eq!(o.status.code(), Some(0));
    let files = errdex::records()
        .iter()
        .filter(|r| fresh.join(format!("{}.json", r.id)).is_file())
        .count();
    assert_eq!(files, errdex::records().len());
    let _ = std::fs::remove_dir_all(&dir);
}
