//! `tokenctl user unlock`.

/// Let a user log in again at once after failed logins (needs users:manage)
///
/// Failed logins are counted per address, so someone guessing a user's
/// password only locks out their own address; this forgets the failures of
/// every address on the account. Needs what enabling the user needs.
///
/// Examples:
///   tokenctl user unlock bob
///   tokenctl user unlock bob --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,
}
