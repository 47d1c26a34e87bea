//! Build script: load the seeds, validate them, generate Rust source.
//!
//! The logic lives in `src/` modules shared with the library and the tests;
//! this file only wires them to Cargo. Inputs: the `seeds/` folder (or
//! `ERRDEX_SEEDS_DIR`), folders listed in `ERRDEX_EXTRA_SEEDS_DIRS`, and
//! `ERRDEX_STRICT=1` to turn warnings into errors.

// The shared modules also serve the library, which uses parts this script does not.
#![allow(dead_code)]

#[path = "src/codegen.rs"]
mod codegen;
#[path = "src/compile.rs"]
mod compile;
#[path = "src/date.rs"]
mod date;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/json.rs"]
mod json;
#[path = "src/nfa_op.rs"]
mod nfa_op;
#[path = "src/schema.rs"]
mod schema;
#[path = "src/search_index.rs"]
mod search_index;
#[path = "src/terms.rs"]
mod terms;
#[path = "src/validate.rs"]
mod validate;
#[path = "src/vocab.rs"]
mod vocab;

use diagnostic::Severity;
use std::path::PathBuf;
use validate::SeedDir;

const SHARED_SOURCES: &[&str] = &[
    "src/codegen.rs",
    "src/compile.rs",
    "src/nfa_op.rs",
    "src/date.rs",
    "src/diagnostic.rs",
    "src/json.rs",
    "src/schema.rs",
    "src/search_index.rs",
    "src/terms.rs",
    "src/validate.rs",
    "src/vocab.rs",
];

fn main() {
    for var in [
        "ERRDEX_SEEDS_DIR",
        "ERRDEX_EXTRA_SEEDS_DIRS",
        "ERRDEX_STRICT",
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    for src in SHARED_SOURCES {
        println!("cargo::rerun-if-changed={src}");
    }

    let dirs = seed_dirs();
    let mut outcome = validate::load(&dirs);
    for input in &outcome.inputs {
        println!("cargo::rerun-if-changed={}", input.display());
    }
    let strict = match std::env::var("ERRDEX_STRICT").as_deref() {
        Ok("1" | "true" | "yes") => true,
        Ok("0" | "false" | "no" | "") | Err(_) => false,
        Ok(other) => {
            println!("cargo::error=ERRDEX_STRICT={other:?} is not understood (expected 1 or 0)");
            return;
        }
    };
    if strict {
        outcome.make_strict();
    }
    for d in &outcome.diagnostics {
        // One diagnostic per line: Cargo reads build-script output line by line.
        let line = d.to_string().replace('\n', " ");
        match d.severity {
            Severity::Error => println!("cargo::error={line}"),
            Severity::Warning => println!("cargo::warning={line}"),
        }
    }
    let summary = diagnostic::summary(&outcome.diagnostics, outcome.files);
    if outcome.has_errors() {
        println!("cargo::error=errdex seeds: {summary}");
        return;
    }
    if outcome.records.is_empty() {
        println!("cargo::error=errdex seeds: no records found in {} (expected at least one <domain>/<slug>.json)", dirs.iter().map(|d| d.display.as_str()).collect::<Vec<_>>().join(", "));
        return;
    }

    let records: Vec<&schema::SeedRecord> = outcome.records.iter().map(|l| &l.record).collect();
    let files = match codegen::generate(&records) {
        Ok(files) => files,
        Err(errors) => {
            for e in errors {
                println!("cargo::error=errdex code generation: {e}");
            }
            return;
        }
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for f in files {
        let path = out_dir.join(f.name);
        if let Err(e) = std::fs::write(&path, f.contents) {
            println!("cargo::error=cannot write {}: {e}", path.display());
        }
    }
}

/// The seed folders: `ERRDEX_SEEDS_DIR` or the bundled `seeds/`, then `ERRDEX_EXTRA_SEEDS_DIRS`.
fn seed_dirs() -> Vec<SeedDir> {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let mut dirs = vec![match std::env::var_os("ERRDEX_SEEDS_DIR") {
        Some(dir) if !dir.is_empty() => SeedDir::new(dir),
        _ => SeedDir {
            path: manifest.join("seeds"),
            display: "seeds".to_string(),
        },
    }];
    if let Some(extra) = std::env::var_os("ERRDEX_EXTRA_SEEDS_DIRS") {
        dirs.extend(
            std::env::split_paths(&extra)
                .filter(|p| !p.as_os_str().is_empty())
                .map(SeedDir::new),
        );
    }
    dirs
}
