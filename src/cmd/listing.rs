//! How the list commands (`list`, `audit`, `user list`) walk a list page by
//! page, on the local store and on a server alike, and how many items they
//! show: never the whole list in memory, so `list --all --jsonl` over a
//! million tokens runs in the memory of one page.

use std::future::Future;

use crate::error::Result;
use crate::paging::{MAX_LIMIT, Page, PageRequest};

/// What a list shows when asked for no number: enough for any person at a
/// terminal, and a bound on what one careless command asks of a server.
pub const DEFAULT_SHOWN: usize = 1000;

/// How many items to show, and how.
#[derive(Debug, Clone, clap::Args)]
pub struct ListingArgs {
    /// Show at most N items [default: 1000]
    #[arg(long, value_name = "N", conflicts_with = "all", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,

    /// Show every item, however many (fetched a page at a time)
    #[arg(long)]
    pub all: bool,

    /// Print one JSON object per line as they arrive (JSON Lines)
    #[arg(long)]
    pub jsonl: bool,
}

impl ListingArgs {
    /// The most items to show; `None` for all of them.
    fn most(&self) -> Option<usize> {
        if self.all {
            return None;
        }
        let limit = self.limit.map_or(DEFAULT_SHOWN, |limit| {
            usize::try_from(limit).unwrap_or(usize::MAX)
        });
        Some(limit)
    }
}

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walked {
    /// Items handed to the printer.
    pub shown: usize,
    /// Whether more matched than were shown (the limit cut the walk short).
    pub more: bool,
}

/// Fetches the pages `fetch` answers, one after another, and hands each to
/// `print`, until the list ends or `args` says enough.
pub async fn walk<T, Fetch, Fetched>(
    args: &ListingArgs,
    mut fetch: Fetch,
    mut print: impl FnMut(Vec<T>) -> Result<()>,
) -> Result<Walked>
where
    Fetch: FnMut(PageRequest) -> Fetched,
    Fetched: Future<Output = Result<Page<T>>>,
{
    let most = args.most();
    let mut request = PageRequest::first(page_length(most, 0));
    let mut shown = 0;
    loop {
        let Page { mut items, next } = fetch(request.clone()).await?;
        let room = most.map_or(usize::MAX, |most| most - shown);
        let cut = items.len() > room;
        items.truncate(room);
        shown += items.len();
        print(items)?;
        let reached = most.is_some_and(|most| shown >= most);
        match next {
            Some(cursor) if !reached => {
                request = PageRequest::first(page_length(most, shown)).after(cursor);
            }
            next => {
                return Ok(Walked {
                    shown,
                    more: cut || (reached && next.is_some()),
                });
            }
        }
    }
}

/// The page to ask for next: as long as a server allows, but no longer
/// than what is still to be shown.
fn page_length(most: Option<usize>, shown: usize) -> usize {
    most.map_or(MAX_LIMIT, |most| (most - shown).clamp(1, MAX_LIMIT))
}

/// The note after a list that the limit cut short.
pub fn more_note(walked: Walked, what: &str) -> Option<String> {
    walked.more.then(|| {
        format!(
            "Showing the first {} {what}; more match: --all shows every one, --limit N another number",
            walked.shown
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paging::Cursor;
    use proptest::prelude::*;

    /// A list of `total` items served in pages no longer than `longest`
    /// (a server may answer fewer than asked), keyed by the cursor.
    async fn served(total: usize, longest: usize, request: PageRequest) -> Result<Page<usize>> {
        let start = match request.after_id()? {
            Some(after) => usize::try_from(after).expect("small") + 1,
            None => 0,
        };
        let asked = request.limit()?;
        let end = (start + asked.min(longest)).min(total);
        let next = (end < total && end > start)
            .then(|| Cursor::after(i64::try_from(end - 1).expect("small")));
        Ok(Page {
            items: (start..end).collect(),
            next,
        })
    }

    proptest! {
        #[test]
        fn a_walk_shows_each_item_once_in_order_up_to_its_limit(
            total in 0usize..3000,
            longest in 1usize..1200,
            limit in proptest::option::of(1u64..2500),
            all in any::<bool>(),
        ) {
            let args = ListingArgs { limit: if all { None } else { limit }, all, jsonl: false };
            let mut printed = Vec::new();
            let walked = tokio::runtime::Builder::new_current_thread()
                .build()
                .expect("runtime")
                .block_on(walk(
                    &args,
                    |request| served(total, longest, request),
                    |items| {
                        printed.extend(items);
                        Ok(())
                    },
                ))
                .expect("walk");
            let most = args.most().unwrap_or(usize::MAX);
            let expected: Vec<usize> = (0..total.min(most)).collect();
            prop_assert_eq!(&printed, &expected);
            prop_assert_eq!(walked.shown, expected.len());
            prop_assert_eq!(walked.more, total > most);
        }
    }
}
