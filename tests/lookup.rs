//! Lookups of messages and logs as people paste them, and scans of logs.

use errdex::{lookup, lookup_bytes, Options};

fn first(text: &str) -> &'static str {
    lookup(text).first().map_or("(nothing)", |m| m.record.id)
}

#[test]
fn python_traceback_finds_the_last_line() {
    let tb = "Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests'\n";
    let hits = lookup(tb);
    assert_eq!(
        hits[0].record.id,
        "python/modulenotfounderror-no-module-named"
    );
    assert_eq!(hits[0].line_number, 4);
    assert!(hits[0].key_line);
    assert_eq!(
        &hits[0].line[hits[0].span.clone()],
        &b"ModuleNotFoundError: No module named 'requests'"[..hits[0].span.len()]
    );
}

#[test]
fn java_caused_by_and_frames() {
    let log = "Exception in thread \"main\" java.lang.RuntimeException: boot failed\n\tat com.example.App.main(App.java:12)\nCaused by: java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n";
    let hits = lookup(log);
    assert_eq!(hits[0].record.id, "java/outofmemoryerror-java-heap-space");
    assert_eq!(hits[0].line_number, 3);
    assert!(hits[0].key_line);
}

#[test]
fn timestamped_log_lines_and_crlf() {
    let log = "2024-05-01T10:00:00.123Z INFO starting\r\n2024-05-01T10:00:01.456Z ERROR java.lang.OutOfMemoryError: Java heap space\r\n";
    let hits = lookup(log);
    assert_eq!(hits[0].record.id, "java/outofmemoryerror-java-heap-space");
    assert_eq!(hits[0].line_number, 2);
    assert!(!hits[0].line.ends_with(b"\r"));
}

#[test]
fn invalid_utf8_and_empty_input() {
    let mut bytes = b"\xff\xfe garbage \xc3\x28\n".to_vec();
    bytes.extend_from_slice(b"java.lang.OutOfMemoryError: Java heap space\n");
    let hits = lookup_bytes(&bytes, &Options::default());
    assert_eq!(hits[0].record.id, "java/outofmemoryerror-java-heap-space");
    assert!(lookup("").is_empty());
    assert!(lookup("\n\n   \n").is_empty());
    assert!(lookup("everything is fine").is_empty());
}

#[test]
fn domain_filter_and_limit() {
    let text = "java.lang.OutOfMemoryError: Java heap space";
    assert!(lookup_bytes(
        text.as_bytes(),
        &Options {
            domain: Some("python"),
            limit: None
        }
    )
    .is_empty());
    assert_eq!(
        lookup_bytes(
            text.as_bytes(),
            &Options {
                domain: None,
                limit: Some(1)
            }
        )
        .len(),
        1
    );
}

#[test]
fn more_specific_record_wins_on_the_same_line() {
    // Both records match this line; the TLS record refines the generic one.
    let line = "urllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)>";
    let ids: Vec<_> = lookup(line).iter().map(|m| m.record.id).collect();
    let specific = ids
        .iter()
        .position(|id| *id == "networking/certificate-has-expired");
    let generic = ids
        .iter()
        .position(|id| *id == "python/ssl-certificate-verify-failed");
    assert!(
        specific.is_some() && generic.is_some() && specific < generic,
        "{ids:?}"
    );
}

#[test]
fn scan_handles_long_lines_and_a_missing_final_newline() {
    let mut log = Vec::new();
    log.extend_from_slice(b"start\n");
    log.extend(std::iter::repeat_n(b'x', 3 << 20));
    log.extend_from_slice(b" java.lang.OutOfMemoryError: Java heap space\n");
    log.extend_from_slice(b"java.lang.OutOfMemoryError: Java heap space");
    let mut hits = Vec::new();
    let lines =
        errdex::scan::scan_reader(&log[..], |n, _, r| hits.push((n, errdex::records()[r].id)))
            .unwrap();
    assert_eq!(lines, 3);
    // The 3 MiB line is matched on its first MiB only (where nothing matches).
    assert_eq!(hits, [(3, "java/outofmemoryerror-java-heap-space")]);
}

#[test]
fn scan_of_a_file_on_several_threads_equals_one_thread() {
    let dir = std::env::temp_dir().join(format!("errdex-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.log");
    let mut log = Vec::new();
    let mut n = 0;
    while log.len() < 6 << 20 {
        n += 1;
        if n % 100 == 0 {
            log.extend_from_slice(b"Caused by: java.lang.OutOfMemoryError: Java heap space\r\n");
        } else {
            log.extend_from_slice(
                format!("2024-01-01 INFO request {n} served in 3ms\n").as_bytes(),
            );
        }
    }
    std::fs::write(&path, &log).unwrap();
    let (one, lines1) = errdex::scan::scan_file(&path, 1).unwrap();
    let (many, lines4) = errdex::scan::scan_file(&path, 4).unwrap();
    assert_eq!(lines1, n);
    assert_eq!(lines4, n);
    assert_eq!(one, many);
    assert_eq!(one.len() as u64, n / 100);
    assert!(one.iter().all(|h| h.line % 100 == 0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn json_and_rustc_and_npm_lines_are_key_lines() {
    for line in [
        "error[E0382]: borrow of moved value: `v`",
        "npm ERR! code ERESOLVE",
        "npm error code ERESOLVE",
    ] {
        assert!(errdex::lookup::is_key_line(line.as_bytes()), "{line}");
    }
}

#[test]
fn rustc_and_npm_output() {
    let rustc = "error[E0382]: borrow of moved value: `v`\n --> src/main.rs:4:20\n  |\n2 |     let v = vec![1];\n  |         - move occurs because `v` has type `Vec<i32>`\n";
    assert_eq!(first(rustc), "rust/e0382-borrow-of-moved-value");
    let npm = "npm error code ERESOLVE\nnpm error ERESOLVE unable to resolve dependency tree\nnpm error\nnpm error While resolving: app@1.0.0\n";
    let hits = lookup(npm);
    assert_eq!(
        hits[0].record.id,
        "node/npm-eresolve-unable-to-resolve-dependency-tree"
    );
    assert!(hits[0].key_line);
}

#[test]
fn file_watcher_enospc_beats_generic_enospc() {
    let line =
        "Error: ENOSPC: System limit for number of file watchers reached, watch '/home/u/app/src'";
    let ids: Vec<_> = lookup(line).iter().map(|m| m.record.id).collect();
    assert_eq!(
        ids.first(),
        Some(&"node/enospc-file-watchers-limit"),
        "{ids:?}"
    );
    let generic = ids
        .iter()
        .position(|id| *id == "node/enospc-no-space-left-on-device");
    assert!(generic.is_none() || generic > Some(0));
}
