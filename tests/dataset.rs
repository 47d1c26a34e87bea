//! The shipped dataset: every record is found by its own texts, no regex
//! fires on ordinary tool output, and README's domain table is current.

use std::path::Path;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_signature_and_example_finds_its_own_record_first() {
    let mut misses = Vec::new();
    let mut checked = 0;
    for r in errdex::records() {
        for text in std::iter::once(&r.signature).chain(r.examples) {
            checked += 1;
            let hits = errdex::lookup(text);
            match hits.first() {
                Some(first) if first.record.id == r.id => {}
                Some(first) => misses.push(format!(
                    "{}: {:?} ranks {} first ({}) over it ({})",
                    r.id,
                    text,
                    first.record.id,
                    first.why(),
                    hits.iter()
                        .find(|h| h.record.id == r.id)
                        .map_or("not matched".into(), |h| h.why())
                )),
                None => misses.push(format!("{}: {:?} matches nothing", r.id, text)),
            }
        }
    }
    eprintln!("{checked} texts looked up, {} misses", misses.len());
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn no_regex_matches_ordinary_output() {
    let corpus = manifest().join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("tests/corpus exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut lines = 0;
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read(f).unwrap();
        let mut scratch = errdex::matcher::Scratch::new();
        for (n, line) in errdex::lookup::split_lines(&text).enumerate() {
            lines += 1;
            for r in errdex::matcher::matching(line, &mut scratch) {
                hits.push(format!(
                    "{}:{}: {} matches {:?}",
                    f.file_name().unwrap().to_string_lossy(),
                    n + 1,
                    errdex::records()[r].id,
                    String::from_utf8_lossy(line)
                ));
            }
        }
    }
    assert!(lines >= 2000, "the corpus has only {lines} lines");
    assert!(
        hits.is_empty(),
        "{} hits in ordinary output:\n{}",
        hits.len(),
        hits.join("\n")
    );
}

#[test]
fn readme_domain_table_is_current() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_errdex"))
        .args(["stats", "--markdown"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    let start = readme
        .find("<!-- domains:start -->\n")
        .expect("README has the domain table markers")
        + 23;
    let end = readme.find("<!-- domains:end -->").unwrap();
    assert_eq!(
        &readme[start..end],
        table,
        "README's domain table is out of date: run scripts/readme-domains.sh"
    );
}

#[test]
fn every_record_meets_the_dataset_minimums() {
    let mut problems = Vec::new();
    for r in errdex::records() {
        let mut bad = |what: &str| problems.push(format!("{}: {what}", r.id));
        if r.examples.len() < 2 {
            bad("fewer than two examples");
        }
        if r.dead_ends.len() < 2
            || r.dead_ends
                .iter()
                .any(|d| d.action.trim().is_empty() || d.why_fails.trim().is_empty())
        {
            bad("fewer than two complete dead ends");
        }
        if r.workarounds.len() < 2 || r.workarounds.iter().any(|w| w.how.trim().is_empty()) {
            bad("fewer than two workarounds with a how");
        }
        if r.workarounds_zh.len() != r.workarounds.len()
            || r.signature_zh.is_empty()
            || r.root_cause_zh.is_empty()
        {
            bad("incomplete Chinese translation");
        }
        if r.versions.is_empty() || r.official_doc_url.is_none() {
            bad("no versions or no official documentation");
        }
    }
    let domains = errdex::domains();
    for d in [
        "python",
        "pip",
        "node",
        "typescript",
        "react",
        "nextjs",
        "docker",
        "kubernetes",
        "git",
        "rust",
        "go",
        "java",
        "database",
        "cuda",
        "networking",
        "api",
        "nginx",
        "terraform",
        "aws",
        "cicd",
        "linux",
        "php",
    ] {
        if errdex::by_domain(d).len() < 8 {
            problems.push(format!(
                "domain {d} has {} records (expected at least 8)",
                errdex::by_domain(d).len()
            ));
        }
    }
    assert!(
        errdex::records().len() >= 300 && domains.len() >= 20,
        "{} records in {} domains",
        errdex::records().len(),
        domains.len()
    );
    let edges: usize = errdex::records()
        .iter()
        .map(|r| {
            r.transition_graph.leads_to.len()
                + r.transition_graph.preceded_by.len()
                + r.transition_graph.frequently_confused_with.len()
        })
        .sum();
    assert!(edges >= 100, "only {edges} graph edges");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
