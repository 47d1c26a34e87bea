//! The arguments of each tool; their doc comments become the JSON schema
//! descriptions clients see.

use schemars::JsonSchema;
use serde::Deserialize;

/// Arguments of `lookup_error`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct LookupArgs {
    /// The error message, or a pasted log or traceback (every line is matched; at most 256 KiB).
    pub message: String,
    /// Only records of this domain (e.g. `python`, `docker`; see `list_error_domains`).
    pub domain: Option<String>,
    /// Keep at most this many matches, 1 to 50 (default 5).
    pub limit: Option<u32>,
    /// Trim the Markdown answer to about this many tokens (a token counted as 4 characters).
    pub max_tokens: Option<u32>,
}

/// Arguments of `batch_lookup`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct BatchArgs {
    /// The error messages, 1 to 50, each at most 256 KiB.
    pub messages: Vec<String>,
    /// Only records of this domain.
    pub domain: Option<String>,
    /// Keep at most this many matches per message, 1 to 50 (default 5).
    pub limit: Option<u32>,
    /// Trim the whole Markdown answer to about this many tokens (a token counted as 4 characters).
    pub max_tokens: Option<u32>,
}

/// Arguments of `get_error_detail`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct IdArgs {
    /// A record id, `<domain>/<slug>` (e.g. `python/modulenotfounderror-no-module-named`).
    pub id: String,
}

/// Arguments of `search_errors`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SearchArgs {
    /// Keywords, matched case-insensitively against signatures, root causes, categories and tags.
    pub query: String,
    /// Only records of this domain.
    pub domain: Option<String>,
    /// Keep at most this many records, 1 to 50 (default 5).
    pub limit: Option<u32>,
    /// Trim the Markdown answer to about this many tokens (a token counted as 4 characters).
    pub max_tokens: Option<u32>,
}

/// Arguments of `get_error_chain`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ChainArgs {
    /// The record id to start from.
    pub id: String,
    /// How many edges to follow from it, 1 to 5 (default 2).
    pub depth: Option<u32>,
}

/// Arguments of `get_domain_stats`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct DomainArgs {
    /// A domain (see `list_error_domains`).
    pub domain: String,
}

/// The order of `list_errors_by_domain`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Highest fix success rate first.
    FixRate,
    /// By id, alphabetically.
    #[default]
    Name,
    /// Highest confidence first.
    Confidence,
}

/// Arguments of `list_errors_by_domain`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListArgs {
    /// A domain (see `list_error_domains`).
    pub domain: String,
    /// `fix_rate`, `name` (default) or `confidence`.
    pub sort: Option<SortKey>,
    /// Keep at most this many records (default: all).
    pub limit: Option<u32>,
}
