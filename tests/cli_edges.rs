//! Bad command lines: every subcommand with missing, empty and absurd
//! arguments ends with one line on stderr and exit code 2, never a panic or
//! a backtrace; a closed stdout ends quietly.

use std::io::Read;
use std::process::{Command, Stdio};

fn run(args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .env_remove("ERRDEX_LANG")
        .env_remove("ERRDEX_TODAY")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn bad_arguments_exit_two_with_one_line() {
    let huge = "9".repeat(40);
    let long = "x".repeat(100_000);
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["frobnicate"],
        vec!["--no-such-flag"],
        // lookup
        vec!["lookup", ""],
        vec!["lookup", "   "],
        vec!["lookup", "-n", "0", "boom"],
        vec!["lookup", "-n", &huge, "boom"],
        vec!["lookup", "-n", "-3", "boom"],
        vec!["lookup", "--domain", "", "boom"],
        vec!["lookup", "--domain", &long, "boom"],
        vec!["lookup", "--format", "dot", "boom"],
        vec!["lookup", "--format", "yaml", "boom"],
        vec!["lookup", "--budget", "0", "--format", "markdown", "boom"],
        vec!["lookup", "--budget", &huge, "--format", "markdown", "boom"],
        vec!["lookup", "--budget", "10", "boom"],
        vec!["lookup", "--lang", "xx", "boom"],
        vec!["lookup", "--color", "sometimes", "boom"],
        // scan
        vec!["scan"],
        vec!["scan", ""],
        vec!["scan", "/nonexistent/errdex/log"],
        vec!["scan", "/"],
        vec!["scan", "--threads", "0", "Cargo.toml"],
        vec!["scan", "--threads", &huge, "Cargo.toml"],
        // show
        vec!["show"],
        vec!["show", ""],
        vec!["show", &long],
        vec!["show", "\u{7}\n/x"],
        vec![
            "show",
            "api/websocket-close-1007-payload-data",
            "--format",
            "dot",
        ],
        // list
        vec!["list", "--domain", ""],
        vec!["list", "--budget", "5", "--format", "markdown"],
        // search
        vec!["search"],
        vec!["search", ""],
        vec!["search", "!!! ???"],
        vec!["search", "-n", "0", "memory"],
        vec!["search", "--domain", "nope", "memory"],
        // chain
        vec!["chain"],
        vec!["chain", ""],
        vec!["chain", &long],
        vec!["chain", "a/b", "--depth", &huge],
        vec!["chain", "a/b", "--depth", "-1"],
        // stats, check, export, completions, man
        vec!["stats", "--format", "dot"],
        vec!["stats", "extra"],
        vec!["check", ""],
        vec!["export"],
        vec!["export", ""],
        vec!["export", "Cargo.toml"],
        vec!["completions"],
        vec!["completions", "tcsh"],
        vec!["man", "extra"],
    ];
    let mut failures = Vec::new();
    for args in &cases {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let o = run(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(30).collect()).collect();
        if o.status.code() != Some(2) {
            failures.push(format!(
                "{shown:?}: exit {:?}, stderr {err:?}",
                o.status.code()
            ));
        } else if err.lines().count() != 1 || !err.starts_with("errdex: ") {
            failures.push(format!("{shown:?}: not one line: {err:?}"));
        } else if err.contains("panicked") || err.contains("stack backtrace") {
            failures.push(format!("{shown:?}: panic: {err:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_but_well_formed_ids_exit_one() {
    for args in [
        &["show", "api/no-such-record"][..],
        &["chain", "api/no-such-record"],
    ] {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("closest:"), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    // Each writes far more than a pipe buffer (64 KiB), so writes fail with EPIPE.
    for args in [
        &["list", "--json"][..],
        &["search", "error", "-n", "300", "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errdex"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then close the pipe, like `errdex list | head -c1`.
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        stdout.read_exact(&mut one).unwrap();
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(err.is_empty(), "{args:?}: {err}");
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
}
