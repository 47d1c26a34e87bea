//! The compiled-in record types.
//!
//! Every string is `&'static str` and every list a `&'static [T]` pointing
//! into the binary's read-only data: reading a record parses nothing and
//! allocates nothing.

use crate::date::Date;
use crate::vocab::{Os, Resolvable, RootCauseType, VerificationTier, VersionStatus};

/// One error signature and everything known about it.
///
/// ```
/// let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
/// assert_eq!(r.domain, "api");
/// assert_eq!(r.error_code, Some("1007"));
/// assert!(r.workarounds.len() >= 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Record {
    /// `<domain>/<slug>`, unique and permanent.
    pub id: &'static str,
    /// The error text as software prints it, with varying parts as `<placeholders>`.
    pub signature: &'static str,
    /// Chinese translation of the signature (may be empty).
    pub signature_zh: &'static str,
    /// The Rust regex that recognises the error, matched case-insensitively.
    pub regex: &'static str,
    /// The ecosystem (`python`, `docker`, `api` ...).
    pub domain: &'static str,
    /// A snake_case category (`import_error`, `protocol_error` ...).
    pub category: &'static str,
    /// A finer category.
    pub subcategory: Option<&'static str>,
    /// Why the error happens.
    pub root_cause: &'static str,
    /// The kind of root cause.
    pub root_cause_type: RootCauseType,
    /// Chinese translation of the root cause (may be empty).
    pub root_cause_zh: &'static str,
    /// Versions of the tools involved.
    pub versions: &'static [Version],
    /// Notes that apply to one operating system.
    pub os_specific: &'static [(Os, &'static str)],
    /// What NOT to try.
    pub dead_ends: &'static [DeadEnd],
    /// What to try.
    pub workarounds: &'static [Workaround],
    /// Chinese translations of the workarounds: empty, or one per workaround.
    pub workarounds_zh: &'static [&'static str],
    /// Related errors.
    pub transition_graph: TransitionGraph,
    /// Official documentation of the error or the tool.
    pub official_doc_url: Option<&'static str>,
    /// Section of that documentation.
    pub official_doc_section: Option<&'static str>,
    /// The error code (`E0502`, `ENOSPC`, `1007` ...).
    pub error_code: Option<&'static str>,
    /// How the record was checked.
    pub verification_tier: VerificationTier,
    /// How sure the record is right, from 0 to 1.
    pub confidence: f64,
    /// How often the workarounds fix the error, from 0 to 1.
    pub fix_success_rate: f64,
    /// Whether the user can fix it.
    pub resolvable: Resolvable,
    /// When the error was first seen.
    pub first_seen: Date,
    /// When the record was last confirmed to be right.
    pub last_confirmed: Date,
    /// When the record was last edited.
    pub last_updated: Date,
    /// Independent confirmations behind the record.
    pub evidence_count: u32,
    /// Keywords.
    pub tags: &'static [&'static str],
    /// Language of the English fields (`en`).
    pub locale: &'static str,
    /// Other texts of the same error.
    pub aliases: &'static [&'static str],
    /// Full error lines as real software prints them.
    pub examples: &'static [&'static str],
}

/// The state of the error in one version of a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Version {
    /// Tool and version, e.g. `ws 8.x`.
    pub version: &'static str,
    /// The version that introduced the behaviour.
    pub introduced: Option<&'static str>,
    /// The version that deprecated it.
    pub deprecated: Option<&'static str>,
    /// The version that removed it.
    pub removed: Option<&'static str>,
    /// What changed.
    pub behavior_change: Option<&'static str>,
    /// The error's state in this version.
    pub status: VersionStatus,
}

/// Something people try that does not fix the error.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct DeadEnd {
    /// What people try.
    pub action: &'static str,
    /// Why it does not help.
    pub why_fails: &'static str,
    /// How often it fails, from 0 to 1.
    pub fail_rate: f64,
    /// When this applies (empty: always).
    pub condition: &'static str,
    /// Where this is documented.
    pub sources: &'static [&'static str],
}

/// A fix that works.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Workaround {
    /// The fix in one line.
    pub action: &'static str,
    /// How often it works, from 0 to 1.
    pub success_rate: f64,
    /// The concrete command, setting or code change.
    pub how: &'static str,
    /// When it applies (empty: always).
    pub condition: &'static str,
    /// Where this is documented.
    pub sources: &'static [&'static str],
}

/// An edge to another record.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Edge {
    /// The other record's id.
    pub error_id: &'static str,
    /// How likely the edge is, from 0 to 1, when known.
    pub probability: Option<f64>,
    /// When the edge applies.
    pub condition: Option<&'static str>,
}

impl Edge {
    /// The record the edge points to.
    ///
    /// ```
    /// for r in errdex::records() {
    ///     for e in r.transition_graph.leads_to {
    ///         assert_eq!(e.target().id, e.error_id);
    ///     }
    /// }
    /// ```
    pub fn target(&self) -> &'static Record {
        crate::get(self.error_id).expect("the build checks that every edge resolves")
    }
}

/// The edges of a record as written in its seed.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct TransitionGraph {
    /// Errors that typically come after this one.
    pub leads_to: &'static [Edge],
    /// Errors that typically come before this one.
    pub preceded_by: &'static [Edge],
    /// Errors easily mistaken for this one.
    pub frequently_confused_with: &'static [Edge],
}
