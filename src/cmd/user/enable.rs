//! `tokenctl user enable`.

/// Enable a disabled user again
///
/// Examples:
///   tokenctl user enable bob
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the user
    #[arg(add = crate::cmd::complete::users())]
    pub name: String,
}
