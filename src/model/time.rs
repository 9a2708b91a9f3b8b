//! Partial dates, validity intervals and the rules for comparing them
//! (documented on [`PartialDate`] and [`Validity`]).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the year, the month or the day.
///
/// Written and parsed as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1 to 9999,
/// proleptic Gregorian calendar).
///
/// Reporting gives dates at different precisions: "in 2025", "in February",
/// "on Monday 18 August". A `PartialDate` keeps exactly what the source said
/// and nothing more. It stands for the *interval of days* it covers: `2025-02`
/// is every day from 1 to 28 February 2025.
///
/// # Comparison rules
///
/// * Two dates are **equal** only when they are the same text: `2025-02` is not
///   equal to `2025-02-28`.
/// * `a < b` holds when every day of `a` is before every day of `b`
///   (`2025-02 < 2025-03-01`). When the intervals overlap without being equal
///   (`2025-02` and `2025-02-28`) the dates are **unordered**:
///   [`PartialOrd::partial_cmp`] returns `None`, because the source does not say
///   which came first. That is why `PartialDate` is not `Ord`.
/// * For sorting into a timeline, [`PartialDate::timeline_cmp`] gives a total
///   order: by first day, then by last day (so `2025-02` sorts after
///   `2025-01-31` and before `2025-02-28`).
///
/// # Examples
///
/// ```
/// use diplograph::{PartialDate, Precision};
///
/// let february: PartialDate = "2025-02".parse()?;
/// let meeting: PartialDate = "2025-08-18".parse()?;
/// assert_eq!(february.precision(), Precision::Month);
/// assert!(february < meeting);
/// // `2025-02` and `2025-02-28` overlap: neither is before the other.
/// let last_day: PartialDate = "2025-02-28".parse()?;
/// assert_eq!(february.partial_cmp(&last_day), None);
/// assert_eq!(february.last_day(), last_day);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: u8, // 0 = unknown
    day: u8,   // 0 = unknown
}

/// How precisely a [`PartialDate`] is known.
///
/// ```
/// use diplograph::{PartialDate, Precision};
/// assert_eq!("2025-02-28".parse::<PartialDate>()?.precision(), Precision::Day);
/// assert!(Precision::Year < Precision::Day);
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year: `2025`.
    Year,
    /// The year and month: `2025-02`.
    Month,
    /// The exact day: `2025-02-28`.
    Day,
}

/// Whether something holds at a date, given partial dates.
///
/// ```
/// use diplograph::{Certainty, Validity};
/// let since_february = Validity::since("2025-02".parse()?);
/// assert_eq!(since_february.at("2025-02-14".parse()?), Some(Certainty::Possible));
/// assert_eq!(since_february.at("2025-03-01".parse()?), Some(Certainty::Certain));
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// Returned by [`Validity::at`] and carried by query results made with an "as
/// of" date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// It held on that day whatever the unknown parts of the dates are.
    Certain,
    /// It may have held: a bound's precision leaves the answer open.
    Possible,
}

/// Why a text is not a valid [`PartialDate`].
///
/// # Examples
///
/// ```
/// use diplograph::PartialDate;
///
/// let err = "2025-02-30".parse::<PartialDate>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid date `2025-02-30`: February 2025 has 28 days");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{text}`: {reason}")]
pub struct DateError {
    text: String,
    reason: String,
}

impl DateError {
    fn new(text: &str, reason: impl Into<String>) -> Self {
        // Keep a hostile input from making error messages huge.
        let text: String = text.chars().take(40).collect();
        DateError {
            text,
            reason: reason.into(),
        }
    }

