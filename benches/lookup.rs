//! errdex's speed, each figure next to a baseline measured in the same run.
//!
//! `cargo bench --bench lookup` measures the compiled-in seeds; for a
//! synthetic set, build with `ERRDEX_SEEDS_DIR` (see `scripts/bench.sh`,
//! which also builds the helper binaries this uses for the cold-process
//! figures and records build time and binary size). Sections:
//!
//! 1. warm single-message lookup vs a loop over one `regex::Regex` per record
//!    and vs one `regex::RegexSet` (first sight and warm);
//! 2. a cold process answering one lookup vs a hello-world binary and vs a
//!    baseline that reads the seeds as JSON and builds a `RegexSet`;
//! 3. scan throughput on a log with ~1% error lines vs counting newlines
//!    with `memchr`, one thread and all cores, and vs `rg -i -f`;
//! 4. keyword search: warm queries vs scoring every record without an index,
//!    and a cold `errdex search` process vs a cold `errdex show`.

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn time<T>(label: &str, rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..rounds {
        black_box(f());
    }
    let per = start.elapsed() / rounds as u32;
    println!("  {label:<52} {per:>12.2?}");
    per
}

fn ratio(slow: Duration, fast: Duration) -> f64 {
    slow.as_secs_f64() / fast.as_secs_f64()
}

fn target_release() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("release")
}

fn main() {
    let records = errdex::records();
    let messages: Vec<&str> = records
        .iter()
        .flat_map(|r| r.examples.iter().copied())
        .collect();
    let seeds = std::env::var("ERRDEX_BENCH_SEEDS")
        .unwrap_or_else(|_| format!("{}/seeds", env!("CARGO_MANIFEST_DIR")));
    println!(
        "{} records, {} messages (every example line), seeds {seeds}\n",
        records.len(),
        messages.len()
    );

    // ERRDEX_BENCH_SECTIONS=2,3 runs only some sections.
    let sections = std::env::var("ERRDEX_BENCH_SECTIONS").unwrap_or_else(|_| "1,2,3,4".into());
    let run = |n: &str| sections.split(',').any(|s| s.trim() == n);
    if run("1") {
        warm_lookup(records, &messages);
    }
    if run("2") {
        cold_process(&messages, &seeds);
    }
    if run("3") {
        scan(records, &messages);
    }
    if run("4") {
        search(records);
    }
}

/// Queries a person would type: the first three words of each signature
/// and each record's category words.
fn queries(records: &[errdex::Record]) -> Vec<String> {
    let mut out = Vec::new();
    for r in records {
        let words: Vec<&str> = r
            .signature
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && !w.starts_with('<'))
            .take(3)
            .collect();
        out.push(words.join(" "));
        out.push(r.category.replace('_', " "));
    }
    out
}

