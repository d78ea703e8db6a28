//! `tokenctl webhook …`: HTTP endpoints that hear of token and account
//! events, signed per Standard Webhooks.

pub mod add;
pub mod deliveries;
pub mod list;
pub mod remove;
pub mod test;

use super::Context;
use crate::error::Result;

/// Manage webhooks: endpoints told of token and account events
///
/// A token server sends each event a webhook subscribes to as a signed
/// HTTP POST (Standard Webhooks: webhook-id, webhook-timestamp and
/// webhook-signature headers, so existing verifier libraries accept it),
/// from an outbox written with the change itself: nothing is sent for a
/// change that did not happen, nothing is lost when a server dies, and a
/// refused message is tried again for a day. Needs webhooks:manage.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(list::Args),
    Add(add::Args),
    #[command(visible_alias = "rm")]
    Remove(remove::Args),
    Test(test::Args),
    Deliveries(deliveries::Args),
}

pub async fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::List(args) => list::run(ctx, args).await,
        Command::Add(args) => add::run(ctx, args).await,
        Command::Remove(args) => remove::run(ctx, args).await,
        Command::Test(args) => test::run(ctx, args).await,
        Command::Deliveries(args) => deliveries::run(ctx, args).await,
    }
}

/// A webhook's events as `webhook add --events` takes them.
fn events(webhook: &crate::model::Webhook) -> String {
    let names: Vec<&str> = webhook.events.iter().map(|event| event.as_str()).collect();
    names.join(",")
}
