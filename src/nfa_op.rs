//! Op kinds of the flattened NFA tables (three `u32` per state: kind, a, b),
//! shared by the build-time compiler and the run-time matcher.

/// One byte range: a = lo | hi << 8, b = next.
pub const RANGE: u32 = 0;
/// Several ranges: a = first index in RANGES (pairs), b = count.
pub const SPARSE: u32 = 1;
/// A look-around assertion: a = `Look::as_repr`, b = next.
pub const LOOK: u32 = 2;
/// Alternatives in priority order: a = first index in ALTS, b = count.
pub const UNION: u32 = 3;
/// Epsilon to a = next.
pub const GOTO: u32 = 4;
/// Start of the overall match: a = next.
pub const START: u32 = 5;
/// Dead state.
pub const FAIL: u32 = 6;
/// Match.
pub const MATCH: u32 = 7;
