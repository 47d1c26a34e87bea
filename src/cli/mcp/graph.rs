//! Walking the transition graph from one record, for `get_error_chain`.

use errdex::{Edge, Record};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Which list of the transition graph an edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// `leads_to`: the other error tends to come next.
    LeadsTo,
    /// `preceded_by`: the other error tends to come before.
    PrecededBy,
    /// `frequently_confused_with`: the other error is easily mistaken for this one.
    FrequentlyConfusedWith,
}

impl Relation {
    /// How the relation reads in a sentence (`leads to` ...).
    pub fn phrase(self) -> &'static str {
        match self {
            Relation::LeadsTo => "leads to",
            Relation::PrecededBy => "is preceded by",
            Relation::FrequentlyConfusedWith => "is confused with",
        }
    }
}

/// One edge followed from a record reached by the walk.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// The record the edge starts from.
    pub from: &'static Record,
    /// The record it points to.
    pub to: &'static Record,
    /// The kind of edge.
    pub relation: Relation,
    /// How likely the edge is, when known.
    pub probability: Option<f64>,
    /// When the edge applies, when stated.
    pub condition: Option<&'static str>,
    /// Whether `to` was already reached (through a shorter or earlier path):
    /// the walk lists the edge but does not go through it again.
    pub revisit: bool,
}

/// The records reachable from a start record within a number of steps.
#[derive(Debug, Clone)]
pub struct Chain {
    /// Every record reached, with its distance from the start (the start at 0), in walk order.
    pub reached: Vec<(&'static Record, usize)>,
    /// Every edge followed, in walk order.
    pub links: Vec<Link>,
}

/// Walks `leads_to`, `preceded_by` and `frequently_confused_with` edges
/// breadth-first from `start`, at most `depth` steps; a record is expanded
/// once, so cycles end the walk instead of looping.
// replaced by errdex::graph::chain
pub fn chain(start: &'static Record, depth: usize) -> Chain {
    let mut distance: HashMap<&'static str, usize> = HashMap::from([(start.id, 0)]);
    let mut reached = vec![(start, 0)];
    let mut links = Vec::new();
    let mut queue = VecDeque::from([(start, 0)]);
    while let Some((from, d)) = queue.pop_front() {
        if d >= depth {
            continue;
        }
        let g = &from.transition_graph;
        let lists: [(Relation, &[Edge]); 3] = [
            (Relation::LeadsTo, g.leads_to),
            (Relation::PrecededBy, g.preceded_by),
            (Relation::FrequentlyConfusedWith, g.frequently_confused_with),
        ];
        for (relation, edges) in lists {
            for e in edges {
                let to = e.target();
                let revisit = distance.contains_key(to.id);
                if !revisit {
                    distance.insert(to.id, d + 1);
                    reached.push((to, d + 1));
                    queue.push_back((to, d + 1));
                }
                links.push(Link {
                    from,
                    to,
                    relation,
                    probability: e.probability,
                    condition: e.condition,
                    revisit,
                });
            }
        }
    }
    Chain { reached, links }
}

#[cfg(test)]
mod tests {
    use super::chain;

    #[test]
    fn walks_without_looping() {
        for r in errdex::records() {
            let c = chain(r, 5);
            let mut ids: Vec<&str> = c.reached.iter().map(|(r, _)| r.id).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{} reached a record twice", r.id);
            assert!(c.reached.iter().all(|(_, d)| *d <= 5));
        }
        let r = errdex::records()
            .iter()
            .find(|r| !r.transition_graph.leads_to.is_empty())
            .unwrap();
        assert!(chain(r, 0).links.is_empty());
        assert!(!chain(r, 1).links.is_empty());
    }
}
