//! Scanning logs of any size for lines that match a record.
//!
//! Input is read in blocks and split into lines (`\n`; a trailing `\r` is
//! dropped); bytes need not be UTF-8. A line longer than
//! [`MAX_LINE`](crate::lookup::MAX_LINE) is matched on its first `MAX_LINE`
//! bytes and the rest of it is skipped, so memory stays bounded by the block
//! size plus `MAX_LINE` whatever the input. Files can be split into ranges
//! at line boundaries and scanned on several threads ([`scan_file`]).

use crate::lookup::{line_matches, MAX_LINE};
use crate::matcher::Scratch;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// A reader that adds what it reads to a shared counter.
struct Counted<'a, R> {
    inner: R,
    progress: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

const BLOCK: usize = 1 << 20;

/// One matching line: its number (from 1) and the index of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Line number, from 1.
    pub line: u64,
    /// Index into [`records`](crate::records).
    pub record: u32,
}

/// Streams `input`, calling `each(line_number, line, record_index)` for every
/// record that matches a line. Returns the number of lines read.
///
/// ```
/// let log = b"ok\nRangeError: Invalid WebSocket frame: invalid UTF-8 sequence\r\nfine\n";
/// let mut hits = Vec::new();
/// let lines = errdex::scan::scan_reader(&log[..], |n, _, r| hits.push((n, errdex::records()[r].id))).unwrap();
/// assert_eq!(lines, 3);
/// assert_eq!(hits, [(2, "api/websocket-close-1007-payload-data")]);
/// ```
pub fn scan_reader<R: Read>(
    mut input: R,
    mut each: impl FnMut(u64, &[u8], usize),
) -> io::Result<u64> {
    let mut scratch = Scratch::new();
    let mut buf = vec![0u8; BLOCK + MAX_LINE];
    let mut filled = 0usize;
    let mut line_no = 0u64;
    let mut skipping = false;
    loop {
        let n = match input.read(&mut buf[filled..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let eof = n == 0;
        filled += n;
        let mut start = 0;
        while let Some(pos) = memchr::memchr(b'\n', &buf[start..filled]) {
            let end = start + pos;
            if skipping {
                skipping = false;
            } else {
                line_no += 1;
                let line = matched_part(&buf[start..end]);
                line_matches(line, &mut scratch, |r| each(line_no, line, r));
            }
            start = end + 1;
        }
        if eof {
            if start < filled && !skipping {
                line_no += 1;
                let line = matched_part(&buf[start..filled]);
                line_matches(line, &mut scratch, |r| each(line_no, line, r));
            }
            return Ok(line_no);
        }
        // Keep the unfinished line; if it is already longer than MAX_LINE
        // (so a `\r` that ends it cannot fall in its head), match its head
        // once and skip to its end.
        buf.copy_within(start..filled, 0);
        filled -= start;
        if filled > MAX_LINE && !skipping {
            line_no += 1;
            let line = &buf[..MAX_LINE];
            line_matches(line, &mut scratch, |r| each(line_no, line, r));
            skipping = true;
        }
        if skipping && filled > 0 {
            filled = 0;
        }
    }
}

/// The part of a line that is matched: without a final `\r`, and cut to
/// its first `MAX_LINE` bytes. A line that fits in the buffer whole is cut
/// here, so the result does not depend on how the input was read.
fn matched_part(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    &line[..line.len().min(MAX_LINE)]
}

/// Scans a file on `threads` threads (ranges split at line boundaries).
/// Returns the hits in line order and the number of lines.
pub fn scan_file(path: &Path, threads: usize) -> io::Result<(Vec<Hit>, u64)> {
    scan_file_with_progress(path, threads, &AtomicU64::new(0))
}

/// [`scan_file`], adding the number of bytes read to `progress` as it goes
/// (for a progress display on another thread).
pub fn scan_file_with_progress(
    path: &Path,
    threads: usize,
    progress: &AtomicU64,
) -> io::Result<(Vec<Hit>, u64)> {
    let len = std::fs::metadata(path)?.len();
    let threads = if len < 4 * BLOCK as u64 {
        1
    } else {
        threads.max(1)
    };
    let mut bounds = vec![0u64];
    {
        let mut f = std::fs::File::open(path)?;
        for i in 1..threads as u64 {
            let guess = (len * i / threads as u64).max(*bounds.last().unwrap_or(&0));
            f.seek(SeekFrom::Start(guess))?;
            let mut at = guess;
            let mut chunk = vec![0u8; 64 * 1024];
            let cut = loop {
                let n = f.read(&mut chunk)?;
                if n == 0 {
                    break len;
                }
                if let Some(p) = memchr::memchr(b'\n', &chunk[..n]) {
                    break at + p as u64 + 1;
                }
                at += n as u64;
            };
            bounds.push(cut);
        }
    }
    bounds.push(len);
    bounds.dedup();
    let ranges: Vec<(u64, u64)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    let results: Vec<io::Result<(Vec<Hit>, u64)>> = std::thread::scope(|s| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|&(from, to)| {
                s.spawn(move || -> io::Result<(Vec<Hit>, u64)> {
                    let mut f = std::fs::File::open(path)?;
                    f.seek(SeekFrom::Start(from))?;
                    let mut hits = Vec::new();
                    let counted = Counted {
                        inner: f.take(to - from),
                        progress,
                    };
                    let lines = scan_reader(counted, |n, _, r| {
                        hits.push(Hit {
                            line: n,
                            record: r as u32,
                        })
                    })?;
                    Ok((hits, lines))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("scan thread does not panic"))
            .collect()
    });
    let mut all = Vec::new();
    let mut offset = 0u64;
    for r in results {
        let (hits, lines) = r?;
        all.extend(hits.into_iter().map(|h| Hit {
            line: h.line + offset,
            ..h
        }));
        offset += lines;
    }
    Ok((all, offset))
}
