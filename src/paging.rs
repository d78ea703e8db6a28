//! Lists in pages: what a page request says, what a page answers, and the
//! one format of the cursor that links them.
//!
//! Paging is by keyset — "the next `limit` rows after ID n", in ID order —
//! so a page costs one index range scan whether it is the first or the
//! ten-thousandth, and a walk through a list that changes meanwhile sees
//! every row that was there all along exactly once: a row inserted or
//! revoked behind the cursor moves nothing in front of it.
//!
//! The cursor is opaque to clients (`v1.` + base64url of the last ID seen,
//! as 8 bytes, big-endian: always 11 characters): they pass back what they
//! were given. It carries no authority — a forged one merely starts a list
//! the caller may read anyway somewhere else — so it needs no signature,
//! only a strict parse: any text of that form is a place in the list (past
//! its end, if need be), anything else is a 400. The OpenAPI document's
//! pattern for it is [`CURSOR_PATTERN`], so a client that checks against
//! the document can't send a cursor that is refused.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{Error, Result};
use crate::model::Id;

/// A page of a list when the request names no `limit`.
pub const DEFAULT_LIMIT: usize = 100;
/// The longest page one request may ask for.
pub const MAX_LIMIT: usize = 1000;

const VERSION: &str = "v1.";

/// What every cursor looks like: 8 bytes of base64url, unpadded.
pub const CURSOR_PATTERN: &str = "^v1\\.[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$";

/// Which page of a list to answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageRequest {
    /// Where the previous page ended; `None` starts at the beginning.
    pub cursor: Option<Cursor>,
    /// At most this many items; `None` is [`DEFAULT_LIMIT`].
    pub limit: Option<usize>,
}

impl PageRequest {
    /// The first page of at most `limit` items.
    pub fn first(limit: usize) -> PageRequest {
        PageRequest {
            cursor: None,
            limit: Some(limit),
        }
    }

    /// The page after `cursor`, as long as this one.
    pub fn after(&self, cursor: Cursor) -> PageRequest {
        PageRequest {
            cursor: Some(cursor),
            limit: self.limit,
        }
    }

    /// The page's length, checked: 1 to [`MAX_LIMIT`].
    pub fn limit(&self) -> Result<usize> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
            Some(limit) => Err(Error::invalid(format!(
                "limit {limit} is out of range: a page holds 1 to {MAX_LIMIT} items"
            ))),
        }
    }

    /// The ID the page starts after, from the cursor.
    pub fn after_id(&self) -> Result<Option<Id>> {
        self.cursor.as_ref().map(Cursor::after_id).transpose()
    }
}

/// One page: its items, and the cursor of the next page when there is one.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

impl<T> Page<T> {
    /// The page made of `rows` — fetched as up to `limit + 1`, so that one
    /// more than fits says there is a next page — each identified by `id`.
    pub fn of(mut rows: Vec<T>, limit: usize, id: impl Fn(&T) -> Id) -> Page<T> {
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|last| Cursor::after(id(last)))
        } else {
            None
        };
        Page { items: rows, next }
    }
}

/// Where a page ended, in the form clients pass back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(String);

impl Cursor {
    /// The cursor of the page that starts after `id`.
    pub fn after(id: Id) -> Cursor {
        Cursor(format!(
            "{VERSION}{}",
            URL_SAFE_NO_PAD.encode(id.to_be_bytes())
        ))
    }

    /// A cursor as a client sent it; checked when it is used.
    pub fn from_client(text: impl Into<String>) -> Cursor {
        Cursor(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn after_id(&self) -> Result<Id> {
        let invalid = || {
            Error::invalid("the cursor is not one this server gave out")
                .with_hint("start again without a cursor, and pass back the next link as it comes")
        };
        let encoded = self.0.strip_prefix(VERSION).ok_or_else(invalid)?;
        let decoded = URL_SAFE_NO_PAD.decode(encoded).map_err(|_| invalid())?;
        let bytes: [u8; 8] = decoded.try_into().map_err(|_| invalid())?;
        // Past every ID there is, for the half of the form no ID fills.
        Ok(Id::try_from(u64::from_be_bytes(bytes)).unwrap_or(Id::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_cursor_gives_back_the_id_it_was_made_from(id in 0..Id::MAX) {
            let request = PageRequest::first(10).after(Cursor::after(id));
            prop_assert_eq!(request.after_id().expect("valid"), Some(id));
        }

        #[test]
        fn anything_else_is_refused_never_a_panic(text in ".{0,40}") {
            let cursor = Cursor::from_client(text.clone());
            let parsed = PageRequest { cursor: Some(cursor), limit: None }.after_id();
            let pattern = regex::Regex::new(CURSOR_PATTERN).expect("pattern");
            // Exactly what the documented pattern allows parses.
            prop_assert_eq!(parsed.is_ok(), pattern.is_match(&text), "{}", text);
        }

        #[test]
        fn every_text_of_the_documented_form_is_a_place_in_the_list(
            text in "v1\\.[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]"
        ) {
            let parsed = PageRequest { cursor: Some(Cursor::from_client(text)), limit: None }.after_id();
            prop_assert!(matches!(parsed, Ok(Some(id)) if id >= 0));
        }
    }

    #[test]
    fn forged_and_broken_cursors_are_invalid() {
        for text in [
            "",
            "v1.",
            "v2.AAAAAAAAAAE",
            "v1.AAAAAAAAAAE=",
            "v1.AAAAAAAAAAF",
            "v1.AAAAAAAAAA",
            "v1.@@@@@@@@@@@",
            "v1.AAAAAAAAAAAAAAE",
        ] {
            let request = PageRequest {
                cursor: Some(Cursor::from_client(text)),
                limit: None,
            };
            assert!(request.after_id().is_err(), "{text}");
        }
    }

    #[test]
    fn a_page_says_whether_there_is_another() {
        let full = Page::of(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(full.items, [1, 2]);
        assert_eq!(full.next, Some(Cursor::after(2)));
        let last = Page::of(vec![1, 2], 2, |n| *n);
        assert_eq!(last.next, None);
        for limit in [Some(0), Some(MAX_LIMIT + 1)] {
            assert!(
                PageRequest {
                    cursor: None,
                    limit
                }
                .limit()
                .is_err()
            );
        }
        assert_eq!(
            PageRequest::default().limit().expect("default"),
            DEFAULT_LIMIT
        );
    }
}
