//! `tokenctl user set-role`.

/// Give a user another role (needs users:manage)
///
/// Their sessions and tokens follow at once: a session acts with the new
/// role, and a token keeps only what it was granted that the new role also
/// has. Only someone who holds every permission of both roles may do it.
///
/// Examples:
///   tokenctl user set-role alice support
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,

    /// The role they get
    #[arg(add = crate::cmd::complete::roles())]
    pub role: String,
}
