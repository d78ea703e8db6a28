//! When a login may be attempted: pure rules, applied by the store inside
//! the transaction that counts the attempt (so concurrent attempts cannot
//! all slip past one check).
//!
//! * Failures are counted per (account, address), so whoever knows a
//!   username can lock it only for the addresses they send from: the
//!   account's owner, from an address that has not failed, still logs in.
//! * An attempt is counted as a failure *before* its password is checked
//!   (a success clears the count), and the attempt that reaches the lockout
//!   threshold sets the lock as it is admitted: of any number of concurrent
//!   wrong attempts, exactly [`FREE_FAILURES`] + 1 are evaluated before the
//!   first lock.
//! * An account-wide ceiling: once [`ACCOUNT_CEILING`] failures from all
//!   addresses together fall within [`ACCOUNT_WINDOW`], every address that
//!   has failed on it waits [`ACCOUNT_COOLDOWN`] between attempts. Addresses
//!   that have not failed are not held back.
//! * Names with no account are counted and locked exactly alike, so the
//!   answers tell nothing about which accounts exist.

use chrono::{DateTime, Duration, Utc};

/// Failures in a row from one address before the lockout starts.
pub const FREE_FAILURES: i64 = 4;

/// Failures on one account, from all addresses, within [`ACCOUNT_WINDOW`],
/// beyond which addresses that have failed are slowed down further.
pub const ACCOUNT_CEILING: i64 = 50;
pub const ACCOUNT_WINDOW: Duration = Duration::hours(1);
pub const ACCOUNT_COOLDOWN: Duration = Duration::minutes(5);

/// Failures older than this are forgotten (and their rows removed).
pub const FORGET_AFTER: Duration = Duration::days(1);

/// What the store keeps per (account, address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Go ahead; the store keeps `Failures` as the new record (this
    /// attempt counted as failed until it succeeds).
    Allowed(Failures),
    Locked {
        until: DateTime<Utc>,
    },
}

/// Whether an attempt from an address with `record` may go ahead, given the
/// failures of the account's other addresses within [`ACCOUNT_WINDOW`].
pub fn admit(record: Option<Failures>, others: i64, now: DateTime<Utc>) -> Admission {
    let record = record.filter(|record| {
        record.last_at > now - FORGET_AFTER || record.locked_until.is_some_and(|until| until > now)
    });
    if let Some(until) = record.and_then(|record| record.locked_until)
        && until > now
    {
        return Admission::Locked { until };
    }
    let count = record.map_or(0, |record| record.count);
    if count > 0 && others.saturating_add(count) >= ACCOUNT_CEILING {
        let last = record.map_or(now, |record| record.last_at);
        let until = last + ACCOUNT_COOLDOWN;
        if until > now {
            return Admission::Locked { until };
        }
    }
    let count = count.saturating_add(1);
    Admission::Allowed(Failures {
        count,
        locked_until: lockout_after(count).map(|lockout| now + lockout),
        last_at: now,
    })
}

/// Whether the attempt that made `record` starts a lockout: the first
/// failure past the free ones in a run (what a `login.failed` event
/// reports, once per run rather than once per attempt).
pub fn starts_lockout(record: &Failures) -> bool {
    record.count == FREE_FAILURES + 1 && record.locked_until.is_some()
}

/// How long an address stays locked out of an account after `failures`
/// failed attempts in a row: nothing for the first four, then 30 s
/// doubling up to an hour.
pub fn lockout_after(failures: i64) -> Option<Duration> {
    if failures <= FREE_FAILURES {
        return None;
    }
    let doublings = u32::try_from((failures - FREE_FAILURES - 1).min(7)).unwrap_or(7);
    Some((Duration::seconds(30) * 2_i32.pow(doublings)).min(Duration::hours(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("time")
    }

    #[test]
    fn lockout_grows_from_the_fifth_failure_to_an_hour() {
        assert_eq!(lockout_after(4), None);
        assert_eq!(lockout_after(5), Some(Duration::seconds(30)));
        assert_eq!(lockout_after(6), Some(Duration::seconds(60)));
        assert_eq!(lockout_after(50), Some(Duration::hours(1)));
        assert_eq!(lockout_after(i64::MAX), Some(Duration::hours(1)));
    }

    /// Attempts admitted one after the other, none succeeding, all at the
    /// same instant: as a burst of concurrent attempts is serialised by
    /// the store.
    fn burst(others: i64, attempts: usize) -> usize {
        let mut record = None;
        let mut admitted = 0;
        for _ in 0..attempts {
            if let Admission::Allowed(next) = admit(record, others, at(0)) {
                record = Some(next);
                admitted += 1;
            }
        }
        admitted
    }

    #[test]
    fn a_burst_gets_exactly_five_attempts_evaluated() {
        assert_eq!(burst(0, 150), 5);
    }

    #[test]
    fn an_address_that_never_failed_is_not_held_back_by_the_ceiling() {
        assert!(matches!(
            admit(None, ACCOUNT_CEILING * 10, at(0)),
            Admission::Allowed(_)
        ));
    }

    #[test]
    fn past_the_ceiling_a_failing_address_gets_one_attempt_per_cooldown() {
        let once = Failures {
            count: 1,
            locked_until: None,
            last_at: at(0),
        };
        assert_eq!(
            admit(Some(once), ACCOUNT_CEILING, at(1)),
            Admission::Locked {
                until: at(0) + ACCOUNT_COOLDOWN
            }
        );
        let later = at(0) + ACCOUNT_COOLDOWN + Duration::seconds(1);
        assert!(matches!(
            admit(Some(once), ACCOUNT_CEILING, later),
            Admission::Allowed(_)
        ));
    }

    #[test]
    fn old_failures_are_forgotten() {
        let old = Failures {
            count: 40,
            locked_until: Some(at(10)),
            last_at: at(0),
        };
        assert_eq!(
            admit(Some(old), 0, at(0) + FORGET_AFTER + Duration::seconds(1)),
            Admission::Allowed(Failures {
                count: 1,
                locked_until: None,
                last_at: at(0) + FORGET_AFTER + Duration::seconds(1),
            })
        );
    }

    proptest! {
        /// Whatever the history, a lock in force is never shortened, an
        /// admitted attempt is counted, and no more than FREE_FAILURES + 1
        /// attempts go ahead at one instant.
        #[test]
        fn admissions_only_count_up(
            count in 0i64..1000,
            locked in proptest::option::of(-4000i64..4000),
            last in -100_000i64..=0,
            others in 0i64..200,
            attempts in 1usize..50,
        ) {
            let record = Failures {
                count,
                locked_until: locked.map(at),
                last_at: at(last),
            };
            match admit(Some(record), others, at(0)) {
                Admission::Locked { until } => prop_assert!(until > at(0)),
                Admission::Allowed(next) => {
                    prop_assert!(next.count >= 1);
                    prop_assert_eq!(next.last_at, at(0));
                    if let Some(until) = record.locked_until.filter(|until| *until > at(0)) {
                        prop_assert!(false, "admitted while locked until {until}");
                    }
                }
            }
            prop_assert!(burst(others, attempts) <= usize::try_from(FREE_FAILURES).unwrap_or(0) + 1);
        }
    }
}
