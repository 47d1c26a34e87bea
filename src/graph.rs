//! The error graph: which errors follow, precede, or are mistaken for which.
//!
//! Seeds state edges from one side (`leads_to`, `preceded_by`,
//! `frequently_confused_with`); the build adds the other side, so
//! [`next`] of A contains B exactly when [`previous`] of B contains A, and
//! [`confused_with`] is symmetric. Edges a record states itself come first.
//!
//! ```
//! use errdex::graph;
//! for r in errdex::records() {
//!     for link in graph::next(r.id) {
//!         assert!(graph::previous(link.record().id).iter().any(|l| l.record().id == r.id));
//!     }
//! }
//! ```

use crate::generated::graph::{CONFUSED, NEXT, PREVIOUS};
use crate::Record;

/// An edge from one record to another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub(crate) record: u32,
    pub(crate) probability: Option<f64>,
    pub(crate) condition: Option<&'static str>,
    pub(crate) stated: bool,
}

impl Link {
    /// The record at the other end.
    pub fn record(&self) -> &'static Record {
        &crate::records()[self.record as usize]
    }

    /// How likely the edge is, from 0 to 1, when the seed says.
    pub fn probability(&self) -> Option<f64> {
        self.probability
    }

    /// When the edge applies, when the seed says.
    pub fn condition(&self) -> Option<&'static str> {
        self.condition
    }

    /// Whether this record's own seed states the edge (otherwise it comes
    /// from the other record's seed, read the other way).
    pub fn stated(&self) -> bool {
        self.stated
    }
}

fn links(table: &'static [&'static [Link]], id: &str) -> &'static [Link] {
    crate::get(id).map_or(&[], |r| table[crate::index_of(r) as usize])
}

/// Errors that tend to come after `id` (empty for an unknown id).
///
/// ```
/// let next = errdex::graph::next("no/such-record");
/// assert!(next.is_empty());
/// ```
pub fn next(id: &str) -> &'static [Link] {
    links(&NEXT, id)
}

/// Errors that tend to come before `id`.
pub fn previous(id: &str) -> &'static [Link] {
    links(&PREVIOUS, id)
}

/// Errors that are easily mistaken for `id`.
///
/// ```
/// use errdex::graph::confused_with;
/// for r in errdex::records() {
///     for l in confused_with(r.id) {
///         assert!(confused_with(l.record().id).iter().any(|b| b.record().id == r.id));
///     }
/// }
/// ```
pub fn confused_with(id: &str) -> &'static [Link] {
    links(&CONFUSED, id)
}

/// The kind of an edge, seen from the record it starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Relation {
    /// The other error tends to follow.
    LeadsTo,
    /// The other error tends to come first.
    PrecededBy,
    /// The two are easily mistaken for each other.
    ConfusedWith,
}

impl Relation {
    /// Every relation, in the order a chain walks them.
    pub const ALL: [Relation; 3] = [
        Relation::LeadsTo,
        Relation::PrecededBy,
        Relation::ConfusedWith,
    ];

    /// The seed field name (`leads_to`, `preceded_by`, `frequently_confused_with`).
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::LeadsTo => "leads_to",
            Relation::PrecededBy => "preceded_by",
            Relation::ConfusedWith => "frequently_confused_with",
        }
    }

    fn table(self) -> &'static [&'static [Link]] {
        match self {
            Relation::LeadsTo => &NEXT,
            Relation::PrecededBy => &PREVIOUS,
            Relation::ConfusedWith => &CONFUSED,
        }
    }
}

/// One edge walked by [`chain`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Step {
    /// The record the edge starts at (already in the chain).
    pub from: &'static Record,
    /// The record it reaches.
    pub to: &'static Record,
    /// How `to` relates to `from`.
    pub relation: Relation,
    /// The edge's probability, when known.
    pub probability: Option<f64>,
    /// When the edge applies, when known.
    pub condition: Option<&'static str>,
    /// Edges from the start to `to` (1 for a neighbour).
    pub depth: usize,
    /// Whether `to` was already in the chain: the edge closes a cycle and
    /// is not walked further.
    pub seen: bool,
}

/// The neighbourhood of a record, breadth first.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Chain {
    /// The record the walk started at.
    pub start: &'static Record,
    /// The edges walked, by depth, then by the order of the records they start at.
    pub steps: Vec<Step>,
}

impl Chain {
    /// Every record in the chain, the start first, each once.
    pub fn records(&self) -> Vec<&'static Record> {
        let mut all = vec![self.start];
        all.extend(self.steps.iter().filter(|s| !s.seen).map(|s| s.to));
        all
    }

    /// The steps that start at `from`, in order.
    pub fn from<'c>(&'c self, from: &'c Record) -> impl Iterator<Item = &'c Step> + 'c {
        self.steps.iter().filter(move |s| s.from.id == from.id)
    }
}

/// Walks every relation from `id` up to `depth` edges away, visiting each
/// record once: an edge back to a record already reached is kept (marked
/// [`Step::seen`]) but not followed, so cycles end. `None` for an unknown id.
///
/// ```
/// let r = errdex::records().iter().find(|r| !errdex::graph::next(r.id).is_empty()).unwrap();
/// let chain = errdex::graph::chain(r.id, 2).unwrap();
/// assert!(chain.steps.iter().all(|s| s.depth >= 1 && s.depth <= 2));
/// let ids: Vec<_> = chain.records().iter().map(|r| r.id).collect();
/// let mut unique = ids.clone();
/// unique.sort();
/// unique.dedup();
/// assert_eq!(ids.len(), unique.len());
/// assert!(errdex::graph::chain("no/such-record", 2).is_none());
/// ```
pub fn chain(id: &str, depth: usize) -> Option<Chain> {
    let start = crate::get(id)?;
    let mut seen = vec![crate::index_of(start)];
    let mut frontier = vec![start];
    let mut steps = Vec::new();
    for d in 1..=depth {
        let mut reached = Vec::new();
        for &from in &frontier {
            let i = crate::index_of(from) as usize;
            for relation in Relation::ALL {
                for link in relation.table()[i] {
                    let to = link.record();
                    // An edge already walked the other way is not repeated.
                    if steps.iter().any(|s: &Step| {
                        s.from.id == to.id && s.to.id == from.id && s.relation == relation.reverse()
                    }) {
                        continue;
                    }
                    let was_seen = seen.contains(&link.record);
                    if !was_seen {
                        seen.push(link.record);
                        reached.push(to);
                    }
                    steps.push(Step {
                        from,
                        to,
                        relation,
                        probability: link.probability,
                        condition: link.condition,
                        depth: d,
                        seen: was_seen,
                    });
                }
            }
        }
        if reached.is_empty() {
            break;
        }
        frontier = reached;
    }
    Some(Chain { start, steps })
}

impl Relation {
    /// The same edge read from the other end.
    pub fn reverse(self) -> Relation {
        match self {
            Relation::LeadsTo => Relation::PrecededBy,
            Relation::PrecededBy => Relation::LeadsTo,
            Relation::ConfusedWith => Relation::ConfusedWith,
        }
    }
}