    /// The text that failed to parse (at most its first 40 characters).
    ///
    /// ```
    /// let err = "2025-13".parse::<diplograph::PartialDate>().unwrap_err();
    /// assert_eq!(err.text(), "2025-13");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Why it failed, in words.
    ///
    /// ```
    /// let err = "2025-13".parse::<diplograph::PartialDate>().unwrap_err();
    /// assert_eq!(err.reason(), "month must be between 01 and 12");
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// A date known only to the year.
    ///
    /// # Errors
    ///
    /// [`DateError`] when `year` is not in 1..=9999.
    ///
    /// # Examples
    ///
    /// ```
    /// let y = diplograph::PartialDate::year_only(2025)?;
    /// assert_eq!(y.to_string(), "2025");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn year_only(year: u16) -> Result<Self, DateError> {
        Self::new(year, None, None)
    }

    /// A date known to the month.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year or month is out of range.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = diplograph::PartialDate::month(2025, 2)?;
    /// assert_eq!(m.to_string(), "2025-02");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn month(year: u16, month: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), None)
    }

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`DateError`] for an impossible date such as 2025-02-30.
    ///
    /// # Examples
    ///
    /// ```
    /// let d = diplograph::PartialDate::ymd(2025, 8, 18)?;
    /// assert_eq!(d.to_string(), "2025-08-18");
    /// assert!(diplograph::PartialDate::ymd(2025, 2, 30).is_err());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn ymd(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), Some(day))
    }

    fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, DateError> {
        let text = || match (month, day) {
            (None, _) => format!("{year:04}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        };
        if !(1..=9999).contains(&year) {
            return Err(DateError::new(&text(), "year must be between 1 and 9999"));
        }
        let month = match month {
            None => {
                return Ok(PartialDate {
                    year,
                    month: 0,
                    day: 0,
                });
            }
            Some(m) if (1..=12).contains(&m) => m,
            Some(_) => {
                return Err(DateError::new(&text(), "month must be between 01 and 12"));
            }
        };
        let day = match day {
            None => 0,
            Some(d) => {
                let max = days_in_month(year, month);
                if d == 0 || d > max {
                    let name = MONTHS
                        .get(usize::from(month) - 1)
                        .copied()
                        .unwrap_or("that month");
                    return Err(DateError::new(
                        &text(),
                        format!("{name} {year} has {max} days"),
                    ));
                }
                d
            }
        };
        Ok(PartialDate { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// # let d: diplograph::PartialDate = "2025-02".parse()?;
    /// assert_eq!(d.year(), 2025);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12), when known.
    ///
    /// ```
    /// # let d: diplograph::PartialDate = "2025-02".parse()?;
    /// assert_eq!(d.month_number(), Some(2));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn month_number(&self) -> Option<u8> {
        (self.month != 0).then_some(self.month)
    }

    /// The day of the month, when known.
    ///
    /// ```
    /// # let d: diplograph::PartialDate = "2025-02".parse()?;
    /// assert_eq!(d.day(), None);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn day(&self) -> Option<u8> {
        (self.day != 0).then_some(self.day)
    }

    /// How precisely this date is known.
    ///
    /// ```
    /// use diplograph::{PartialDate, Precision};
    /// assert_eq!("2025".parse::<PartialDate>()?.precision(), Precision::Year);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first day this date covers (`2025-02` gives `2025-02-01`).
    ///
    /// ```
    /// # use diplograph::PartialDate;
    /// let d: PartialDate = "2025".parse()?;
    /// assert_eq!(d.first_day().to_string(), "2025-01-01");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn first_day(&self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day this date covers (`2024-02` gives `2024-02-29`).
    ///
    /// ```
    /// # use diplograph::PartialDate;
    /// let d: PartialDate = "2024-02".parse()?;
    /// assert_eq!(d.last_day().to_string(), "2024-02-29");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn last_day(&self) -> PartialDate {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        PartialDate {
            year: self.year,
            month,
            day,
        }
    }

    /// The day before the first day this date covers, if there is one
    /// (`2025-08` gives `2025-07-31`; `0001` gives `None`). "Before D" in the
    /// question language means "as of the day before D".
    pub(crate) fn day_before(&self) -> Option<PartialDate> {
        let first = self.first_day();
        if first.day > 1 {
            return Some(PartialDate {
                day: first.day - 1,
                ..first
            });
        }
        if first.month > 1 {
            let month = first.month - 1;
            return Some(PartialDate {
                year: first.year,
                month,
                day: days_in_month(first.year, month),
            });
        }
        (first.year > 1).then(|| PartialDate {
            year: first.year - 1,
            month: 12,
            day: 31,
        })
    }

    /// The day after the last day this date covers, if there is one
    /// (`2025-08` gives `2025-09-01`; `9999` gives `None`). "After D" in the
    /// question language starts the day after D.
    pub(crate) fn day_after(&self) -> Option<PartialDate> {
        let last = self.last_day();
        if last.day < days_in_month(last.year, last.month) {
            return Some(PartialDate {
                day: last.day + 1,
                ..last
            });
        }
        if last.month < 12 {
            return Some(PartialDate {
                month: last.month + 1,
                day: 1,
                ..last
            });
        }
        (last.year < 9999).then(|| PartialDate {
            year: last.year + 1,
            month: 1,
            day: 1,
        })
    }

    /// Whether every day of `other` lies within this date
    /// (`2025-02` contains `2025-02-28`; a date contains itself).
    ///
    /// ```
    /// # use diplograph::PartialDate;
    /// let feb: PartialDate = "2025-02".parse()?;
    /// assert!(feb.contains(&"2025-02-28".parse()?));
    /// assert!(!feb.contains(&"2025".parse()?));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_ordinal() <= other.first_ordinal() && other.last_ordinal() <= self.last_ordinal()
    }

    /// A total order for timelines: by first day, then by last day, so
    /// `2025-02` sorts before `2025-02-28` and both after `2025-01-31`.
    ///
    /// Use it to sort; use `<` and [`PartialOrd`] to ask whether one date is
    /// *known* to come before another.
    ///
    /// ```
    /// # use diplograph::PartialDate;
    /// let mut dates: Vec<PartialDate> =
    ///     ["2025-02-28", "2025-02", "2025"].iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
    /// dates.sort_by(PartialDate::timeline_cmp);
    /// assert_eq!(dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2025", "2025-02", "2025-02-28"]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn timeline_cmp(&self, other: &PartialDate) -> Ordering {
        self.timeline_key().cmp(&other.timeline_key())
    }

    /// A number whose order is [`timeline_cmp`](Self::timeline_cmp)'s: the
    /// first day, then the last day, each packed as `year, month, day`
    /// (valid dates compare as their days do), with no day counting.
    pub(crate) fn timeline_key(&self) -> u64 {
        let pack = |month: u8, day: u8| {
            (u64::from(self.year) << 16) | (u64::from(month) << 8) | u64::from(day)
        };
        let first = pack(self.month.max(1), self.day.max(1));
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        (first << 32) | pack(month, day)
    }

    /// Days since 0001-01-01 of the first day this date covers.
    ///
    /// Useful for arithmetic such as "within one day of".
    ///
    /// ```
    /// # use diplograph::PartialDate;
    /// let a: PartialDate = "2025-02-28".parse()?;
    /// let b: PartialDate = "2025-03-01".parse()?;
    /// assert_eq!(b.day_number() - a.day_number(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn day_number(&self) -> i64 {
        self.first_ordinal()
    }

    /// Days since 0001-01-01 of the last day this date covers.
    pub(crate) fn last_day_number(&self) -> i64 {
        self.last_ordinal()
    }

    fn first_ordinal(&self) -> i64 {
        ordinal(self.year, self.month.max(1), self.day.max(1))
    }

    fn last_ordinal(&self) -> i64 {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        ordinal(self.year, month, day)
    }
}

