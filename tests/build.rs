//! Whole-build tests: run `cargo build` on seed folders and look at what the
//! build script did. They use their own target folder (`target/build-tests`)
//! and build only the library without default features, to stay quick.

use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn target_dir() -> PathBuf {
    manifest().join("target/build-tests")
}

/// Runs `cargo build --lib` with these seed settings; returns (success, stderr).
fn cargo_build(seeds: &Path, extra: Option<&Path>, strict: bool) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(manifest())
        .args([
            "build",
            "--lib",
            "--no-default-features",
            "--quiet",
            "--color",
            "never",
        ])
        .env("CARGO_TARGET_DIR", target_dir())
        .env("ERRDEX_SEEDS_DIR", seeds)
        .env("ERRDEX_STRICT", if strict { "1" } else { "0" })
        .env_remove("ERRDEX_EXTRA_SEEDS_DIRS");
    if let Some(extra) = extra {
        cmd.env("ERRDEX_EXTRA_SEEDS_DIRS", extra);
    }
    let out = cmd.output().expect("cargo runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `OUT_DIR` the last build script run wrote to.
fn newest_out() -> PathBuf {
    let build = target_dir().join("debug/build");
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(&build).unwrap() {
        let out = entry.unwrap().path().join("out");
        if let Ok(meta) = std::fs::metadata(out.join("records.rs")) {
            let t = meta.modified().unwrap();
            if newest.as_ref().is_none_or(|(n, _)| t > *n) {
                newest = Some((t, out));
            }
        }
    }
    newest.expect("a build wrote records.rs").1
}

/// The generated files of the last build, by name.
fn generated() -> Vec<(String, Vec<u8>)> {
    let out = newest_out();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs" || x == "bin"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn copy_seeds(from: &Path, to: &Path, reverse: bool) {
    let mut files = Vec::new();
    for domain in std::fs::read_dir(from).unwrap() {
        let domain = domain.unwrap().path();
        if !domain.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&domain).unwrap() {
            files.push(f.unwrap().path());
        }
    }
    files.sort();
    if reverse {
        files.reverse();
    }
    for f in files {
        let rel = f.strip_prefix(from).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&f, &dest).unwrap();
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errdex-build-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One test, so the builds run one after another in the shared target folder.
#[test]
fn builds_are_reproducible_and_bad_seeds_fail_the_build() {
    // 1. A bad folder fails the build with the validator's diagnostic.
    let bad = manifest().join("tests/fixtures/rate-out-of-range/seeds");
    let (ok, stderr) = cargo_build(&bad, None, false);
    assert!(!ok, "the build must fail on a bad seed");
    let expected = format!(
        "{}/api/sample.json:50:20: dead_ends[1].fail_rate: found the number 1.5 (expected a number from 0 to 1)",
        bad.display()
    );
    assert!(
        stderr.contains(&expected),
        "missing diagnostic {expected:?} in:\n{stderr}"
    );
    assert!(
        stderr.contains("1 error, 0 warnings in 1 seed file"),
        "{stderr}"
    );

    // 2. Warnings fail only the strict build.
    let weak = manifest().join("tests/fixtures/warnings/seeds");
    let (ok, stderr) = cargo_build(&weak, None, true);
    assert!(!ok, "strict build must fail on warnings:\n{stderr}");
    assert!(
        stderr.contains("signature_zh: missing translation"),
        "{stderr}"
    );

    // 3. The same seeds, copied in a different order to a different place,
    //    generate byte-identical code.
    let seeds = manifest().join("seeds");
    let a = scratch("a");
    let b = scratch("b").join("nested/elsewhere");
    copy_seeds(&seeds, &a, false);
    copy_seeds(&seeds, &b, true);
    let (ok, stderr) = cargo_build(&a, None, true);
    assert!(ok, "{stderr}");
    let first = generated();
    let (ok, stderr) = cargo_build(&b, None, true);
    assert!(ok, "{stderr}");
    let second = generated();
    assert!(!first.is_empty());
    assert_eq!(first.len(), second.len());
    for ((name_a, bytes_a), (name_b, bytes_b)) in first.iter().zip(&second) {
        assert_eq!(name_a, name_b);
        assert!(
            bytes_a == bytes_b,
            "{name_a} differs between the two builds"
        );
    }
    let header = String::from_utf8_lossy(&first.iter().find(|(n, _)| n == "records.rs").unwrap().1)
        .into_owned();
    assert!(
        header.starts_with("// @generated by build.rs from seeds/ ("),
        "{}",
        &header[..80]
    );
    assert!(
        !header.contains(&*a.to_string_lossy()),
        "an absolute path leaked into generated code"
    );

    // 4. `errdex export` writes the compiled-in records back out as seeds
    //    from which the build generates the same bytes again.
    let exported = scratch("export").join("seeds");
    let out = Command::new(env!("CARGO_BIN_EXE_errdex"))
        .arg("export")
        .arg(&exported)
        .output()
        .expect("errdex runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ok, stderr) = cargo_build(&exported, None, true);
    assert!(ok, "the export does not build:\n{stderr}");
    let again = generated();
    assert_eq!(first.len(), again.len());
    for ((name_a, bytes_a), (_, bytes_b)) in first.iter().zip(&again) {
        assert!(
            bytes_a == bytes_b,
            "{name_a} differs after an export round trip"
        );
    }

    // 5. A rebuild with nothing changed does not rerun the build script;
    //    an extra seeds folder changes the output.
    let stamp = || {
        std::fs::metadata(newest_out().join("records.rs"))
            .unwrap()
            .modified()
            .unwrap()
    };
    let (ok, _) = cargo_build(&b, None, true);
    assert!(ok);
    let before = stamp();
    let (ok, _) = cargo_build(&b, None, true);
    assert!(ok);
    assert_eq!(
        before,
        stamp(),
        "nothing changed, yet the build script ran again"
    );
    let extra = scratch("extra");
    copy_seeds(
        &manifest().join("tests/fixtures/valid/seeds"),
        &extra,
        false,
    );
    let (ok, stderr) = cargo_build(&b, Some(&extra), true);
    assert!(ok, "{stderr}");
    let with_extra = generated();
    let records = String::from_utf8_lossy(
        &with_extra
            .iter()
            .find(|(n, _)| n == "records.rs")
            .unwrap()
            .1,
    )
    .into_owned();
    assert!(
        records.contains("\"api/sample\""),
        "the extra folder's record is compiled in"
    );

    for dir in [a, b, extra, exported] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Runs a cargo example from the build-test target folder.
fn cargo_example(
    name: &str,
    seeds: Option<&Path>,
    args: &[&std::ffi::OsStr],
) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.current_dir(manifest())
        .args([
            "run",
            "--quiet",
            "--release",
            "--color",
            "never",
            "--example",
            name,
            "--",
        ])
        .args(args)
        .env("CARGO_TARGET_DIR", target_dir())
        .env_remove("ERRDEX_EXTRA_SEEDS_DIRS")
        .env_remove("ERRDEX_SEEDS_DIR");
    if let Some(seeds) = seeds {
        cmd.env("ERRDEX_SEEDS_DIR", seeds);
    }
    cmd.output().expect("cargo runs")
}

/// The matcher equals the regex crate on a synthetic set of records and log
/// (built with the generator in `examples/synth.rs`), not only on the seeds.
#[test]
fn matcher_equals_the_regex_crate_on_a_synthetic_set() {
    let dir = scratch("synth");
    let seeds = dir.join("seeds");
    let log = dir.join("synth.log");
    let out = cargo_example(
        "synth",
        None,
        &[
            "--records".as_ref(),
            "400".as_ref(),
            "--out".as_ref(),
            seeds.as_os_str(),
            "--log".as_ref(),
            log.as_os_str(),
            "--log-mb".as_ref(),
            "2".as_ref(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cargo_example("equivalence", Some(&seeds), &[log.as_os_str()]);
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("400 records"), "{report}");
    assert!(report.contains(", 0 mismatching lines"), "{report}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Embedders get no async runtime, CLI or JSON stack: the library without
/// default features depends on three small crates.
#[test]
fn the_library_alone_pulls_in_no_runtime() {
    let out = Command::new(env!("CARGO"))
        .current_dir(manifest())
        .args([
            "tree",
            "--no-default-features",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    for unwanted in ["tokio", "rmcp", "clap", "serde_json", "schemars"] {
        assert!(
            !tree.lines().any(|l| l.starts_with(&format!("{unwanted} "))),
            "{unwanted} in the library's dependencies:\n{tree}"
        );
    }
    let with_mcp = Command::new(env!("CARGO"))
        .current_dir(manifest())
        .args(["tree", "-e", "normal", "--prefix", "none", "--offline"])
        .output()
        .expect("cargo runs");
    assert!(String::from_utf8_lossy(&with_mcp.stdout).contains("rmcp "));
}
