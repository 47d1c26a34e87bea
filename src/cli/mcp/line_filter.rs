//! The stdio front of the server.
//!
//! rmcp's stdio transport skips a line that is not JSON without answering
//! it, so a client waiting on that request would wait forever. This front
//! reads stdin itself, one line (one JSON-RPC message) at a time:
//!
//! - a line that is not JSON gets a JSON-RPC parse error (-32700, id null);
//! - a line over [`MAX_LINE_BYTES`] is discarded as it streams in (never
//!   buffered whole) and gets an invalid-request error (-32600, id null);
//! - a `tools/call` whose `params` lack a string `name` or carry
//!   `arguments` that are not an object gets an invalid-params error
//!   (-32602, with the request's id; rmcp would call it an unknown method);
//! - blank lines are skipped; every other line goes to rmcp through an
//!   in-memory pipe.
//!
//! One task writes stdout, a whole line at a time, so the answers of rmcp
//! and of this front never interleave. Nothing else writes to stdout.

use super::limits::MAX_LINE_BYTES;
use super::server::Server;
use rmcp::ServiceExt;
use serde_json::{json, Value};
use std::io;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// JSON-RPC: the message is not valid JSON.
pub const PARSE_ERROR: i64 = -32700;
/// JSON-RPC: the message is not a valid request.
pub const INVALID_REQUEST: i64 = -32600;
/// JSON-RPC: the method's parameters are wrong.
pub const INVALID_PARAMS: i64 = -32602;

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line, now in the buffer without its `\n`.
    Complete,
    /// A line of this many bytes, longer than the limit, skipped.
    TooLong(usize),
    /// End of input.
    End,
}

/// Reads one `\n`-terminated line into `buf` (cleared first), keeping at
/// most `max` bytes in memory: a longer line is consumed to its end and
/// reported as [`Line::TooLong`]. A last line without `\n` counts as a line.
pub async fn read_line<R: AsyncBufRead + Unpin>(
    input: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut seen = 0usize;
    loop {
        let available = input.fill_buf().await?;
        if available.is_empty() {
            return Ok(match seen {
                0 => Line::End,
                n if n > max => Line::TooLong(n),
                _ => Line::Complete,
            });
        }
        let newline = memchr_newline(available);
        let take = newline.map_or(available.len(), |i| i + 1);
        let body = newline.unwrap_or(available.len());
        if seen + body <= max {
            buf.extend_from_slice(&available[..body]);
        } else {
            buf.clear();
        }
        seen += body;
        input.consume(take);
        if newline.is_some() {
            return Ok(if seen > max {
                Line::TooLong(seen)
            } else {
                Line::Complete
            });
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// A JSON-RPC error response with a null id, as one line.
pub fn error_line(code: i64, message: &str) -> Vec<u8> {
    error_line_for(&Value::Null, code, message)
}

/// A JSON-RPC error response to request `id`, as one line.
fn error_line_for(id: &Value, code: i64, message: &str) -> Vec<u8> {
    let mut line = json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    })
    .to_string()
    .into_bytes();
    line.push(b'\n');
    line
}

/// Checks one line: `Ok(Some(json))` to pass on, `Ok(None)` to skip,
/// `Err(response)` to answer here.
fn screen(line: &[u8]) -> Result<Option<&[u8]>, Vec<u8>> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let message: Value = serde_json::from_slice(line)
        .map_err(|e| error_line(PARSE_ERROR, &format!("Parse error: {e}")))?;
    if message["method"] == "tools/call" {
        let params = &message["params"];
        let problem = if !params["name"].is_string() {
            Some("params.name must be the tool name (a string)")
        } else if !(params["arguments"].is_object() || params["arguments"].is_null()) {
            Some("params.arguments must be an object")
        } else {
            None
        };
        if let Some(problem) = problem {
            let id = message.get("id").unwrap_or(&Value::Null);
            return Err(error_line_for(
                id,
                INVALID_PARAMS,
                &format!("Invalid params: {problem}"),
            ));
        }
    }
    Ok(Some(line))
}

