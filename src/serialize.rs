//! `serde::Serialize` for the record types, in the seed file format.
//!
//! A record serializes to exactly the JSON a seed file holds (same field
//! names, same order, enums and dates as their seed spellings), so JSON
//! output and `errdex export` can be read back by the build.

use crate::{Date, DeadEnd, Edge, Record, TransitionGraph, Version, Workaround};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

macro_rules! serialize_as_str {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}

serialize_as_str!(
    crate::Resolvable,
    crate::VerificationTier,
    crate::RootCauseType,
    crate::VersionStatus,
    crate::Os
);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Version", 6)?;
        st.serialize_field("version", self.version)?;
        st.serialize_field("introduced", &self.introduced)?;
        st.serialize_field("deprecated", &self.deprecated)?;
        st.serialize_field("removed", &self.removed)?;
        st.serialize_field("behavior_change", &self.behavior_change)?;
        st.serialize_field("status", &self.status)?;
        st.end()
    }
}

impl Serialize for DeadEnd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DeadEnd", 5)?;
        st.serialize_field("action", self.action)?;
        st.serialize_field("why_fails", self.why_fails)?;
        st.serialize_field("fail_rate", &self.fail_rate)?;
        st.serialize_field("condition", self.condition)?;
        st.serialize_field("sources", self.sources)?;
        st.end()
    }
}

impl Serialize for Workaround {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Workaround", 5)?;
        st.serialize_field("action", self.action)?;
        st.serialize_field("success_rate", &self.success_rate)?;
        st.serialize_field("how", self.how)?;
        st.serialize_field("condition", self.condition)?;
        st.serialize_field("sources", self.sources)?;
        st.end()
    }
}

impl Serialize for Edge {
    /// An edge without probability or condition is written as the bare id.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.probability.is_none() && self.condition.is_none() {
            return s.serialize_str(self.error_id);
        }
        let mut st = s.serialize_struct("Edge", 3)?;
        st.serialize_field("error_id", self.error_id)?;
        st.serialize_field("probability", &self.probability)?;
        st.serialize_field("condition", &self.condition)?;
        st.end()
    }
}

impl Serialize for TransitionGraph {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("TransitionGraph", 3)?;
        st.serialize_field("leads_to", self.leads_to)?;
        st.serialize_field("preceded_by", self.preceded_by)?;
        st.serialize_field("frequently_confused_with", self.frequently_confused_with)?;
        st.end()
    }
}

struct OsNotes(&'static [(crate::Os, &'static str)]);

impl Serialize for OsNotes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (os, note) in self.0 {
            m.serialize_entry(os.as_str(), note)?;
        }
        m.end()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Record", 31)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("signature", self.signature)?;
        st.serialize_field("signature_zh", self.signature_zh)?;
        st.serialize_field("regex", self.regex)?;
        st.serialize_field("domain", self.domain)?;
        st.serialize_field("category", self.category)?;
        st.serialize_field("subcategory", &self.subcategory)?;
        st.serialize_field("root_cause", self.root_cause)?;
        st.serialize_field("root_cause_type", &self.root_cause_type)?;
        st.serialize_field("root_cause_zh", self.root_cause_zh)?;
        st.serialize_field("versions", self.versions)?;
        st.serialize_field("os_specific", &OsNotes(self.os_specific))?;
        st.serialize_field("dead_ends", self.dead_ends)?;
        st.serialize_field("workarounds", self.workarounds)?;
        st.serialize_field("workarounds_zh", self.workarounds_zh)?;
        st.serialize_field("transition_graph", &self.transition_graph)?;
        st.serialize_field("official_doc_url", &self.official_doc_url)?;
        st.serialize_field("official_doc_section", &self.official_doc_section)?;
        st.serialize_field("error_code", &self.error_code)?;
        st.serialize_field("verification_tier", &self.verification_tier)?;
        st.serialize_field("confidence", &self.confidence)?;
        st.serialize_field("fix_success_rate", &self.fix_success_rate)?;
        st.serialize_field("resolvable", &self.resolvable)?;
        st.serialize_field("first_seen", &self.first_seen)?;
        st.serialize_field("last_confirmed", &self.last_confirmed)?;
        st.serialize_field("last_updated", &self.last_updated)?;
        st.serialize_field("evidence_count", &self.evidence_count)?;
        st.serialize_field("tags", self.tags)?;
        st.serialize_field("locale", self.locale)?;
        st.serialize_field("aliases", self.aliases)?;
        st.serialize_field("examples", self.examples)?;
        st.end()
    }
}