/// Days before each month (1 to 12) in a common year; index 0 is unused.
const DAYS_BEFORE_MONTH: [u16; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/// Days since 0001-01-01 of a valid day, in constant time.
fn ordinal(year: u16, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - 1;
    let before_year = y * 365 + y / 4 - y / 100 + y / 400;
    let before_month = DAYS_BEFORE_MONTH
        .get(usize::from(month))
        .map_or(0, |d| i64::from(*d))
        + i64::from(month > 2 && is_leap(year));
    before_year + before_month + i64::from(day) - 1
}

impl PartialOrd for PartialDate {
    /// `Some(Less)` when this date ends before `other` starts, `Some(Greater)`
    /// when it starts after `other` ends, `Some(Equal)` when the two are the
    /// same date, and `None` when they overlap without being equal.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self == other {
            Some(Ordering::Equal)
        } else if self.last_ordinal() < other.first_ordinal() {
            Some(Ordering::Less)
        } else if self.first_ordinal() > other.last_ordinal() {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with exactly four, two and
    /// two digits.
    fn from_str(s: &str) -> Result<Self, DateError> {
        fn number(part: &str, width: usize) -> Option<u16> {
            if part.len() == width && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        }
        let expected = "expected YYYY, YYYY-MM or YYYY-MM-DD";
        let mut parts = s.split('-');
        let year = parts
            .next()
            .and_then(|p| number(p, 4))
            .ok_or_else(|| DateError::new(s, expected))?;
        let mut small = |_: ()| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) => number(p, 2)
                    .and_then(|n| u8::try_from(n).ok())
                    .map(Some)
                    .ok_or_else(|| DateError::new(s, expected)),
            }
        };
        let month = small(())?;
        let day = small(())?;
        if parts.next().is_some() {
            return Err(DateError::new(s, expected));
        }
        PartialDate::new(year, month, day).map_err(|e| DateError::new(s, e.reason))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// When something held: a half-open interval `[from, until)` of partial dates.
