//! Leak reports from code hosts (GitHub's secret scanning partner
//! program): every token of ours a report names is revoked at once, and
//! the reporter told which were ours. The protocol is `leak_report`'s.

use crate::error::{ErrorKind, Result};
use crate::leak_report::{Feedback, Label, ReportedToken};
use crate::policy::{self, MAX_REASON_LEN};
use crate::requests::Origin;
use crate::secret::Secret;
use crate::store::AuditRecord;

use super::TokenService;

impl TokenService {
    /// Revokes every live token of ours in `report` (signed by `reporter`,
    /// whose signature the caller has checked), with the place it was
    /// found as the reason. A token already revoked stays so: the same
    /// report twice revokes once. Anything that is not ours (a look-alike,
    /// a checksum that fails) is a false positive.
    pub async fn report_leaks(
        &self,
        reporter: &str,
        report: Vec<ReportedToken>,
        source: &str,
    ) -> Result<Vec<Feedback>> {
        let origin = Origin {
            who: format!("{reporter} secret scanning"),
            source: source.to_owned(),
        };
        let (mut revoked, mut ours) = (0, 0);
        let mut feedback = Vec::with_capacity(report.len());
        for reported in report {
            let label = match Secret::parse(&reported.token) {
                Err(_) => Label::FalsePositive,
                Ok(secret) => {
                    let reason = leak_reason(reporter, &reported.url);
                    match self.revoke_by_secret(&origin, &secret, Some(&reason)).await {
                        Ok(revocation) => {
                            ours += 1;
                            revoked += usize::from(revocation.newly_revoked);
                            Label::TruePositive
                        }
                        Err(error) if error.kind == ErrorKind::NotFound => Label::FalsePositive,
                        Err(error) => return Err(error),
                    }
                }
            };
            feedback.push(Feedback {
                token_raw: reported.token,
                token_type: reported.kind,
                label,
            });
        }
        let detail = format!(
            "{reporter} reported {} token(s): {ours} of ours, {revoked} newly revoked",
            feedback.len()
        );
        self.append_audit(AuditRecord {
            at: self.now(),
            actor: origin.who.clone(),
            action: "leak.report",
            token_id: None,
            detail,
            source: source.to_owned(),
            via_token: None,
            event: None,
        })
        .await?;
        Ok(feedback)
    }

    /// Writes why a leak report was not believed, while the refusals of
    /// the last minute stay under the exchange limit (anyone may post one).
    pub async fn audit_leak_report_rejected(
        &self,
        reporter: &str,
        why: &str,
        source: &str,
    ) -> Result<()> {
        self.audit_refusal(AuditRecord {
            at: self.now(),
            actor: format!("{reporter} secret scanning"),
            action: "leak.report.rejected",
            token_id: None,
            detail: format!("report rejected: {why}"),
            source: source.to_owned(),
            via_token: None,
            event: None,
        })
        .await
    }
}

/// `leaked: reported by github at <url>` (without a URL, where none was
/// given), made to fit a revocation reason: one printable line, cut short.
fn leak_reason(reporter: &str, url: &str) -> String {
    let printable: String = url
        .chars()
        .filter(|c| !c.is_control() && !policy::is_deceptive(*c))
        .collect();
    let mut reason = format!("leaked: reported by {reporter}");
    if !printable.trim().is_empty() {
        reason.push_str(" at ");
        reason.push_str(printable.trim());
    }
    if reason.chars().count() > MAX_REASON_LEN {
        reason = reason.chars().take(MAX_REASON_LEN - 1).collect();
        reason.push('…');
    }
    reason
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leak_reason_is_one_short_printable_line() {
        assert_eq!(leak_reason("github", " "), "leaked: reported by github");
        let url = format!("https://x/{}\u{202e}\n{}", "a".repeat(400), "b");
        let reason = leak_reason("github", &url);
        assert!(policy::check_reason(&reason).is_ok(), "{reason}");
        assert!(reason.starts_with("leaked: reported by github at https://x/aaa"));
        let short = leak_reason("github", "https://github.com/a/b\u{7}");
        assert_eq!(
            short,
            "leaked: reported by github at https://github.com/a/b"
        );
    }
}