/// Scores every record for every query term without an index (the same
/// terms, a plain count weighted like the index's fields).
fn search_without_index(records: &[errdex::Record], query: &str) -> Vec<(f64, usize)> {
    let mut terms = Vec::new();
    errdex::search::for_each_term(query, |t| terms.push(t.to_string()));
    let mut scored: Vec<(f64, usize)> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let mut score = 0.0;
        let mut add = |text: &str, weight: f64| {
            errdex::search::for_each_term(text, |t| {
                if terms.iter().any(|q| q == t) {
                    score += weight;
                }
            });
        };
        add(r.signature, 3.0);
        add(r.root_cause, 1.0);
        add(r.category, 2.0);
        add(r.domain, 2.0);
        for t in r.tags.iter().chain(r.aliases) {
            add(t, 2.0);
        }
        if score > 0.0 {
            scored.push((score, i));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.truncate(10);
    scored
}

fn search(records: &[errdex::Record]) {
    println!("4. keyword search");
    let queries = queries(records);
    let n = queries.len();
    let hits: usize = queries.iter().map(|q| errdex::search(q).len()).sum();
    println!(
        "  {n} queries, {:.1} hits each on average",
        hits as f64 / n as f64
    );
    let rounds = (20_000 / n).max(1);
    let mut i = 0;
    let warm = time("errdex::search (compiled-in index)", rounds * n, || {
        i = (i + 1) % n;
        errdex::search(&queries[i])
    });
    let rounds = (200_000 / (n * records.len())).max(1);
    let mut j = 0;
    let naive = time("every record scored, no index", rounds * n, || {
        j = (j + 1) % n;
        search_without_index(records, &queries[j])
    });
    println!(
        "  => search {warm:?} per query, {:.0}x faster than scoring without an index",
        ratio(naive, warm)
    );
    let bin = target_release().join("errdex");
    if !bin.exists() {
        println!(
            "  (cold processes skipped: {} is not built)\n",
            bin.display()
        );
        return;
    }
    let query = queries[0].as_str();
    // Both print the same record: the query's best hit.
    let id = errdex::search(query)
        .first()
        .map_or(records[0].id, |h| h.record.id);
    let once = |args: &[&str]| -> Duration {
        let start = Instant::now();
        let status = Command::new(&bin)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("errdex runs");
        black_box(status);
        start.elapsed()
    };
    // Interleaved, so both see the same machine load.
    let (mut show, mut search) = (Duration::ZERO, Duration::ZERO);
    let runs = 40;
    for i in 0..runs {
        // One result each, so both print one record; each goes first half the time.
        if i % 2 == 0 {
            show += once(&["show", id]);
            search += once(&["search", "-n", "1", query]);
        } else {
            search += once(&["search", "-n", "1", query]);
            show += once(&["show", id]);
        }
    }
    let (show, search) = (show / runs, search / runs);
    println!("  {:<52} {show:>12.2?}", "cold `errdex show ID` process");
    println!(
        "  {:<52} {search:>12.2?}",
        "cold `errdex search -n 1 QUERY` process"
    );
    println!(
        "  => a cold search costs {:.2}x a cold show\n",
        ratio(search, show)
    );
}

fn warm_lookup(records: &[errdex::Record], messages: &[&str]) {
    println!("1. warm lookup");
    let started = Instant::now();
    let regexes: Vec<Regex> = records
        .iter()
        .map(|r| {
            RegexBuilder::new(r.regex)
                .case_insensitive(true)
                .build()
                .expect("validated at build")
        })
        .collect();
    println!("  compile {} Regex: {:?}", regexes.len(), started.elapsed());
    let started = Instant::now();
    let set: RegexSet = RegexSetBuilder::new(records.iter().map(|r| r.regex))
        .case_insensitive(true)
        .size_limit(1 << 30)
        .dfa_size_limit(1 << 30)
        .build()
        .expect("validated at build");
    println!("  compile one RegexSet: {:?}", started.elapsed());
    let n = messages.len() as u32;
    let sample: Vec<&str> = messages
        .iter()
        .step_by((messages.len() / 400).max(1))
        .copied()
        .collect();
    let ns = sample.len() as u32;
    let first = time(
        "RegexSet, first sight of each sampled message (all)",
        1,
        || {
            sample
                .iter()
                .map(|m| set.matches(m.as_bytes()).iter().count())
                .sum::<usize>()
        },
    ) / ns;
    let ours = time("errdex::lookup, every message (all)", 5, || {
        messages
            .iter()
            .map(|m| errdex::lookup(m).len())
            .sum::<usize>()
    }) / n;
    let looped = time("loop over one Regex per record, sampled (all)", 1, || {
        sample
            .iter()
            .map(|m| regexes.iter().filter(|r| r.is_match(m.as_bytes())).count())
            .sum::<usize>()
    }) / ns;
    let warm_set = time("RegexSet, warm, sampled (all)", 1, || {
        sample
            .iter()
            .map(|m| set.matches(m.as_bytes()).iter().count())
            .sum::<usize>()
    }) / ns;
    println!(
        "  => errdex {ours:?} per message: {:.0}x the per-record loop, {:.1}x a RegexSet on first sight, {:.2}x a warm RegexSet\n",
        ratio(looped, ours),
        ratio(first, ours),
        ratio(warm_set, ours)
    );
}

fn cold_process(messages: &[&str], seeds: &str) {
    println!("2. cold process, one lookup");
    let bin = target_release();
    let message = messages.first().copied().unwrap_or("x");
    let spawn = |program: &Path, args: &[&str]| -> Option<Duration> {
        if !program.exists() {
            println!("  (skipped: {} is not built)", program.display());
            return None;
        }
        let once = |program: &Path| -> Option<Duration> {
            let start = Instant::now();
            let status = Command::new(program)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .ok()?;
            black_box(status);
            Some(start.elapsed())
        };
        // As many runs as fit in about a second, from 3 to 40; a program
        // slower than five seconds is timed once.
        let first = once(program)?;
        if first > Duration::from_secs(5) {
            let name = program.file_name()?.to_string_lossy();
            println!("  {name:<52} {first:>12.2?}  (one run)");
            return Some(first);
        }
        let runs =
            (Duration::from_secs(1).as_secs_f64() / first.as_secs_f64()).clamp(3.0, 40.0) as u32;
        let start = Instant::now();
        for _ in 0..runs {
            once(program)?;
        }
        let per = start.elapsed() / runs;
        println!(
            "  {:<52} {per:>12.2?}",
            program.file_name()?.to_string_lossy()
        );
        Some(per)
    };
    let hello = spawn(&bin.join("examples/hello"), &[]);
    let cold = spawn(&bin.join("errdex"), &["lookup", message]);
    let baseline = spawn(&bin.join("examples/baseline"), &[seeds, message]);
    if let (Some(hello), Some(cold), Some(baseline)) = (hello, cold, baseline) {
        println!(
            "  => errdex lookup process {cold:?}: {:.2}x the hello-world floor, {:.0}x faster than JSON + RegexSet\n",
            ratio(cold, hello),
            ratio(baseline, cold)
        );
    }
}

fn scan(records: &[errdex::Record], messages: &[&str]) {
    println!("3. scan, log with ~1% error lines");
    let log = synthetic_log(messages, 64 << 20);
    let mb = log.len() as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64();
    let floor = time("memchr newline count (64 MiB)", 5, || {
        memchr::memchr_iter(b'\n', &log).count()
    });
    let one = time("errdex scan, one thread (64 MiB)", 3, || {
        let mut hits = 0;
        errdex::scan::scan_reader(&log[..], |_, _, _| hits += 1).expect("in memory");
        hits
    });
    let dir = std::env::temp_dir().join(format!("errdex-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.log");
    std::fs::write(&path, &log).expect("write log");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all = time("errdex scan_file, all cores (64 MiB)", 3, || {
        errdex::scan::scan_file(&path, threads)
            .expect("scan")
            .0
            .len()
    });
    println!(
        "  => one thread {:.0} MB/s ({:.1}% of the memchr floor, {:.0} MB/s); {threads} threads {:.0} MB/s ({:.2}x one thread)",
        rate(one),
        100.0 * rate(one) / rate(floor),
        rate(floor),
        rate(all),
        rate(all) / rate(one)
    );
    let patterns = dir.join("patterns.txt");
    // Debian's ripgrep 13 predates `\"` as an escape; the quote needs none.
    let listed: String = records
        .iter()
        .map(|r| format!("{}\n", r.regex.replace("\\\"", "\"")))
        .collect();
    std::fs::write(&patterns, listed).expect("write patterns");
    let rg = Command::new("rg").arg("--version").output().is_ok();
    let errdex_bin = target_release().join("errdex");
    if rg && errdex_bin.exists() {
        // ripgrep is slow with thousands of alternations: compare on a slice
        // (4 MiB at a few hundred records, less at more) and report MB/s.
        let slice = ((4usize << 20) * 400 / records.len().max(400)).max(64 << 10);
        let cut = log[..slice.min(log.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(log.len(), |i| i + 1);
        let small = dir.join("small.log");
        std::fs::write(&small, &log[..cut]).expect("write log");
        println!("  on the first {:.1} MB:", cut as f64 / 1e6);
        let run = |label: &str, cmd: &mut Command| -> Duration {
            let start = Instant::now();
            let out = cmd
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .output()
                .expect("runs");
            let d = start.elapsed();
            if !out.status.success() && out.stdout.is_empty() {
                let err = String::from_utf8_lossy(&out.stderr);
                println!(
                    "  {label}: failed: {}",
                    err.lines().last().unwrap_or_default()
                );
            }
            println!(
                "  {label:<52} {d:>12.2?}  ({} output lines)",
                out.stdout.iter().filter(|&&b| b == b'\n').count()
            );
            d
        };
        let rg_t = run(
            "rg -i -f patterns (one file)",
            Command::new("rg")
                .args([
                    "-i",
                    "--no-filename",
                    "--regex-size-limit",
                    "2G",
                    "--dfa-size-limit",
                    "2G",
                    "-f",
                ])
                .arg(&patterns)
                .arg(&small),
        );
        let ours1 = run(
            "errdex scan --threads 1",
            Command::new(&errdex_bin)
                .args(["scan", "--threads", "1"])
                .arg(&small),
        );
        let ours = run(
            "errdex scan (all cores)",
            Command::new(&errdex_bin).arg("scan").arg(&small),
        );
        let mb = cut as f64 / 1e6;
        println!(
            "  => rg {:.2} MB/s; errdex {:.2} MB/s on one thread ({:.0}x rg), {:.2} MB/s with all cores (process start and output included)",
            mb / rg_t.as_secs_f64(),
            mb / ours1.as_secs_f64(),
            ratio(rg_t, ours1),
            mb / ours.as_secs_f64()
        );
    } else {
        println!("  (rg comparison skipped: needs `rg` on PATH and target/release/errdex)");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// About `size` bytes of log: ordinary lines from the corpus of real tool
/// output, and every 100th line an error message.
fn synthetic_log(messages: &[&str], size: usize) -> Vec<u8> {
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut ordinary: Vec<Vec<u8>> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir)
        .into_iter()
        .flatten()
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for p in files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        let bytes = std::fs::read(p).expect("corpus file");
        ordinary.extend(errdex::lookup::split_lines(&bytes).map(<[u8]>::to_vec));
    }
    if ordinary.is_empty() {
        ordinary.push(b"2026-11-25T10:00:00Z INFO request served in 3ms".to_vec());
    }
    let mut log = Vec::with_capacity(size + 4096);
    let mut i = 0usize;
    while log.len() < size {
        if i % 100 == 99 && !messages.is_empty() {
            log.extend_from_slice(messages[i / 100 % messages.len()].as_bytes());
        } else {
            log.extend_from_slice(&ordinary[i % ordinary.len()]);
        }
        log.push(b'\n');
        i += 1;
    }
    log
}
