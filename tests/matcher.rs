//! The embedded matcher gives exactly the answers of the regex crate
//! (`regex::bytes::Regex`, case-insensitive) on every record and line.

use errdex::matcher::{find_record, matching, Scratch};
use regex::bytes::{Regex, RegexBuilder};

fn reference() -> Vec<Regex> {
    errdex::records()
        .iter()
        .map(|r| {
            RegexBuilder::new(r.regex)
                .case_insensitive(true)
                .build()
                .unwrap()
        })
        .collect()
}

/// Lines to test: every record's own texts, ordinary output, and variations.
fn lines() -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for r in errdex::records() {
        lines.push(r.signature.as_bytes().to_vec());
        lines.extend(
            r.aliases
                .iter()
                .chain(r.examples)
                .map(|s| s.as_bytes().to_vec()),
        );
    }
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    if let Ok(dir) = std::fs::read_dir(&corpus) {
        for f in dir {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let bytes = std::fs::read(path).unwrap();
                lines.extend(errdex::lookup::split_lines(&bytes).map(<[u8]>::to_vec));
            }
        }
    }
    let base = lines.clone();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for l in &base {
        // Upper case, a prefix and suffix, a cut, a changed byte, Unicode folds.
        lines.push(l.to_ascii_uppercase());
        lines.push([b"2024-01-01T00:00:00Z ERROR ".as_slice(), l, b" (retrying)"].concat());
        if !l.is_empty() {
            let cut = (next() as usize) % l.len();
            lines.push(l[..cut].to_vec());
            let mut m = l.clone();
            m[cut] = (next() % 256) as u8;
            lines.push(m);
        }
        let folded = String::from_utf8_lossy(l)
            .replace('k', "\u{212A}")
            .replace('s', "\u{17F}")
            .replace('e', "é");
        lines.push(folded.into_bytes());
    }
    lines
}

#[test]
fn matcher_equals_the_regex_crate_on_every_record_and_line() {
    let regexes = reference();
    let mut scratch = Scratch::new();
    let lines = lines();
    assert!(lines.len() > 1000, "too few test lines: {}", lines.len());
    let mut mismatches = Vec::new();
    let mut matched_pairs = 0;
    for line in &lines {
        let expected: Vec<usize> = (0..regexes.len())
            .filter(|&i| regexes[i].is_match(line))
            .collect();
        let got = matching(line, &mut scratch);
        matched_pairs += expected.len();
        if got != expected {
            mismatches.push(format!(
                "{:?}: expected {expected:?}, got {got:?}",
                String::from_utf8_lossy(line)
            ));
        }
        for &i in &expected {
            let want = regexes[i].find(line).map(|m| m.range());
            let have = find_record(i, line, &mut scratch);
            if want != have {
                mismatches.push(format!(
                    "{} on {:?}: span {want:?} vs {have:?}",
                    errdex::records()[i].id,
                    String::from_utf8_lossy(line)
                ));
            }
        }
    }
    assert!(matched_pairs > 0);
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
}

#[test]
fn every_record_matches_without_the_prefilter_too() {
    // The automaton alone must agree with the regex crate on random bytes.
    let regexes = reference();
    let mut scratch = Scratch::new();
    let mut rng = 7u64;
    for _ in 0..300 {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (rng >> 58) as usize;
        let bytes: Vec<u8> = (0..len).map(|k| (rng >> (k % 56)) as u8).collect();
        for (i, re) in regexes.iter().enumerate() {
            assert_eq!(
                re.find(&bytes).map(|m| m.range()),
                find_record(i, &bytes, &mut scratch)
            );
        }
    }
}
