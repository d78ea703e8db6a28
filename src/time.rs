//! Durations and instants as people type and read them: `30d`, `12h`,
//! `2027-01-31`, `never`; "in 29 days", "3h ago".

use chrono::{DateTime, Duration, NaiveDate, SubsecRound, Utc};

/// The current time, to the second: stored timestamps have second precision,
/// so comparisons against `now` must too.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// Where the token service reads the time: the system clock, or a pinned
/// one that moves only when a test moves it — so the rules about expiry,
/// grace periods and lockouts are tested at their exact second, with no
/// sleeping. Clones share one pinned time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    pinned: Option<std::sync::Arc<std::sync::atomic::AtomicI64>>,
}

impl Clock {
    /// The system clock, to the second (see [`now`]).
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that reads `at` (to the second) until [`Clock::advance`].
    pub fn pinned_at(at: DateTime<Utc>) -> Clock {
        Clock {
            pinned: Some(std::sync::Arc::new(at.timestamp().into())),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.pinned {
            None => now(),
            Some(seconds) => {
                let seconds = seconds.load(std::sync::atomic::Ordering::SeqCst);
                DateTime::from_timestamp(seconds, 0).unwrap_or_else(now)
            }
        }
    }

    /// Moves a pinned clock on by `by` (whole seconds); the system clock
    /// moves by itself.
    pub fn advance(&self, by: Duration) {
        if let Some(seconds) = &self.pinned {
            seconds.fetch_add(by.num_seconds(), std::sync::atomic::Ordering::SeqCst);
        }
    }
}

/// Parses `90s`, `15m`, `12h`, `30d`, `2w`, `1y` (365 days). Zero is allowed
/// here; callers that need a positive span say so.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("'{text}' has no unit: write e.g. 30d, 12h, 15m or 90s"))?;
    let (number, unit) = text.split_at(split);
    let amount: i64 = number
        .parse()
        .map_err(|_| format!("'{text}' is not a duration: write e.g. 30d, 12h, 15m or 90s"))?;
    let seconds_per_unit = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        "y" => 365 * 86_400,
        _ => {
            return Err(format!(
                "unknown unit '{unit}' in '{text}': use s, m, h, d, w or y"
            ));
        }
    };
    amount
        .checked_mul(seconds_per_unit)
        .filter(|seconds| *seconds <= MAX_SPAN_SECONDS)
        .map(Duration::seconds)
        .ok_or_else(|| format!("'{text}' is too long"))
}

/// The longest span tokenctl takes from anyone (a flag, a client, a file):
/// 200 years, far beyond any sensible lifetime and far inside chrono's
/// range, so no arithmetic on instants can overflow (chrono panics there).
pub const MAX_SPAN_SECONDS: i64 = 200 * 365 * 86_400;

/// `span` held within 0 ..= [`MAX_SPAN_SECONDS`], for a span that came past
/// none of the checks (a library caller): instant arithmetic on it can't
/// overflow, and the instant fits every store.
pub fn bounded(span: Duration) -> Duration {
    span.clamp(Duration::zero(), Duration::seconds(MAX_SPAN_SECONDS))
}

/// A span a client sent in whole seconds (`since_seconds`, `grace_seconds`,
/// `expires_in`, …), or why it is refused: it must be between 0 and
/// [`MAX_SPAN_SECONDS`]. Every integer from a request goes through here.
pub fn client_seconds(name: &str, seconds: i64) -> Result<Duration, String> {
    if (0..=MAX_SPAN_SECONDS).contains(&seconds) {
        Ok(Duration::seconds(seconds))
    } else {
        Err(format!(
            "{name} must be a number of seconds between 0 and {MAX_SPAN_SECONDS}, not {seconds}"
        ))
    }
}

/// What the user asked for with `--expires`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Never,
    After(Duration),
    At(DateTime<Utc>),
}

impl Expiry {
    /// `never`, a duration (`30d`), a date (`2027-01-31`: valid through the
    /// end of that day, UTC) or an RFC 3339 instant.
    pub fn parse(text: &str) -> Result<Expiry, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("never") {
            return Ok(Expiry::Never);
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            let next_midnight = date
                .succ_opt()
                .and_then(|day| day.and_hms_opt(0, 0, 0))
                .ok_or_else(|| format!("'{text}' is out of range"))?;
            return Ok(Expiry::At(next_midnight.and_utc()));
        }
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(Expiry::At(instant.with_timezone(&Utc).trunc_subsecs(0)));
        }
        if text.starts_with(|c: char| c.is_ascii_digit()) && !text.contains('-') {
            return parse_duration(text).map(Expiry::After);
        }
        Err(format!(
            "'{text}' is not an expiry: use a duration (30d, 12h), a date (2027-01-31) or 'never'"
        ))
    }

    /// The instant this expiry names, counted from `now`.
    pub fn resolve(self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Expiry::Never => None,
            Expiry::After(duration) => Some(now + duration),
            Expiry::At(instant) => Some(instant),
        }
    }
}

