//! When an event happens: its start and end as an editor writes them in front matter, and the
//! same in UK time for listings and calendars.
//!
//! Times are written as they are on the clock in England (`start = 2027-02-10T09:30:00`), never
//! with a zone: the partnership's readers are all in one place. They are read as Europe/London
//! time, so a course in July is 09:30 BST and one in January 09:30 GMT, and calendar files carry
//! the right moment either way. A whole-day event is written as a date.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Deserializer, Serialize};

use super::FrontMatter;

/// The zone every event time is read in.
pub(crate) const TIME_ZONE: &str = "Europe/London";

/// The UK's time zone, from the time zone database built into waymark.
pub(crate) fn uk_time_zone() -> TimeZone {
    TimeZone::get(TIME_ZONE).expect("the built-in time zone database has Europe/London")
}

/// A `start` or `end` as written: a day, a day and a time, or (for `end`) a time on the day the
/// event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    Day(Date),
    At(DateTime),
    Time(Time),
}

impl EventTime {
    /// Reads text such as `2027-02-10`, `2027-02-10 09:30`, `2027-02-10T09:30:00` or `12:30`.
    pub fn parse(text: &str) -> Result<EventTime, String> {
        let text = text.trim();
        if let Ok(day) = text.parse::<Date>()
            && text.len() == 10
        {
            return Ok(EventTime::Day(day));
        }
        if let Ok(at) = text.parse::<DateTime>() {
            return Ok(EventTime::At(at));
        }
        if let Ok(time) = text.parse::<Time>() {
            return Ok(EventTime::Time(time));
        }
        Err(format!(
            "`{text}` is not a date or time: write 2027-02-10T09:30:00 for a time on a day, \
             2027-02-10 for a whole day, or 12:30:00 for an end time on the day it starts"
        ))
    }
}

impl Serialize for EventTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EventTime::Day(d) => serializer.collect_str(d),
            EventTime::At(dt) => serializer.collect_str(dt),
            EventTime::Time(t) => serializer.collect_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for EventTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(s) => EventTime::parse(&s).map_err(D::Error::custom),
            toml::Value::Datetime(dt) if dt.offset.is_some() => Err(D::Error::custom(format!(
                "`{dt}` has a time zone: write the time as it is in the UK, without a zone, \
                 such as 2027-02-10T09:30:00"
            ))),
            toml::Value::Datetime(dt) => {
                EventTime::parse(&dt.to_string().replace(' ', "T")).map_err(D::Error::custom)
            }
            other => Err(D::Error::custom(format!(
                "expected a date and time such as 2027-02-10T09:30:00, found {}",
                other.type_str()
            ))),
        }
    }
}

/// What an event's page and listings say about booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// Places can be booked.
    Open,
    /// No places left; the contact may keep a waiting list.
    Full,
    Cancelled,
    Postponed,
}

impl EventStatus {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Open => "Booking open",
            EventStatus::Full => "Fully booked",
            EventStatus::Cancelled => "Cancelled",
            EventStatus::Postponed => "Postponed",
        }
    }

    /// The id for CSS classes and the `status` value.
    pub fn id(self) -> &'static str {
        match self {
            EventStatus::Open => "open",
            EventStatus::Full => "full",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Postponed => "postponed",
        }
    }

    /// A status that only makes sense before the event: "still marked as upcoming" once past.
    pub fn says_upcoming(self) -> bool {
        matches!(self, EventStatus::Open | EventStatus::Full)
    }
}

/// When an event runs, resolved: start and end in UK time, or whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventWhen {
    /// From the first day to the last, inclusive.
    Days { first: Date, last: Date },
    /// From one moment to a later one, as UK clock times.
    Times { start: DateTime, end: DateTime },
}

/// Which front matter key a problem with an event's times is about, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WhenProblem {
    pub key: &'static str,
    pub message: String,
    pub hint: &'static str,
}

impl EventWhen {
    /// The times of an event page; `Ok(None)` when it has no `start` (an error for an event,
    /// reported by the kinds' checks).
    pub(crate) fn of(front: &FrontMatter) -> Result<Option<EventWhen>, WhenProblem> {
        let Some(start) = front.start else {
            return Ok(None);
        };
        let when = match (start, front.end) {
            (EventTime::Day(first), None) => EventWhen::Days { first, last: first },
            (EventTime::Day(first), Some(EventTime::Day(last))) => EventWhen::Days { first, last },
            (EventTime::Day(_), Some(_)) => {
                return Err(WhenProblem {
                    key: "end",
                    message: "the event starts on a day with no time, so its end needs a day too"
                        .into(),
                    hint: "write end as a date (end = 2027-02-11), or give start a time \
                           (start = 2027-02-10T09:30:00)",
                });
            }
            (EventTime::At(start), Some(EventTime::At(end))) => EventWhen::Times { start, end },
            (EventTime::At(start), Some(EventTime::Time(time))) => EventWhen::Times {
                start,
                end: start.date().to_datetime(time),
            },
            (EventTime::At(_), Some(EventTime::Day(_))) => {
                return Err(WhenProblem {
                    key: "end",
                    message: "the event starts at a time, so its end needs a time too".into(),
                    hint: "write end = 12:30:00 for the same day, or end = 2027-02-11T12:30:00",
                });
            }
            (EventTime::At(_), None) => {
                return Err(WhenProblem {
                    key: "start",
                    message: "the event has a start time but no end".into(),
                    hint: "add end = 12:30:00 (a time on the same day) or end = \
                           2027-02-11T12:30:00, so calendars show how long it lasts",
                });
            }
            (EventTime::Time(_), _) => {
                return Err(WhenProblem {
                    key: "start",
                    message: "the start is a time with no day".into(),
                    hint: "write the day and the time: start = 2027-02-10T09:30:00",
                });
            }
        };
        let backwards = match when {
            EventWhen::Days { first, last } => last < first,
            EventWhen::Times { start, end } => end <= start,
        };
        if backwards {
            return Err(WhenProblem {
                key: "end",
                message: "the event ends before it starts".into(),
                hint: "check the dates and times of start and end",
            });
        }
        Ok(Some(when))
    }