///
/// `from` is the first day it held; `until` is the first day it no longer
/// held (so a position replaced on 2025-08-18 has `until: 2025-08-18` and its
/// successor `from: 2025-08-18`). `None` leaves that side open: an unknown
/// start ("earlier calls for a ceasefire") or a position still held.
///
/// # As-of rules
///
/// Asking whether it holds "as of" a partial date evaluates it on the **last
/// day** of that date ("as of August 2025" means "by the end of August 2025"),
/// and answers with a [`Certainty`]: `Certain` when it held whatever day inside
/// each partial bound the truth is, `Possible` when it depends on a day the
/// source did not give, and no answer when it certainly did not hold.
///
/// # Examples
///
/// ```
/// use diplograph::{Certainty, PartialDate, Validity};
///
/// let earlier = Validity::until("2025-08-18".parse()?);
/// assert_eq!(earlier.at("2025-08-17".parse()?), Some(Certainty::Certain));
/// assert_eq!(earlier.at("2025-08-18".parse()?), None);
///
/// let since_february = Validity::since("2025-02".parse()?);
/// assert_eq!(since_february.at("2025-02-10".parse()?), Some(Certainty::Possible));
/// assert_eq!(since_february.at("2025-03".parse()?), Some(Certainty::Certain));
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Validity {
    /// The first day it held, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// The first day it no longer held, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

impl Validity {
    /// Open on both sides: held at every date we know of.
    ///
    /// ```
    /// assert_eq!(diplograph::Validity::always().from, None);
    /// ```
    pub fn always() -> Self {
        Validity::default()
    }

    /// Held from `from` on.
    ///
    /// ```
    /// # use diplograph::Validity;
    /// let v = Validity::since("2025-08-18".parse()?);
    /// assert_eq!(v.until, None);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn since(from: PartialDate) -> Self {
        Validity {
            from: Some(from),
            until: None,
        }
    }

    /// Held from an unknown start until `until` (exclusive).
    ///
    /// ```
    /// # use diplograph::Validity;
    /// let v = Validity::until("2025-08-18".parse()?);
    /// assert_eq!(v.from, None);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn until(until: PartialDate) -> Self {
        Validity {
            from: None,
            until: Some(until),
        }
    }

    /// Held from `from` until `until` (exclusive).
    ///
    /// ```
    /// # use diplograph::Validity;
    /// let v = Validity::between("2025-02".parse()?, "2025-08-18".parse()?);
    /// assert!(v.is_consistent());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn between(from: PartialDate, until: PartialDate) -> Self {
        Validity {
            from: Some(from),
            until: Some(until),
        }
    }

    /// False when `until` is known to come before `from`.
    ///
    /// ```
    /// # use diplograph::Validity;
    /// let v = Validity::between("2025-08".parse()?, "2025-02".parse()?);
    /// assert!(!v.is_consistent());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn is_consistent(&self) -> bool {
        match (self.from, self.until) {
            (Some(from), Some(until)) => until.last_ordinal() >= from.first_ordinal(),
            _ => true,
        }
    }

    /// Whether it held on the last day of `date`, and how surely.
    ///
    /// `None` when it certainly did not hold. See the as-of rules on [`Validity`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use diplograph::{Certainty, Validity};
    /// let v = Validity::since("2025-08-18".parse()?);
    /// assert_eq!(v.at("2025-08".parse()?), Some(Certainty::Certain)); // end of August
    /// assert_eq!(v.at("2025-08-17".parse()?), None);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    pub fn at(&self, date: PartialDate) -> Option<Certainty> {
        let day = date.last_ordinal();
        let mut certainty = Certainty::Certain;
        if let Some(from) = self.from {
            if day < from.first_ordinal() {
                return None;
            }
            if day < from.last_ordinal() {
                certainty = Certainty::Possible;
            }
        }
        if let Some(until) = self.until {
            if day >= until.last_ordinal() {
                return None;
            }
            if day >= until.first_ordinal() {
                certainty = Certainty::Possible;
            }
        }
        Some(certainty)
    }

    /// Whether some day certainly lies in both intervals, whatever days
    /// inside their partial bounds the truth is. An open side is unbounded.
    /// A change of position (`until: D` then `from: D`) does not overlap,
    /// nor does one at month precision (`until: 2025-08`, `from: 2025-08`).
    pub(crate) fn surely_overlaps(&self, other: &Validity) -> bool {
        // A day certainly inside: from the last day `from` may be, up to
        // (not including) the first day `until` may be.
        let start = |v: &Validity| v.from.map_or(i64::MIN, |d| d.last_ordinal());
        let end = |v: &Validity| v.until.map_or(i64::MAX, |d| d.first_ordinal());
        start(self).max(start(other)) < end(self).min(end(other))
    }
}

