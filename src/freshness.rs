//! How old a record's knowledge is.
//!
//! A record is as current as its `last_confirmed` date. Measured against a
//! given day:
//!
//! | state | `last_confirmed` is |
//! |---|---|
//! | [`Freshness::Fresh`] | at most [`FRESH_DAYS`] (180) days old, or in the future |
//! | [`Freshness::Aging`] | 181 to [`STALE_DAYS`] (365) days old |
//! | [`Freshness::Stale`] | more than 365 days old |
//!
//! Stale records are still answered and marked, never hidden: an old fix
//! is often still the fix, but it deserves a second look.

use crate::{Date, Record};

/// Oldest age, in days, that still counts as fresh.
pub const FRESH_DAYS: i64 = 180;
/// Oldest age, in days, that still counts as aging; older is stale.
pub const STALE_DAYS: i64 = 365;

/// How old a record's knowledge is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Freshness {
    /// Confirmed within the last 180 days.
    Fresh,
    /// Confirmed 181 to 365 days ago.
    Aging,
    /// Confirmed more than 365 days ago.
    Stale,
}

impl Freshness {
    /// The state of knowledge last confirmed on `confirmed`, seen on `today`.
    ///
    /// ```
    /// use errdex::{Date, Freshness};
    /// let today = Date::new(2026, 11, 25);
    /// assert_eq!(Freshness::of(Date::new(2026, 5, 29), today), Freshness::Fresh); // 180 days
    /// assert_eq!(Freshness::of(Date::new(2026, 5, 28), today), Freshness::Aging); // 181 days
    /// assert_eq!(Freshness::of(Date::new(2025, 11, 25), today), Freshness::Aging); // 365 days
    /// assert_eq!(Freshness::of(Date::new(2025, 11, 24), today), Freshness::Stale); // 366 days
    /// ```
    pub fn of(confirmed: Date, today: Date) -> Freshness {
        let age = age_days(confirmed, today);
        if age <= FRESH_DAYS {
            Freshness::Fresh
        } else if age <= STALE_DAYS {
            Freshness::Aging
        } else {
            Freshness::Stale
        }
    }

    /// `fresh`, `aging` or `stale`.
    pub fn as_str(self) -> &'static str {
        match self {
            Freshness::Fresh => "fresh",
            Freshness::Aging => "aging",
            Freshness::Stale => "stale",
        }
    }
}

impl core::fmt::Display for Freshness {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Days from `confirmed` to `today`, never negative.
fn age_days(confirmed: Date, today: Date) -> i64 {
    (today.days_since_epoch() - confirmed.days_since_epoch()).max(0)
}

impl Record {
    /// How old this record's knowledge is on `today` (see [`Freshness`]).
    ///
    /// ```
    /// let r = errdex::get("api/websocket-close-1007-payload-data").unwrap();
    /// let long_after = errdex::Date::new(2099, 1, 1);
    /// assert_eq!(r.freshness(long_after), errdex::Freshness::Stale);
    /// assert_eq!(r.freshness(r.last_confirmed), errdex::Freshness::Fresh);
    /// ```
    pub fn freshness(&self, today: Date) -> Freshness {
        Freshness::of(self.last_confirmed, today)
    }

    /// Days from `last_confirmed` to `today` (0 when confirmed later).
    ///
    /// ```
    /// let r = &errdex::records()[0];
    /// let later = errdex::Date::from_days_since_epoch(r.last_confirmed.days_since_epoch() + 10);
    /// assert_eq!(r.age_days(later), 10);
    /// ```
    pub fn age_days(&self, today: Date) -> i64 {
        age_days(self.last_confirmed, today)
    }
}
