//! `errdex mcp`: a Model Context Protocol server on stdin and stdout.
//!
//! The tools (`server`) answer from the compiled-in records with Markdown
//! (the library's agent format, `errdex::markdown`, plus `markdown` for
//! tables and whole records) and the same content as JSON (`view`); `line_filter` stands
//! in front of rmcp's transport so that malformed or oversized input gets
//! an error answer and the session goes on. Input limits are in `limits`.

mod limits;
mod line_filter;
mod markdown;
mod params;
mod server;
mod stats;
mod tools;
mod view;

use super::{Failure, FOUND};
use errdex::Lang;

/// Serves MCP on stdio until the client closes stdin.
pub fn run(lang: Lang) -> Result<i32, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Error(format!("mcp: cannot start the runtime: {e}")))?;
    let outcome = runtime.block_on(line_filter::serve(server::Server::new(lang)));
    // A read of stdin may still be pending on a blocking thread: do not wait for it.
    runtime.shutdown_background();
    outcome
        .map(|()| FOUND)
        .map_err(|e| Failure::Error(format!("mcp: {e}")))
}
