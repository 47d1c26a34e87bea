//! Every validation rule has a bad-seed fixture in `tests/fixtures/<name>/`
//! and the exact diagnostics it must produce in `expected.txt` beside it
//! (`expected-strict.txt` for the strict build where warnings matter).
//! `ERRDEX_BLESS=1` rewrites the expected files; review the diff.

use errdex::diagnostic::{summary, Severity};
use errdex::validate::{load, SeedDir};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn render(dir: &Path, strict: bool) -> (String, usize) {
    let mut outcome = load(&[SeedDir {
        path: dir.join("seeds"),
        display: "seeds".into(),
    }]);
    if strict {
        outcome.make_strict();
    }
    let mut text = String::new();
    for d in &outcome.diagnostics {
        let label = if d.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        text.push_str(&format!("{label}: {d}\n"));
    }
    text.push_str(&summary(&outcome.diagnostics, outcome.files));
    text.push('\n');
    let errors = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (text, errors)
}

fn compare(dir: &Path, file: &str, actual: &str) -> Result<(), String> {
    let path = dir.join(file);
    if std::env::var_os("ERRDEX_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return Ok(());
    }
    let expected =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            path.display()
        ))
    }
}

/// Fixtures that must load without any error.
const CLEAN: &[&str] = &["valid", "reference", "warnings"];

#[test]
fn every_fixture_produces_its_exact_diagnostics() {
    let mut failures = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 25, "fixtures are missing: {names:?}");
    for dir in names {
        let name = dir.file_name().unwrap().to_str().unwrap().to_string();
        let (text, errors) = render(&dir, false);
        if CLEAN.contains(&name.as_str()) {
            if errors != 0 {
                failures.push(format!("{name}: expected no errors, got:\n{text}"));
            }
        } else if errors == 0 {
            failures.push(format!("{name}: expected at least one error, got:\n{text}"));
        }
        if let Err(e) = compare(&dir, "expected.txt", &text) {
            failures.push(e);
        }
        if name == "reference" || name == "warnings" {
            let (strict, errors) = render(&dir, true);
            if errors == 0 {
                failures.push(format!("{name}: the strict build must reject it"));
            }
            if let Err(e) = compare(&dir, "expected-strict.txt", &strict) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_fixture_is_clean_even_in_strict_mode() {
    let (text, errors) = render(&fixtures().join("valid"), true);
    assert_eq!(errors, 0, "{text}");
    assert_eq!(text, "0 errors, 0 warnings in 1 seed file\n");
}

#[test]
fn the_shipped_seeds_pass_the_strict_rules() {
    let (text, errors) = render(Path::new(env!("CARGO_MANIFEST_DIR")), true);
    assert_eq!(errors, 0, "{text}");
}

#[test]
fn duplicate_ids_across_seed_folders_are_reported() {
    let base = fixtures().join("valid/seeds");
    let outcome = load(&[
        SeedDir {
            path: base.clone(),
            display: "seeds".into(),
        },
        SeedDir {
            path: base,
            display: "extra".into(),
        },
    ]);
    let messages: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        messages,
        ["extra/api/sample.json:2:9: id: duplicate id \"api/sample\", already used by seeds/api/sample.json (expected ids to be unique)"]
    );
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let outcome = load(&[SeedDir::new("/nonexistent/errdex-seeds")]);
    assert!(outcome.has_errors());
    assert!(outcome.diagnostics[0]
        .to_string()
        .starts_with("/nonexistent/errdex-seeds: cannot read the seeds folder"));
}
