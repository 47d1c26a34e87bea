//! Calendar dates (`YYYY-MM-DD`) as used by the record format.

use core::fmt;

/// A proleptic Gregorian calendar date.
///
/// ```
/// use errdex::Date;
/// let d = Date::parse("2024-02-29").unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert_eq!(Date::parse("2023-02-29"), Err("2023-02-29 is not a day of the calendar".to_string()));
/// assert_eq!(Date::parse("2024-03-01").unwrap().days_since_epoch() - d.days_since_epoch(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2024.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// A date from its parts; the caller guarantees it exists (used by generated code).
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Today's date in UTC, from the system clock.
    ///
    /// ```
    /// assert!(errdex::Date::today() >= errdex::Date::new(2026, 1, 1));
    /// ```
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (2023-02-29).
    pub fn parse(text: &str) -> Result<Date, String> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(format!("{text:?} is not a date (expected YYYY-MM-DD)"));
        }
        let num = |r: core::ops::Range<usize>| -> u16 {
            b[r].iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0'))
        };
        let (year, month, day) = (num(0..4), num(5..7) as u8, num(8..10) as u8);
        if year < 1970 || month == 0 || month > 12 || day == 0 || day > days_in_month(year, month) {
            return Err(format!("{text} is not a day of the calendar"));
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub const fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as u16;
        Date { year, month, day }
    }
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn round_trips_through_days() {
        for days in [-1, 0, 59, 365, 11_016, 20_000, 30_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "24-01-01",
            "2024/01/01",
            "2024-1-01",
            "",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}
