//! Warm lookup and scan figures at the shipped seeds, each as a ratio to a
//! baseline measured in the same run (see BENCHMARKS.md).
//!
//! `cargo bench --bench lookup`

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn time<T>(label: &str, rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..rounds {
        black_box(f());
    }
    let per = start.elapsed() / rounds as u32;
    println!("{label:<48} {per:>12.2?}");
    per
}

fn main() {
    let records = errdex::records();
    let messages: Vec<&str> = records
        .iter()
        .flat_map(|r| r.examples.iter().copied())
        .collect();
    println!(
        "{} records, {} messages (every example line)\n",
        records.len(),
        messages.len()
    );

    let started = Instant::now();
    let regexes: Vec<Regex> = records
        .iter()
        .map(|r| {
            RegexBuilder::new(r.regex)
                .case_insensitive(true)
                .build()
                .unwrap()
        })
        .collect();
    println!("compile {} Regex: {:?}", regexes.len(), started.elapsed());
    let started = Instant::now();
    let set: RegexSet = RegexSetBuilder::new(records.iter().map(|r| r.regex))
        .case_insensitive(true)
        .build()
        .unwrap();
    println!("compile one RegexSet: {:?}\n", started.elapsed());

    let rounds = 20;
    let n = messages.len() as u32;
    let ours = time("errdex::lookup, per message", rounds, || {
        messages
            .iter()
            .map(|m| errdex::lookup(m).len())
            .sum::<usize>()
    }) / n;
    let looped = time(
        "loop over one Regex per record, per message",
        rounds,
        || {
            messages
                .iter()
                .map(|m| regexes.iter().filter(|r| r.is_match(m.as_bytes())).count())
                .sum::<usize>()
        },
    ) / n;
    let setted = time("RegexSet (warm), per message", rounds, || {
        messages
            .iter()
            .map(|m| set.matches(m.as_bytes()).iter().count())
            .sum::<usize>()
    }) / n;
    println!("\nper message: errdex {ours:?}, regex loop {looped:?}, RegexSet {setted:?}");
    println!(
        "errdex is {:.1}x faster than the loop and {:.2}x the speed of the warm RegexSet\n",
        looped.as_secs_f64() / ours.as_secs_f64(),
        setted.as_secs_f64() / ours.as_secs_f64()
    );

    // A log of ~1% error lines: ordinary lines from the corpus, examples mixed in.
    let corpus_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut ordinary: Vec<Vec<u8>> = Vec::new();
    for f in std::fs::read_dir(corpus_dir).into_iter().flatten() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(p).unwrap();
            ordinary.extend(errdex::lookup::split_lines(&bytes).map(<[u8]>::to_vec));
        }
    }
    if ordinary.is_empty() {
        ordinary.push(b"2024-01-01 INFO request served in 3ms".to_vec());
    }
    let mut log = Vec::new();
    let mut i = 0usize;
    while log.len() < 64 << 20 {
        if i % 100 == 99 {
            log.extend_from_slice(messages[i / 100 % messages.len()].as_bytes());
        } else {
            log.extend_from_slice(&ordinary[i % ordinary.len()]);
        }
        log.push(b'\n');
        i += 1;
    }
    let mb = log.len() as f64 / 1e6;
    let floor = time("memchr newline count (64 MiB)", 5, || {
        memchr::memchr_iter(b'\n', &log).count()
    });
    let one = time("errdex scan, one thread (64 MiB)", 3, || {
        let mut hits = 0;
        errdex::scan::scan_reader(&log[..], |_, _, _| hits += 1).unwrap();
        hits
    });
    let path = std::env::temp_dir().join("errdex-bench.log");
    std::fs::write(&path, &log).unwrap();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all = time("errdex scan_file, all cores (64 MiB)", 3, || {
        errdex::scan::scan_file(&path, threads).unwrap().0.len()
    });
    let _ = std::fs::remove_file(&path);
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!(
        "\nscan: one thread {:.0} MB/s ({:.1}% of the memchr floor {:.0} MB/s); {threads} threads {:.0} MB/s ({:.2}x one thread)",
        rate(one),
        100.0 * rate(one) / rate(floor),
        rate(floor),
        rate(all),
        rate(all) / rate(one)
    );
}
