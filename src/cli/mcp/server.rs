//! The MCP server: tool declarations (names, descriptions, input schemas)
//! wired to the functions of `tools`.

use super::markdown::Ctx;
use super::params::{BatchArgs, ChainArgs, DomainArgs, IdArgs, ListArgs, LookupArgs, SearchArgs};
use super::tools::{self, Refusal, Reply};
use errdex::Lang;
use rmcp::handler::server::{router::tool::ToolRouter, wrapper::Parameters};
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::{tool, tool_handler, tool_router, ErrorData, ServerHandler};

const LOOKUP: &str = "Explain an error message or a pasted log: the knowledge-base records that \
match it, best first, each with its root cause, what NOT to try (dead ends with fail rates), \
what to try (workarounds with success rates and the exact commands), the most likely next \
error and freshness (fresh/aging/stale from the date it was last confirmed). The message may \
be up to 256 KiB; every line is matched. max_tokens trims the Markdown to about that many \
tokens, counting one token per 4 ASCII characters or per other character: lower-ranked matches go first, then the least \
likely dead ends and workarounds.";

const BATCH: &str = "Look up several error messages at once (1 to 50, each up to 256 KiB): one \
ranked result set per message, as lookup_error gives. max_tokens (as for lookup_error) \
applies to the whole answer; every message keeps its best match.";

const DETAIL: &str = "One record in full by id: signature, root cause, dead ends, workarounds, \
versions, related errors, documentation and freshness. The JSON is the record in its seed \
format. An unknown id is answered with the closest ids.";

const SEARCH: &str = "Find records by keywords (BM25 over signatures, error codes, aliases, \
tags, categories, domains and root causes; case, punctuation and simple plural or verb \
forms do not matter), best first, shown as lookup_error shows them. Use it when \
there is no exact error text. The query may be up to 256 KiB. max_tokens as for lookup_error.";

const CHAIN: &str = "The errors related to one record through its transition graph (leads to, \
preceded by, frequently confused with), with probabilities and conditions, followed up to \
depth steps (1 to 5, default 2). A record is expanded once, so cycles end the walk.";

const DOMAINS: &str = "Every domain of the knowledge base (python, docker, kubernetes ...) \
with its number of records.";

const BY_DOMAIN: &str = "The records of one domain, one line each with fix rate, confidence and \
freshness, sorted by name (default), fix_rate or confidence.";

const STATS: &str = "Figures about one domain: record count, average fix success rate, \
resolvable share (yes/partial/no), confidence (mean, min, max), verification tiers and \
freshness.";

const INSTRUCTIONS: &str = "errdex explains software error messages from a compiled-in \
knowledge base. Call lookup_error with the exact error text (or a whole log) before \
trying fixes; honour its DO NOT TRY list. Limits: 1 MiB per JSON-RPC message, 256 KiB per \
message argument, 50 messages per batch_lookup.";

/// The errdex MCP server.
#[derive(Debug, Clone)]
pub struct Server {
    lang: Lang,
    tool_router: ToolRouter<Server>,
}

impl Server {
    /// A server answering in `lang`.
    pub fn new(lang: Lang) -> Server {
        Server {
            lang,
            tool_router: Self::tool_router(),
        }
    }

    fn ctx(&self) -> Ctx {
        Ctx {
            lang: self.lang,
            today: errdex::Date::today(),
        }
    }
}

/// Turns an answer into a tool result: Markdown text plus structured content,
/// or a tool error (`isError: true`) whose text is the refusal's message.
fn result(outcome: Result<Reply, Refusal>) -> Result<CallToolResult, ErrorData> {
    Ok(match outcome {
        Ok(reply) => {
            let mut r = CallToolResult::structured(reply.structured);
            r.content = vec![ContentBlock::text(reply.markdown)];
            r
        }
        Err(refusal) => {
            let mut r = CallToolResult::structured_error(refusal.details);
            r.content = vec![ContentBlock::text(refusal.message)];
            r
        }
    })
}

#[tool_router]
impl Server {
    #[tool(description = LOOKUP)]
    fn lookup_error(
        &self,
        Parameters(args): Parameters<LookupArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::lookup_error(args, &self.ctx()))
    }

    #[tool(description = BATCH)]
    fn batch_lookup(
        &self,
        Parameters(args): Parameters<BatchArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::batch_lookup(args, &self.ctx()))
    }

    #[tool(description = DETAIL)]
    fn get_error_detail(
        &self,
        Parameters(args): Parameters<IdArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::get_error_detail(args, &self.ctx()))
    }

    #[tool(description = SEARCH)]
    fn search_errors(
        &self,
        Parameters(args): Parameters<SearchArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::search_errors(args, &self.ctx()))
    }

    #[tool(description = CHAIN)]
    fn get_error_chain(
        &self,
        Parameters(args): Parameters<ChainArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::get_error_chain(args, &self.ctx()))
    }

    #[tool(description = DOMAINS)]
    fn list_error_domains(&self) -> Result<CallToolResult, ErrorData> {
        result(tools::list_error_domains())
    }

    #[tool(description = BY_DOMAIN)]
    fn list_errors_by_domain(
        &self,
        Parameters(args): Parameters<ListArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::list_errors_by_domain(args, &self.ctx()))
    }

    #[tool(description = STATS)]
    fn get_domain_stats(
        &self,
        Parameters(args): Parameters<DomainArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        result(tools::get_domain_stats(args, &self.ctx()))
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new("errdex", env!("CARGO_PKG_VERSION"))
                    .with_title("errdex error knowledge base"),
            )
            .with_instructions(INSTRUCTIONS)
    }
}
