//! How recently a record was confirmed: fresh, aging or stale.

use errdex::Date;
use serde::Serialize;

/// A record confirmed at most this many days ago is fresh.
pub const FRESH_DAYS: i64 = 180;
/// A record confirmed at most this many days ago (and not fresh) is aging;
/// older ones are stale.
pub const AGING_DAYS: i64 = 365;

/// The three freshness grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Confirmed within [`FRESH_DAYS`].
    Fresh,
    /// Confirmed within [`AGING_DAYS`].
    Aging,
    /// Confirmed longer ago.
    Stale,
}

impl Grade {
    /// The lower-case name (`fresh`, `aging`, `stale`).
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Fresh => "fresh",
            Grade::Aging => "aging",
            Grade::Stale => "stale",
        }
    }
}

/// A record's freshness on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Freshness {
    /// The grade.
    pub status: Grade,
    /// When the record was last confirmed.
    pub last_confirmed: Date,
    /// Days between that date and today (0 for a date in the future).
    pub age_days: i64,
}

impl std::fmt::Display for Freshness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (last confirmed {}, {} days ago)",
            self.status.as_str(),
            self.last_confirmed,
            self.age_days
        )
    }
}

/// The freshness of something last confirmed on `last_confirmed`, seen on `today`.
pub fn freshness(last_confirmed: Date, today: Date) -> Freshness {
    let age_days = (today.days_since_epoch() - last_confirmed.days_since_epoch()).max(0);
    let status = if age_days <= FRESH_DAYS {
        Grade::Fresh
    } else if age_days <= AGING_DAYS {
        Grade::Aging
    } else {
        Grade::Stale
    };
    Freshness {
        status,
        last_confirmed,
        age_days,
    }
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::{freshness, Grade};
    use errdex::Date;

    fn grade(last: &str, today: &str) -> (Grade, i64) {
        let f = freshness(Date::parse(last).unwrap(), Date::parse(today).unwrap());
        (f.status, f.age_days)
    }

    #[test]
    fn grades_by_age() {
        assert_eq!(grade("2026-01-01", "2026-01-01"), (Grade::Fresh, 0));
        assert_eq!(grade("2026-01-01", "2026-06-30"), (Grade::Fresh, 180));
        assert_eq!(grade("2026-01-01", "2026-07-01"), (Grade::Aging, 181));
        assert_eq!(grade("2025-01-01", "2026-01-01"), (Grade::Aging, 365));
        assert_eq!(grade("2025-01-01", "2026-01-02"), (Grade::Stale, 366));
        assert_eq!(grade("2027-01-01", "2026-01-01"), (Grade::Fresh, 0));
    }
}