impl fmt::Display for Validity {
    /// `since 2025-08-18`, `until 2025-08-18`, `2025-02 to 2025-08-18`, or
    /// `at an unknown time`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.until) {
            (None, None) => f.write_str("at an unknown time"),
            (Some(from), None) => write!(f, "since {from}"),
            (None, Some(until)) => write!(f, "until {until}"),
            (Some(from), Some(until)) => write!(f, "{from} to {until}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn day_before_crosses_months_and_years() {
        assert_eq!(d("2025-08-18").day_before(), Some(d("2025-08-17")));
        assert_eq!(d("2025-08").day_before(), Some(d("2025-07-31")));
        assert_eq!(d("2024-03-01").day_before(), Some(d("2024-02-29")));
        assert_eq!(d("2025").day_before(), Some(d("2024-12-31")));
        assert_eq!(d("0001").day_before(), None);
        assert_eq!(d("2025-08-18").day_after(), Some(d("2025-08-19")));
        assert_eq!(d("2025-08").day_after(), Some(d("2025-09-01")));
        assert_eq!(d("2024-02-28").day_after(), Some(d("2024-02-29")));
        assert_eq!(d("2025").day_after(), Some(d("2026-01-01")));
        assert_eq!(d("9999-12").day_after(), None);
    }

    #[test]
    fn parses_and_prints_each_precision() {
        for text in ["2025", "2025-02", "2025-02-28", "0001", "9999-12-31"] {
            assert_eq!(d(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for (text, reason) in [
            ("", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("25", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2025-2", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2025-02-28-01", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("2025/02/28", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("+025-02", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("２０２５", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("0000", "year must be between 1 and 9999"),
            ("2025-13", "month must be between 01 and 12"),
            ("2025-00", "month must be between 01 and 12"),
            ("2025-02-30", "February 2025 has 28 days"),
            ("2025-02-29", "February 2025 has 28 days"),
            ("1900-02-29", "February 1900 has 28 days"),
            ("2025-04-31", "April 2025 has 30 days"),
            ("2025-01-00", "January 2025 has 31 days"),
        ] {
            let err = text.parse::<PartialDate>().unwrap_err();
            assert_eq!(err.reason(), reason, "{text}");
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2000-02-29".parse::<PartialDate>().is_ok());
    }

    #[test]
    fn orders_only_what_is_known() {
        assert!(d("2025-02") < d("2025-03-01"));
        assert!(d("2025-02-28") > d("2025-01"));
        assert_eq!(d("2025-02").partial_cmp(&d("2025-02-28")), None);
        assert_eq!(d("2025").partial_cmp(&d("2025-06")), None);
        assert!(d("2025-02") >= d("2025-02") && d("2025-02") <= d("2025-02"));
        assert_eq!(
            d("2025-02").partial_cmp(&d("2025-02")),
            Some(Ordering::Equal)
        );
        assert_ne!(d("2025-02"), d("2025-02-01"));
    }

    #[test]
    fn timeline_order_is_total_and_consistent_with_known_order() {
        let mut dates = vec![
            d("2025-02-28"),
            d("2025"),
            d("2024-12-31"),
            d("2025-02"),
            d("2025-01"),
        ];
        dates.sort_by(PartialDate::timeline_cmp);
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            ["2024-12-31", "2025-01", "2025", "2025-02", "2025-02-28"]
        );
        for a in &dates {
            for b in &dates {
                if a < b {
                    assert_eq!(a.timeline_cmp(b), Ordering::Less);
                }
            }
        }
    }

    #[test]
    fn consecutive_days_have_consecutive_numbers() {
        let mut previous = d("1895-12-31").day_number();
        for year in 1896..=2105 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let date = PartialDate::ymd(year, month, day).unwrap();
                    assert_eq!(date.day_number(), previous + 1, "{date}");
                    assert_eq!(date.last_day_number(), date.day_number());
                    previous = date.day_number();
                }
            }
        }
        assert_eq!(d("2024-02").last_day_number(), d("2024-02-29").day_number());
        assert_eq!(d("2025").last_day_number(), d("2025-12-31").day_number());
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(d("0001-01-01").day_number(), 0);
        assert_eq!(
            d("2025-01-01").day_number() - d("2024-01-01").day_number(),
            366
        );
        assert_eq!(
            d("2025-03-01").day_number() - d("2025-02-28").day_number(),
            1
        );
    }

    #[test]
    fn validity_at_uses_the_last_day_of_the_question() {
        let v = Validity::between(d("2025-02"), d("2025-08-18"));
        assert_eq!(v.at(d("2025-01-31")), None);
        assert_eq!(v.at(d("2025-02-01")), Some(Certainty::Possible));
        assert_eq!(v.at(d("2025-02")), Some(Certainty::Certain));
        assert_eq!(v.at(d("2025-08-17")), Some(Certainty::Certain));
        assert_eq!(v.at(d("2025-08-18")), None);
        // "as of August 2025" is the end of August: it no longer held.
        assert_eq!(v.at(d("2025-08")), None);
        let ended_in_august = Validity::until(d("2025-08"));
        assert_eq!(
            ended_in_august.at(d("2025-07-31")),
            Some(Certainty::Certain)
        );
        assert_eq!(
            ended_in_august.at(d("2025-08-15")),
            Some(Certainty::Possible)
        );
        assert_eq!(ended_in_august.at(d("2025-08-31")), None);
        assert_eq!(Validity::always().at(d("0001")), Some(Certainty::Certain));
    }

    #[test]
    fn consistency_allows_overlapping_partial_bounds() {
        assert!(Validity::between(d("2025-08"), d("2025-08-01")).is_consistent());
        assert!(Validity::between(d("2025-08-18"), d("2025-08-18")).is_consistent());
        assert!(!Validity::between(d("2025-08-18"), d("2025-08-17")).is_consistent());
    }

    #[test]
    fn serde_uses_the_text_form() {
        let json = serde_json::to_string(&Validity::between(d("2025"), d("2025-08-18"))).unwrap();
        assert_eq!(json, r#"{"from":"2025","until":"2025-08-18"}"#);
        let back: Validity = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Validity::between(d("2025"), d("2025-08-18")));
        let err = serde_json::from_str::<Validity>(r#"{"from":"2025-02-30"}"#).unwrap_err();
        assert!(
            err.to_string().contains("February 2025 has 28 days"),
            "{err}"
        );
    }
}