/// A point in the past, as `audit prune --before` takes it: a duration ago
/// (`90d`), a date (`2026-01-01`: its start, UTC) or an RFC 3339 instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cutoff {
    Ago(Duration),
    At(DateTime<Utc>),
}

impl Cutoff {
    pub fn parse(text: &str) -> Result<Cutoff, String> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            let midnight = date
                .and_hms_opt(0, 0, 0)
                .ok_or_else(|| format!("'{text}' is out of range"))?;
            return Ok(Cutoff::At(midnight.and_utc()));
        }
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(Cutoff::At(instant.with_timezone(&Utc).trunc_subsecs(0)));
        }
        if text.starts_with(|c: char| c.is_ascii_digit()) && !text.contains('-') {
            return parse_duration(text).map(Cutoff::Ago);
        }
        Err(format!(
            "'{text}' is not a point in time: use a duration ago (90d), a date (2026-01-01) \
             or an RFC 3339 instant"
        ))
    }

    /// The instant this names, counted back from `now`.
    pub fn resolve(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Cutoff::Ago(span) => now - bounded(span),
            Cutoff::At(instant) => instant,
        }
    }
}

/// The form [`Expiry::parse`] reads back: `never`, `<seconds>s`, or RFC 3339.
impl std::fmt::Display for Expiry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expiry::Never => f.write_str("never"),
            Expiry::After(duration) => write!(f, "{}s", duration.num_seconds()),
            Expiry::At(instant) => f.write_str(&instant.to_rfc3339()),
        }
    }
}

/// "in 29d", "in 3h", "2d ago", "just now": coarse on purpose, for tables.
pub fn relative(instant: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let delta = instant - now;
    let seconds = delta.num_seconds();
    if seconds.abs() < 60 {
        return if seconds > 0 {
            "in <1m".to_owned()
        } else {
            "just now".to_owned()
        };
    }
    let span = compact(Duration::seconds(seconds.abs()));
    if seconds > 0 {
        format!("in {span}")
    } else {
        format!("{span} ago")
    }
}

