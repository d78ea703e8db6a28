//! What of a command's JSON document reaches stdout: all of it (`--json`),
//! what a jq filter selects (`--jq`, as gh and glab have it), one field bare
//! (`--field`, as vault has it), or only the identifiers (`-q`).
//!
//! Every command builds one JSON document for `--json`; the other shapes
//! are made from that document here, so they can't disagree with it and no
//! command renders them itself.

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;
use serde_json::Value;

use crate::error::{Error, Result};

/// How the JSON document is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Tables and text for a person; no JSON at all.
    Human,
    /// The whole document, pretty-printed.
    Json,
    /// Each value the jq filter yields, a string bare and anything else as
    /// JSON, one per line (what `jq -r` prints).
    Jq(String),
    /// One field of the document, or of each of its items when it is a
    /// list, one per line.
    Field(String),
    /// The named field of each record (see [`Shape::quiet`]), one per line.
    Quiet(&'static str),
}

/// What a command prints on stdout, which decides the shapes it can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// Records (or one record) named by this field, which `-q` prints.
    Records(&'static str),
    /// One JSON document with no identifier in it (`status`).
    Unnamed(&'static str),
    /// No JSON at all (a shell script, a bare credential, only notes).
    Nothing(&'static str),
}

impl Shape {
    /// The shape the global options ask for. A jq filter that does not
    /// compile is a usage error here, before the command does anything.
    pub fn from_options(
        json: bool,
        jq: Option<String>,
        field: Option<String>,
        quiet: bool,
    ) -> Result<Shape> {
        Ok(match (jq, field) {
            (Some(expression), _) => {
                compile(&expression)?;
                Shape::Jq(expression)
            }
            (None, Some(name)) => Shape::Field(name),
            (None, None) if quiet => Shape::Quiet("id"),
            (None, None) if json => Shape::Json,
            (None, None) => Shape::Human,
        })
    }

    /// This shape for a command whose output is `document`: `-q` prints
    /// the field the command group's other commands take as their argument
    /// (a user's name, a token's ID), and a shape the document can't give
    /// is refused before the command does anything, never silently ignored.
    pub fn fitted_to(self, document: Document) -> Result<Shape> {
        match (self, document) {
            (Shape::Human, _) => Ok(Shape::Human),
            (_, Document::Nothing(command)) => Err(Error::invalid(format!(
                "{command} prints no JSON document, so --json, --jq, --field and -q do not apply to it"
            ))
            .with_hint(format!("run {command} without them"))),
            (Shape::Quiet(_), Document::Unnamed(command)) => Err(Error::invalid(format!(
                "-q prints identifiers, and {command} prints none"
            ))
            .with_hint("pick what to print with --field NAME or --jq EXPR")),
            (Shape::Quiet(_), Document::Records(identifier)) => Ok(Shape::Quiet(identifier)),
            (shape, _) => Ok(shape),
        }
    }

    /// The lines this shape prints of `document`, the JSON text `--json`
    /// prints (whose order of keys jq keeps); none for the whole document,
    /// which the caller pretty-prints.
    pub fn lines(&self, document: &str) -> Result<Vec<String>> {
        match self {
            Shape::Human | Shape::Json => Ok(Vec::new()),
            Shape::Jq(expression) => run_jq(expression, document),
            Shape::Field(name) => fields(&parse(document)?, name, "--field"),
            Shape::Quiet(identifier) => fields(&parse(document)?, identifier, "-q"),
        }
    }
}

fn parse(document: &str) -> Result<Value> {
    serde_json::from_str(document)
        .map_err(|error| Error::internal(format!("cannot read the JSON output: {error}")))
}

/// The value of `name` in the document, or in each item of a list.
fn fields(document: &Value, name: &str, option: &str) -> Result<Vec<String>> {
    let items = match document {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    items
        .into_iter()
        .map(|item| match item.get(name) {
            Some(value) => Ok(bare(value)),
            None => Err(no_such_field(item, name, option)),
        })
        .collect()
}

fn no_such_field(item: &Value, name: &str, option: &str) -> Error {
    let known: Vec<&str> = item
        .as_object()
        .map(|object| object.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let error = Error::invalid(format!("{option}: the output has no field '{name}'"));
    if known.is_empty() {
        error.with_hint("use --json to see what this command prints")
    } else {
        error.with_hint(format!("its fields are: {}", known.join(", ")))
    }
}

/// A string as itself, anything else as compact JSON.
fn bare(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

type Filter = jaq_core::Filter<data::JustLut<Val>>;

/// Compiles a jq filter with jq's standard library.
fn compile(expression: &str) -> Result<Filter> {
    let program = File {
        code: expression,
        path: (),
    };
    let definitions = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let functions = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let arena = Arena::default();
    let modules = Loader::new(definitions)
        .load(&arena, program)
        .map_err(|errors| not_a_filter(expression, &load_problem(&errors)))?;
    Compiler::default()
        .with_funs(functions)
        .compile(modules)
        .map_err(|errors| not_a_filter(expression, &compile_problem(&errors)))
}

fn not_a_filter(expression: &str, problem: &str) -> Error {
    Error::invalid(format!(
        "--jq: '{expression}' is not a jq filter: {problem}"
    ))
    .with_hint("see https://jqlang.org/manual/ for the language, e.g. --jq '.[].name'")
}

fn load_problem<P>(errors: &jaq_core::load::Errors<&str, P>) -> String {
    use jaq_core::load::Error as Load;
    let problem = errors.iter().find_map(|(_, error)| match error {
        Load::Lex(found) => found
            .first()
            .map(|(expected, at)| format!("expected {} {}", expected.as_str(), place(at))),
        Load::Parse(found) => found
            .first()
            .map(|(expected, at)| format!("expected {} {}", expected.as_str(), place(at))),
        Load::Io(found) => found.first().map(|(path, why)| format!("{path}: {why}")),
    });
    problem.unwrap_or_else(|| "it does not parse".to_owned())
}

fn compile_problem<P>(errors: &jaq_core::compile::Errors<&str, P>) -> String {
    let problem = errors.iter().find_map(|(_, found)| {
        found
            .first()
            .map(|(name, undefined)| format!("undefined {} '{name}'", undefined.as_str()))
    });
    problem.unwrap_or_else(|| "it does not compile".to_owned())
}

/// Where in the filter a problem is: the rest of it from there, shortened.
fn place(at: &str) -> String {
    if at.is_empty() {
        return "at the end".to_owned();
    }
    let mut short: String = at.chars().take(20).collect();
    if short.len() < at.len() {
        short.push('…');
    }
    format!("at '{short}'")
}

/// Runs the filter on `document`; each output as a line.
fn run_jq(expression: &str, document: &str) -> Result<Vec<String>> {
    let filter = compile(expression)?;
    let input = jaq_json::read::parse_single(document.as_bytes())
        .map_err(|error| Error::internal(format!("--jq cannot read the output: {error}")))?;
    let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
    filter
        .id
        .run((ctx, input))
        .map(unwrap_valr)
        .map(|output| match output {
            Ok(value) => Ok(jq_line(&value)),
            Err(error) => Err(Error::invalid(format!("--jq '{expression}': {error}"))),
        })
        .collect()
}

/// A string bare (`jq -r`), anything else as JSON.
fn jq_line(value: &Val) -> String {
    match value {
        Val::TStr(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jq(expression: &str, document: &Value) -> Vec<String> {
        Shape::Jq(expression.to_owned())
            .lines(&document.to_string())
            .expect("filter runs")
    }

    #[test]
    fn jq_prints_strings_bare_and_the_rest_as_json() {
        let tokens = json!([{"id": 1, "name": "deploy"}, {"id": 2, "name": "ci\n"}]);
        assert_eq!(jq(".[].name", &tokens), ["deploy", "ci\n"]);
        assert_eq!(jq(".[0].id", &tokens), ["1"]);
        assert_eq!(jq("map(.id)", &tokens), ["[1,2]"]);
        assert_eq!(jq("length", &tokens), ["2"]);
    }

    #[test]
    fn a_filter_that_does_not_parse_is_refused_before_anything_runs() {
        for broken in [".[", "map(", "nosuchfunction", ".a |"] {
            let error =
                Shape::from_options(false, Some(broken.to_owned()), None, false).expect_err(broken);
            assert!(error.message.starts_with("--jq: "), "{}", error.message);
        }
    }

    #[test]
    fn a_field_of_each_item_of_a_list() {
        let users = json!([{"id": 1, "name": "alice"}, {"id": 2, "name": "bob"}]);
        let names = Shape::Field("name".to_owned())
            .lines(&users.to_string())
            .expect("field");
        assert_eq!(names, ["alice", "bob"]);
        let quiet = Shape::Quiet("id").lines(&users.to_string()).expect("ids");
        assert_eq!(quiet, ["1", "2"]);
        let error = Shape::Field("nmae".to_owned())
            .lines(&users.to_string())
            .expect_err("no such field");
        assert_eq!(error.message, "--field: the output has no field 'nmae'");
    }
}
