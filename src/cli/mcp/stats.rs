//! Figures about one domain, for `get_domain_stats`.

use errdex::{Date, Record, Resolvable};
use serde::Serialize;
use std::collections::BTreeMap;

/// Smallest, mean and largest of a set of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    /// The mean.
    pub mean: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Spread {
    fn of(values: impl Iterator<Item = f64> + Clone) -> Spread {
        let n = values.clone().count().max(1) as f64;
        Spread {
            mean: values.clone().sum::<f64>() / n,
            min: values.clone().fold(f64::INFINITY, f64::min),
            max: values.fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// How many records of a domain the user can fix, partly fix, or not.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Resolvability {
    /// Records marked `true`.
    pub yes: usize,
    /// Records marked `partial`.
    pub partial: usize,
    /// Records marked `false`.
    pub no: usize,
    /// Share of records marked `true`, from 0 to 1.
    pub share_yes: f64,
    /// Share of records marked `partial`.
    pub share_partial: f64,
    /// Share of records marked `false`.
    pub share_no: f64,
}

/// The figures of one domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainStats {
    /// The domain.
    pub domain: String,
    /// Its number of records.
    pub records: usize,
    /// Mean `fix_success_rate`.
    pub average_fix_success_rate: f64,
    /// Resolvable counts and shares.
    pub resolvable: Resolvability,
    /// Confidence: mean, min, max.
    pub confidence: Spread,
    /// Records per verification tier (only tiers that occur).
    pub verification_tiers: BTreeMap<&'static str, usize>,
    /// Records per freshness grade.
    pub freshness: BTreeMap<&'static str, usize>,
    /// Dead ends across the domain.
    pub dead_ends: usize,
    /// Workarounds across the domain.
    pub workarounds: usize,
}

/// The figures of `domain` (whose records are `records`), freshness seen on `today`.
pub fn domain_stats(domain: &str, records: &[&'static Record], today: Date) -> DomainStats {
    let n = records.len();
    let share = |k: usize| k as f64 / n.max(1) as f64;
    let count = |v: Resolvable| records.iter().filter(|r| r.resolvable == v).count();
    let (yes, partial, no) = (
        count(Resolvable::Yes),
        count(Resolvable::Partial),
        count(Resolvable::No),
    );
    let mut verification_tiers = BTreeMap::new();
    let mut fresh = BTreeMap::new();
    for g in ["fresh", "aging", "stale"] {
        fresh.insert(g, 0);
    }
    for r in records {
        *verification_tiers
            .entry(r.verification_tier.as_str())
            .or_insert(0) += 1;
        *fresh.entry(r.freshness(today).as_str()).or_insert(0) += 1;
    }
    DomainStats {
        domain: domain.to_string(),
        records: n,
        average_fix_success_rate: Spread::of(records.iter().map(|r| r.fix_success_rate)).mean,
        resolvable: Resolvability {
            yes,
            partial,
            no,
            share_yes: share(yes),
            share_partial: share(partial),
            share_no: share(no),
        },
        confidence: Spread::of(records.iter().map(|r| r.confidence)),
        verification_tiers,
        freshness: fresh,
        dead_ends: records.iter().map(|r| r.dead_ends.len()).sum(),
        workarounds: records.iter().map(|r| r.workarounds.len()).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::domain_stats;

    #[test]
    fn counts_add_up() {
        let records: Vec<_> = errdex::by_domain("python").collect();
        let s = domain_stats("python", &records, errdex::Date::new(2026, 11, 25));
        assert_eq!(s.records, records.len());
        let r = s.resolvable;
        assert_eq!(r.yes + r.partial + r.no, s.records);
        assert!((r.share_yes + r.share_partial + r.share_no - 1.0).abs() < 1e-9);
        assert_eq!(s.verification_tiers.values().sum::<usize>(), s.records);
        assert_eq!(s.freshness.values().sum::<usize>(), s.records);
        assert!(s.confidence.min <= s.confidence.mean && s.confidence.mean <= s.confidence.max);
    }
}