/// The largest whole unit of a positive duration: `29d`, `3h`, `12m`, `40s`.
pub fn compact(duration: Duration) -> String {
    let seconds = duration.num_seconds();
    match seconds {
        s if s >= 86_400 => format!("{}d", s / 86_400),
        s if s >= 3_600 => format!("{}h", s / 3_600),
        s if s >= 60 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// Timestamps on the wire, for `#[serde(with = "…")]`: exactly chrono's
/// own RFC 3339 form (`2026-11-25T17:22:23Z`), but handed to the encoder in
/// one piece. chrono's serializer writes a character at a time through the
/// JSON escaper, and a token carries up to five: in a profile of the
/// server's verify endpoint that formatting took about 3% of its time.
pub mod rfc3339 {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&text(at))
    }

    /// The one form: chrono's own for `DateTime<Utc>`.
    fn text(at: &DateTime<Utc>) -> String {
        at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        DateTime::deserialize(deserializer)
    }

    /// The same for an optional timestamp (`null` when absent).
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            at: &Option<DateTime<Utc>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match at {
                Some(at) => serializer.serialize_some(&super::text(at)),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            Option::deserialize(deserializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cutoff_is_a_duration_ago_a_date_or_an_instant() {
        let now = DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let at = |text: &str| Cutoff::parse(text).map(|cutoff| cutoff.resolve(now).to_rfc3339());
        assert_eq!(at("90d"), Ok("2026-09-04T10:00:00+00:00".to_owned()));
        assert_eq!(at("2026-01-01"), Ok("2026-01-01T00:00:00+00:00".to_owned()));
        assert_eq!(
            at("2026-06-01T12:30:00+02:00"),
            Ok("2026-06-01T10:30:00+00:00".to_owned())
        );
        assert!(at("yesterday").is_err());
        assert!(at("-5d").is_err());
        assert!(at("2026-13-01").is_err());
    }

    #[test]
    fn the_last_minute_is_just_now_and_the_next_is_in_under_a_minute() {
        let now = DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let at = |seconds: i64| relative(now + Duration::seconds(seconds), now);
        assert_eq!(at(0), "just now");
        assert_eq!(at(-59), "just now");
        assert_eq!(at(1), "in <1m");
        assert_eq!(at(59), "in <1m");
        assert_eq!(at(-60), "1m ago");
        assert_eq!(at(60), "in 1m");
        assert_eq!(at(-3 * 86_400), "3d ago");
    }

    #[test]
    fn any_span_bounded_is_safe_to_add_and_subtract() {
        let longest = Duration::seconds(MAX_SPAN_SECONDS);
        for (span, bounded_to) in [
            (Duration::MIN, Duration::zero()),
            (Duration::seconds(-1), Duration::zero()),
            (Duration::days(30), Duration::days(30)),
            (Duration::MAX, longest),
        ] {
            assert_eq!(bounded(span), bounded_to, "{span:?}");
            let now = now();
            assert!(now.checked_add_signed(bounded(span)).is_some());
            assert!(now.checked_sub_signed(bounded(span)).is_some());
        }
    }

    #[test]
    fn durations_in_every_unit() {
        assert_eq!(parse_duration("90s"), Ok(Duration::seconds(90)));
        assert_eq!(parse_duration("15m"), Ok(Duration::minutes(15)));
        assert_eq!(parse_duration("12h"), Ok(Duration::hours(12)));
        assert_eq!(parse_duration("30d"), Ok(Duration::days(30)));
        assert_eq!(parse_duration("2w"), Ok(Duration::days(14)));
        assert_eq!(parse_duration("1y"), Ok(Duration::days(365)));
    }

    #[test]
    fn bad_durations_say_what_to_write() {
        for bad in ["", "30", "d", "30x", "-5d", "1.5h", "99999999999999y"] {
            assert!(parse_duration(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn a_date_is_valid_through_its_last_second() {
        let Ok(Expiry::At(instant)) = Expiry::parse("2027-01-31") else {
            panic!("date not parsed");
        };
        assert_eq!(instant.to_rfc3339(), "2027-02-01T00:00:00+00:00");
    }

    #[test]
    fn expiries_survive_the_trip_to_the_server() {
        for text in ["never", "30d", "2027-01-31", "2027-01-31T10:00:00Z"] {
            let expiry = Expiry::parse(text).expect("parse");
            assert_eq!(Expiry::parse(&expiry.to_string()), Ok(expiry), "{text}");
        }
    }

    #[test]
    fn expiry_forms() {
        assert_eq!(Expiry::parse("never"), Ok(Expiry::Never));
        assert_eq!(Expiry::parse("7d"), Ok(Expiry::After(Duration::days(7))));
        assert!(Expiry::parse("2027-02-30").is_err());
        assert!(Expiry::parse("tomorrow").is_err());
    }

    #[test]
    fn timestamps_go_on_the_wire_exactly_as_chrono_writes_them() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Ours {
            #[serde(with = "super::rfc3339")]
            at: DateTime<Utc>,
            #[serde(with = "super::rfc3339::option")]
            maybe: Option<DateTime<Utc>>,
        }
        #[derive(serde::Serialize)]
        struct Chronos {
            at: DateTime<Utc>,
            maybe: Option<DateTime<Utc>>,
        }
        let whole = DateTime::from_timestamp(1_795_000_000, 0).expect("time");
        for at in [
            whole,
            whole + Duration::milliseconds(250),
            whole + Duration::nanoseconds(123_456_789),
            whole + Duration::microseconds(7),
        ] {
            for maybe in [Some(at), None] {
                let ours = serde_json::to_string(&Ours { at, maybe }).expect("ours");
                let chronos = serde_json::to_string(&Chronos { at, maybe }).expect("chrono");
                assert_eq!(ours, chronos);
                let back: Ours = serde_json::from_str(&ours).expect("read back");
                assert_eq!(back, Ours { at, maybe });
            }
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// No text makes the duration parser panic (huge numbers
            /// included); what it accepts is never negative.
            #[test]
            fn any_text_is_a_duration_or_an_error(text in any::<String>()) {
                if let Ok(duration) = parse_duration(&text) {
                    prop_assert!(duration >= Duration::zero());
                }
            }

            #[test]
            fn huge_numbers_are_refused_not_wrapped(
                digits in "[1-9][0-9]{15,40}",
                unit in "[smhdwy]",
            ) {
                let text = format!("{digits}{unit}");
                if let Ok(duration) = parse_duration(&text) {
                    let seconds: f64 = digits.parse().expect("number");
                    prop_assert!(duration.num_seconds() as f64 >= seconds);
                }
            }

            #[test]
            fn every_unit_multiplies(amount in 0i64..1_000_000, unit in 0usize..6) {
                let (suffix, seconds) = [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800), ("y", 31_536_000)][unit];
                let parsed = parse_duration(&format!("{amount}{suffix}"));
                if amount * seconds <= MAX_SPAN_SECONDS {
                    prop_assert_eq!(parsed, Ok(Duration::seconds(amount * seconds)));
                } else {
                    prop_assert!(parsed.is_err());
                }
            }
        }
    }
}