    /// The last day of the event.
    pub(crate) fn last_day(self) -> Date {
        match self {
            EventWhen::Days { last, .. } => last,
            EventWhen::Times { end, .. } => end.date(),
        }
    }

    /// True once the event's last day is before `today`: it moves to the past events. An
    /// event on `today` is still listed as upcoming.
    pub(crate) fn has_ended(self, today: Date) -> bool {
        self.last_day() < today
    }

    /// Sort key: when it starts, as a UK clock time (whole days start at midnight).
    pub(crate) fn sort_key(self) -> DateTime {
        match self {
            EventWhen::Days { first, .. } => first.to_datetime(Time::midnight()),
            EventWhen::Times { start, .. } => start,
        }
    }

    /// The start and end as moments, for calendars; None for whole-day events. A clock time in
    /// the hour the clocks change is read as calendars read it (jiff's "compatible" rule).
    pub(crate) fn instants(self) -> Option<(Timestamp, Timestamp)> {
        let EventWhen::Times { start, end } = self else {
            return None;
        };
        let zone = uk_time_zone();
        let at =
            |dt: DateTime| -> Option<ZonedDateTime> { dt.to_zoned_datetime(zone.clone()).ok() };
        Some((at(start)?.timestamp(), at(end)?.timestamp()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(start: &str, end: Option<&str>) -> Result<Option<EventWhen>, WhenProblem> {
        let front = FrontMatter {
            start: Some(EventTime::parse(start).unwrap()),
            end: end.map(|e| EventTime::parse(e).unwrap()),
            ..FrontMatter::default()
        };
        EventWhen::of(&front)
    }

    #[test]
    fn times_days_and_end_times_on_the_start_day_are_read() {
        assert_eq!(
            EventTime::parse("2027-02-10").unwrap(),
            EventTime::Day(jiff::civil::date(2027, 2, 10))
        );
        assert!(matches!(
            EventTime::parse("2027-02-10 09:30").unwrap(),
            EventTime::At(_)
        ));
        assert!(matches!(
            EventTime::parse("12:30").unwrap(),
            EventTime::Time(_)
        ));
        assert!(EventTime::parse("next Tuesday").is_err());
        let Some(EventWhen::Times { start, end }) =
            when("2027-02-10T09:30:00", Some("12:30:00")).unwrap()
        else {
            panic!("a timed event")
        };
        assert_eq!(start.date(), end.date());
        assert_eq!(end.time(), jiff::civil::time(12, 30, 0, 0));
    }

    #[test]
    fn impossible_or_missing_ends_are_problems_naming_the_key() {
        assert_eq!(when("2027-02-10T09:30:00", None).unwrap_err().key, "start");
        assert_eq!(
            when("2027-02-10T09:30:00", Some("08:00")).unwrap_err().key,
            "end"
        );
        assert_eq!(
            when("2027-02-10", Some("2027-02-09")).unwrap_err().key,
            "end"
        );
        assert_eq!(when("2027-02-10", Some("12:00")).unwrap_err().key, "end");
    }

    #[test]
    fn uk_clock_times_become_the_right_moments_in_winter_and_summer() {
        let winter = when("2027-01-12T09:30:00", Some("12:30")).unwrap().unwrap();
        let (start, _) = winter.instants().unwrap();
        assert_eq!(start.to_string(), "2027-01-12T09:30:00Z");
        let summer = when("2027-07-12T09:30:00", Some("12:30")).unwrap().unwrap();
        let (start, end) = summer.instants().unwrap();
        assert_eq!(start.to_string(), "2027-07-12T08:30:00Z");
        assert_eq!(end.to_string(), "2027-07-12T11:30:00Z");
    }

    #[test]
    fn an_event_is_past_only_after_its_last_day() {
        let event = when("2027-02-10T09:30:00", Some("12:30")).unwrap().unwrap();
        assert!(!event.has_ended(jiff::civil::date(2027, 2, 10)));
        assert!(event.has_ended(jiff::civil::date(2027, 2, 11)));
        let days = when("2027-02-10", Some("2027-02-12")).unwrap().unwrap();
        assert!(!days.has_ended(jiff::civil::date(2027, 2, 12)));
    }
}
