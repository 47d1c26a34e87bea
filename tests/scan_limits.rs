//! The scanner on extreme input: millions of empty lines, NUL bytes, and
//! lines far longer than `MAX_LINE`, streamed rather than held in memory.
//!
//! `errdex::scan` documents that a line longer than `MAX_LINE` is matched on
//! its first `MAX_LINE` bytes and the rest of it is skipped; these tests hold
//! it to that, whatever the sizes of the reads that deliver the line.

mod support;

use errdex::lookup::MAX_LINE;
use std::io::Read;
use support::{reference_scan, scan, Chunked};

/// A real error line; it matches `api/websocket-close-1007-payload-data`.
const ERROR: &[u8] = b"RangeError: Invalid WebSocket frame: invalid UTF-8 sequence";

fn error_record() -> usize {
    errdex::records()
        .iter()
        .position(|r| r.id == "api/websocket-close-1007-payload-data")
        .expect("the record is shipped")
}

/// Filler text that matches no record.
fn filler(len: usize) -> Vec<u8> {
    b"lorem ipsum dolor sit amet "
        .iter()
        .copied()
        .cycle()
        .take(len)
        .collect()
}

/// A reader that produces `len` bytes of filler and then `tail`, without
/// holding the filler in memory; each read returns at most `max_read` bytes.
struct Generated {
    left: u64,
    tail: Vec<u8>,
    tail_at: usize,
    max_read: usize,
}

impl Generated {
    fn new(len: u64, tail: &[u8], max_read: usize) -> Self {
        Generated {
            left: len,
            tail: tail.to_vec(),
            tail_at: 0,
            max_read,
        }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = buf.len().min(self.max_read);
        if self.left > 0 {
            let n = want.min(usize::try_from(self.left).unwrap_or(usize::MAX));
            for (i, b) in buf[..n].iter_mut().enumerate() {
                *b = b"abcdefgh "[(self.left as usize - i) % 9];
            }
            self.left -= n as u64;
            return Ok(n);
        }
        let n = want.min(self.tail.len() - self.tail_at);
        buf[..n].copy_from_slice(&self.tail[self.tail_at..self.tail_at + n]);
        self.tail_at += n;
        Ok(n)
    }
}

#[test]
fn ten_million_empty_lines() {
    let input = vec![b'\n'; 10_000_000];
    let (hits, lines) = scan(&input[..]);
    assert_eq!(lines, 10_000_000);
    assert!(hits.is_empty(), "{hits:?}");
    let crlf = b"\r\n".repeat(1_000_000);
    let (hits, lines) = scan(&crlf[..]);
    assert_eq!(lines, 1_000_000);
    assert!(hits.is_empty(), "{hits:?}");
}

#[test]
fn lines_of_nul_bytes() {
    let mut input = vec![0u8; 200_000];
    input.push(b'\n');
    input.extend_from_slice(&[0; 100]);
    input.extend_from_slice(ERROR);
    input.extend_from_slice(&[0; 100]);
    input.extend_from_slice(b"\n\0\r\n\0");
    let (hits, lines) = scan(&input[..]);
    assert_eq!(lines, 4);
    assert_eq!(hits, reference_scan(&input));
    assert!(hits.contains(&(2, error_record())), "{hits:?}");
    let mut scratch = errdex::matcher::Scratch::new();
    assert_eq!(
        errdex::matcher::matching(&input[..200_000], &mut scratch),
        support::reference_matches(&input[..200_000])
    );
}

#[test]
fn a_64_mib_line_is_matched_on_its_first_mib_only() {
    const LEN: u64 = 64 << 20;
    let tail = [ERROR, b"\n", ERROR, b"\n"].concat();
    for max_read in [usize::MAX, 64 << 10, 4093] {
        // The error text ends the 64 MiB line, far beyond the cap: no hit
        // there, but the next line is still read, numbered and matched.
        let (hits, lines) = scan(Generated::new(LEN, &tail, max_read));
        assert_eq!(lines, 2, "reads of {max_read} bytes");
        assert_eq!(hits, [(2, error_record())], "reads of {max_read} bytes");
    }
    // The same text at the start of the long line is found.
    let mut head = Generated::new(0, ERROR, usize::MAX).chain(Generated::new(LEN, b"\n", 1 << 16));
    let mut hits = Vec::new();
    let lines = errdex::scan::scan_reader(&mut head, |n, line, r| {
        assert_eq!(line.len(), MAX_LINE);
        hits.push((n, r));
    })
    .unwrap();
    assert_eq!((lines, hits), (1, vec![(1, error_record())]));
}

#[test]
fn the_line_cap_does_not_depend_on_read_sizes() {
    let e = ERROR.len();
    // (bytes before the error text, bytes after it, line ending)
    let shapes: &[(usize, usize, &[u8])] = &[
        (MAX_LINE - e, 0, b"\n"),       // ends exactly at the cap
        (MAX_LINE - e, 0, b"\r\n"),     // the same with \r\n
        (MAX_LINE - e - 1, 0, b"\r\n"), // one byte and \r short of the cap
        (MAX_LINE - e, 1, b"\n"),       // one byte past the cap
        (MAX_LINE - e, 500, b"\n"),     // at the cap, more text after it
        (MAX_LINE - 10, 500, b"\n"),    // across the cap
        (MAX_LINE + 1, 100, b"\n"),     // just past the cap
        (MAX_LINE + 200_000, 0, b""),   // past the cap, no final newline
    ];
    for &(before, after, ending) in shapes {
        let input = [ERROR, b"\n", &filler(before), ERROR, &filler(after), ending].concat();
        let want = reference_scan(&input);
        // Whole, pipe-sized, page-sized and odd reads, and reads that end
        // exactly MAX_LINE bytes into the long line.
        let aligned = std::iter::once(e + 1)
            .chain(std::iter::repeat_n(4096, MAX_LINE / 4096))
            .collect();
        for sizes in [
            vec![usize::MAX],
            vec![65_536],
            vec![4096],
            vec![3, 70_001, 0],
            aligned,
        ] {
            let seen = support::scan_lines(&input);
            let mut hits = Vec::new();
            let lines =
                errdex::scan::scan_reader(Chunked::new(&input, sizes.clone()), |n, line, r| {
                    // The text matched is the line as documented, not more.
                    assert!(
                        line == seen[n as usize - 1],
                        "line {n} passed with {} bytes",
                        line.len()
                    );
                    hits.push((n, r));
                })
                .unwrap();
            assert_eq!(
                (hits, lines),
                (want.clone(), 2),
                "line of {before}+{e}+{after} bytes, ending {ending:?}, reads of {sizes:?}"
            );
        }
    }
}
