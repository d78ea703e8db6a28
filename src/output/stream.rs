//! Lists printed as their pages arrive, so printing a million tokens needs
//! no more memory than one page: a table whose columns are measured on the
//! first page, a JSON array written item by item (byte for byte what
//! `--json` prints of a whole list), or JSON Lines (`--jsonl`).
//!
//! The other shapes (`--jq`, `--field`, `-q`) work on the whole document,
//! so their items are gathered and shaped at the end.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{Output, Shape, check_write, escaped_cells, write_row};
use crate::error::{Error, Result};

/// A list on its way to stdout.
pub struct ListStream<'a> {
    out: &'a Output,
    form: Form,
    header: &'a [&'a str],
    /// The table's column widths, fixed by the first page that had rows.
    widths: Option<Vec<usize>>,
    /// The JSON array `--jq`, `--field` and `-q` are applied to at the end.
    gathered: String,
    shown: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Table,
    JsonArray,
    JsonLines,
    Shaped,
}

impl<'a> ListStream<'a> {
    /// A list with this table `header`; as JSON Lines when `jsonl`, which
    /// only the whole-JSON shape may be combined with.
    pub fn new(out: &'a Output, header: &'a [&'a str], jsonl: bool) -> Result<ListStream<'a>> {
        let form = match (&out.shape, jsonl) {
            (Shape::Human | Shape::Json, true) => Form::JsonLines,
            (_, true) => {
                return Err(Error::invalid(
                    "--jsonl prints every object whole, so it takes no --jq, --field or -q",
                )
                .with_hint("pipe the lines to jq -c instead, or drop --jsonl"));
            }
            (Shape::Human, false) => Form::Table,
            (Shape::Json, false) => Form::JsonArray,
            (_, false) => Form::Shaped,
        };
        Ok(ListStream {
            out,
            form,
            header,
            widths: None,
            gathered: String::new(),
            shown: 0,
        })
    }

    /// Whether items go out as JSON (then [`ListStream::items`]) rather
    /// than as table rows ([`ListStream::rows`]).
    pub fn is_json(&self) -> bool {
        self.form != Form::Table
    }

    /// Items printed as JSON, in the list's form.
    pub fn items<T: Serialize>(&mut self, items: &[T]) -> Result<()> {
        let mut text = String::new();
        for item in items {
            match self.form {
                Form::Table => {}
                Form::JsonLines => {
                    text.push_str(&to_json(item, false)?);
                    text.push('\n');
                }
                Form::JsonArray => {
                    text.push_str(if self.shown == 0 { "[\n" } else { ",\n" });
                    for line in to_json(item, true)?.lines() {
                        text.push_str("  ");
                        text.push_str(line);
                        text.push('\n');
                    }
                    // The item's last newline is the separator's to write.
                    text.pop();
                }
                Form::Shaped => {
                    self.gathered.push(if self.shown == 0 { '[' } else { ',' });
                    self.gathered.push_str(&to_json(item, false)?);
                }
            }
            self.shown += 1;
        }
        self.write(&text)
    }

    /// Rows of the table: its header and widths come with the first page
    /// that has any; a later cell wider than its column pushes the rest of
    /// its row along rather than waiting for the whole list.
    pub fn rows(&mut self, rows: Vec<Vec<String>>) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let rows = escaped_cells(rows);
        let mut buffer = Vec::new();
        if self.widths.is_none() {
            let mut widths: Vec<usize> = self.header.iter().map(|title| title.width()).collect();
            for row in &rows {
                for (width, cell) in widths.iter_mut().zip(row) {
                    *width = (*width).max(cell.width());
                }
            }
            let header: Vec<String> = self
                .header
                .iter()
                .map(|title| (*title).to_owned())
                .collect();
            check_write(write_row(&mut buffer, &widths, &header))?;
            self.widths = Some(widths);
        }
        let widths = self.widths.as_deref().unwrap_or_default();
        for row in &rows {
            check_write(write_row(&mut buffer, widths, row))?;
        }
        self.shown += rows.len();
        self.write(&String::from_utf8_lossy(&buffer))
    }

    /// Ends the list (closes the JSON array, shapes what was gathered) and
    /// says how many items it had.
    pub fn finish(self) -> Result<usize> {
        match self.form {
            Form::Table | Form::JsonLines => {}
            Form::JsonArray if self.shown == 0 => self.write("[]\n")?,
            Form::JsonArray => self.write("\n]\n")?,
            Form::Shaped if self.shown == 0 => self.out.shaped("[]")?,
            Form::Shaped => self.out.shaped(&format!("{}]", self.gathered))?,
        }
        Ok(self.shown)
    }

    fn write(&self, text: &str) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let mut stdout = io::stdout().lock();
        check_write(
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush()),
        )
    }
}

fn to_json<T: Serialize>(item: &T, pretty: bool) -> Result<String> {
    let text = if pretty {
        serde_json::to_string_pretty(item)
    } else {
        serde_json::to_string(item)
    };
    text.map_err(|error| Error::internal(format!("cannot make the JSON output: {error}")))
}
