//! `tokenctl user disable`.

/// Disable a user: their tokens stop working until they are enabled again
///
/// Examples:
///   tokenctl user disable bob
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,
}
