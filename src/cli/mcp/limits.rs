//! Input limits of the MCP server (also stated in the tool descriptions and README).

/// Longest JSON-RPC message (one line on stdin), in bytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Longest `message` (or `query`) argument, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 256 << 10;
/// Most messages in one `batch_lookup`.
pub const MAX_BATCH: usize = 50;
/// Largest `limit` of the lookup and search tools.
pub const MAX_LIMIT: usize = 50;
/// Largest `depth` of `get_error_chain`.
pub const MAX_DEPTH: usize = 5;