/// Reads stdin and passes valid lines to rmcp; closes rmcp's input at the end.
async fn filter<R, W>(
    mut input: R,
    mut to_rmcp: W,
    answers: mpsc::UnboundedSender<Vec<u8>>,
) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    loop {
        match read_line(&mut input, &mut buf, MAX_LINE_BYTES).await? {
            Line::End => break,
            Line::TooLong(n) => {
                eprintln!("errdex mcp: skipped a message of {n} bytes (limit {MAX_LINE_BYTES})");
                let message = format!(
                    "Invalid Request: the message is {n} bytes; the limit is {MAX_LINE_BYTES} bytes (1 MiB) per line"
                );
                let _ = answers.send(error_line(INVALID_REQUEST, &message));
            }
            Line::Complete => match screen(&buf) {
                Ok(None) => {}
                Ok(Some(json)) => {
                    to_rmcp.write_all(json).await?;
                    to_rmcp.write_all(b"\n").await?;
                    to_rmcp.flush().await?;
                }
                Err(answer) => {
                    eprintln!("errdex mcp: refused a malformed message");
                    let _ = answers.send(answer);
                }
            },
        }
    }
    to_rmcp.shutdown().await
}

/// Serves `server` on stdin and stdout until stdin ends or the session closes.
pub async fn serve(server: Server) -> io::Result<()> {
    let (ours, theirs) = tokio::io::duplex(1 << 16);
    let (from_rmcp, to_rmcp) = tokio::io::split(ours);
    let (answers, mut outgoing) = mpsc::unbounded_channel::<Vec<u8>>();

    let writer = tokio::spawn(async move {
        let mut stdout = tokio::io::stdout();
        while let Some(line) = outgoing.recv().await {
            stdout.write_all(&line).await?;
            stdout.flush().await?;
        }
        Ok::<(), io::Error>(())
    });
    let rmcp_answers = answers.clone();
    let copier = tokio::spawn(async move {
        let mut from_rmcp = BufReader::new(from_rmcp);
        loop {
            let mut line = Vec::new();
            if from_rmcp.read_until(b'\n', &mut line).await? == 0 {
                return Ok::<(), io::Error>(());
            }
            if rmcp_answers.send(line).is_err() {
                return Ok(());
            }
        }
    });
    let reader = tokio::spawn(filter(BufReader::new(tokio::io::stdin()), to_rmcp, answers));

    let outcome = match server.serve(theirs).await {
        Ok(service) => service.waiting().await.map(drop).map_err(io::Error::other),
        Err(e) => Err(io::Error::other(e.to_string())),
    };
    // The session is over: stop reading (a read of stdin may still be
    // pending), let everything already answered reach stdout, then return.
    reader.abort();
    copier.await.map_err(io::Error::other)??;
    writer.await.map_err(io::Error::other)??;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(Line, Vec<u8>)> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut r = BufReader::with_capacity(4, input);
            let mut out = Vec::new();
            let mut buf = Vec::new();
            loop {
                let l = read_line(&mut r, &mut buf, max).await.unwrap();
                if l == Line::End {
                    return out;
                }
                out.push((l, buf.clone()));
            }
        })
    }

    #[test]
    fn reads_bounded_lines() {
        let got = lines(b"abc\n0123456789\nxy\nlast", 5);
        assert_eq!(
            got,
            vec![
                (Line::Complete, b"abc".to_vec()),
                (Line::TooLong(10), Vec::new()),
                (Line::Complete, b"xy".to_vec()),
                (Line::Complete, b"last".to_vec()),
            ]
        );
        assert_eq!(lines(b"", 5), vec![]);
        assert_eq!(lines(b"123456", 5), vec![(Line::TooLong(6), Vec::new())]);
    }

    #[test]
    fn screens_lines() {
        assert_eq!(screen(b"  \r"), Ok(None));
        assert_eq!(screen(b"{\"a\":1}\r"), Ok(Some(&b"{\"a\":1}"[..])));
        let answer = screen(b"{not json").unwrap_err();
        let v: serde_json::Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(v["error"]["code"], PARSE_ERROR);
        assert!(v["id"].is_null());
        let answer = screen(br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x","arguments":5}}"#).unwrap_err();
        let v: serde_json::Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(
            (v["id"].as_i64(), v["error"]["code"].as_i64()),
            (Some(7), Some(INVALID_PARAMS))
        );
    }
}
