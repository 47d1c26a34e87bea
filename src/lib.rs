//! errdex: a knowledge base of software error signatures, compiled in.
//!
//! Every record (an error's signature, root cause, what not to try, what
//! works, and related errors) was validated by `build.rs` and compiled into
//! static data with perfect-hash indexes, so every function here answers
//! without reading a file, parsing anything or allocating.
//!
//! ```
//! let r = errdex::get("api/websocket-close-1007-payload-data").expect("bundled record");
//! println!("{}: {}", r.id, r.root_cause);
//! for d in r.dead_ends {
//!     println!("do not: {} ({:.0}% fail)", d.action, d.fail_rate * 100.0);
//! }
//! assert!(errdex::by_error_code("1007").any(|r| r.domain == "api"));
//! ```

#![warn(missing_docs)]

mod date;
mod freshness;
pub mod graph;
mod lang;
pub mod lookup;
pub mod markdown;
pub mod matcher;
mod nfa_op;
mod record;
pub mod scan;
pub mod search;
mod terms;
mod vocab;

#[cfg(feature = "check")]
pub mod diagnostic;
#[cfg(feature = "check")]
pub mod json;
#[cfg(feature = "check")]
pub mod schema;
#[cfg(feature = "check")]
pub mod validate;

#[cfg(feature = "serde")]
mod serialize;

pub use date::Date;
pub use freshness::{Freshness, FRESH_DAYS, STALE_DAYS};
pub use lang::{Labels, Lang};
pub use lookup::{lookup, lookup_bytes, Match, Options};
pub use record::{DeadEnd, Edge, Record, TransitionGraph, Version, Workaround};
pub use search::search;
pub use vocab::{Os, Resolvable, RootCauseType, VerificationTier, VersionStatus};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/records.rs"));
    include!(concat!(env!("OUT_DIR"), "/maps.rs"));
    pub(crate) mod matcher {
        include!(concat!(env!("OUT_DIR"), "/matcher.rs"));
    }
    pub(crate) mod search {
        include!(concat!(env!("OUT_DIR"), "/search.rs"));
    }
    pub(crate) mod graph {
        include!(concat!(env!("OUT_DIR"), "/graph.rs"));
    }
}

use generated::{BY_CODE, BY_DOMAIN, BY_ID, DOMAINS, RECORDS, REFINES};

/// The index of a record in [`records`] (records are one static array).
pub(crate) fn index_of(record: &'static Record) -> u32 {
    let size = core::mem::size_of::<Record>();
    ((record as *const Record as usize - RECORDS.as_ptr() as usize) / size) as u32
}

/// Whether record `a` refines record `b` (both indexes).
pub(crate) fn refines(a: u32, b: u32) -> bool {
    REFINES.binary_search(&(a, b)).is_ok()
}

/// Every record, sorted by id.
///
/// ```
/// let all = errdex::records();
/// assert!(all.windows(2).all(|w| w[0].id < w[1].id));
/// ```
pub fn records() -> &'static [Record] {
    &RECORDS
}

/// The record with this id, if there is one.
///
/// ```
/// assert!(errdex::get("api/websocket-close-1007-payload-data").is_some());
/// assert!(errdex::get("no/such-record").is_none());
/// ```
pub fn get(id: &str) -> Option<&'static Record> {
    BY_ID.get(id).map(|&i| &RECORDS[i as usize])
}

/// The records whose error code is `code`, compared without regard to ASCII case.
///
/// ```
/// let hits: Vec<_> = errdex::by_error_code("1007").map(|r| r.id).collect();
/// assert!(hits.contains(&"api/websocket-close-1007-payload-data"));
/// assert_eq!(errdex::by_error_code("no-such-code").len(), 0);
/// ```
pub fn by_error_code(code: &str) -> Records {
    let mut buf = [0u8; 64];
    let Some(key) = buf.get_mut(..code.len()) else {
        return Records::of(None);
    };
    key.copy_from_slice(code.as_bytes());
    key.make_ascii_uppercase();
    // Upper-casing ASCII bytes keeps valid UTF-8 valid.
    let key = core::str::from_utf8(key).unwrap_or_default();
    Records::of(BY_CODE.get(key).copied())
}

/// Every domain that has records, sorted.
///
/// ```
/// assert!(errdex::domains().contains(&"api"));
/// ```
pub fn domains() -> &'static [&'static str] {
    &DOMAINS
}

/// The records of one domain, sorted by id.
///
/// ```
/// assert!(errdex::by_domain("api").all(|r| r.domain == "api"));
/// assert_eq!(errdex::by_domain("nope").len(), 0);
/// ```
pub fn by_domain(domain: &str) -> Records {
    Records::of(BY_DOMAIN.get(domain).copied())
}

/// An iterator over records selected by an index (from [`by_error_code`] and [`by_domain`]).
#[derive(Debug, Clone)]
pub struct Records {
    indexes: core::slice::Iter<'static, u32>,
}

impl Records {
    fn of(indexes: Option<&'static [u32]>) -> Records {
        Records {
            indexes: indexes.unwrap_or(&[]).iter(),
        }
    }
}

impl Iterator for Records {
    type Item = &'static Record;

    fn next(&mut self) -> Option<&'static Record> {
        self.indexes.next().map(|&i| &RECORDS[i as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indexes.size_hint()
    }
}

impl ExactSizeIterator for Records {}

impl DoubleEndedIterator for Records {
    fn next_back(&mut self) -> Option<&'static Record> {
        self.indexes.next_back().map(|&i| &RECORDS[i as usize])
    }
}
