//! `src/server/openapi.json` against the code it describes: the document is
//! valid and self-contained, every documented route exists on the real
//! router (driven in process, no socket), each documented path answers 405
//! for the methods it does not document, and what the API actually sends —
//! errors and every successful answer — matches the documented schemas.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

use tokenctl::error::ErrorKind;
use tokenctl::model::{Permission, TokenKind};
use tokenctl::server::{AppState, LoginLimiter, Shared, router};
use tokenctl::service::TokenService;

pub(crate) const DOCUMENT: &str = include_str!("../../../src/server/openapi.json");
pub(crate) const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];
pub(crate) const ADMIN: &str = "alice";
pub(crate) const ADMIN_PASSWORD: &str = "correct horse battery staple";

pub(crate) fn document() -> Value {
    serde_json::from_str(DOCUMENT).expect("openapi.json is valid JSON")
}

/// Every (path template, method) the document describes.
pub(crate) fn operations(doc: &Value) -> Vec<(String, String)> {
    let paths = doc["paths"].as_object().expect("paths is an object");
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method).is_some() {
                operations.push((path.clone(), method.to_owned()));
            }
        }
    }
    operations
}

pub(crate) fn operation<'a>(doc: &'a Value, path: &str, method: &str) -> &'a Value {
    doc["paths"]
        .get(path)
        .and_then(|item| item.get(method))
        .unwrap_or_else(|| panic!("{} {path} is not documented", method.to_uppercase()))
}

/// `{token}` and `{name}` replaced by `value`.
pub(crate) fn fill(template: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').expect("closed path parameter") + start;
        out.push_str(value);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

pub(crate) fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// Follows `$ref` until a real schema (or parameter, or response) is reached.
pub(crate) fn deref<'a>(doc: &'a Value, mut value: &'a Value) -> &'a Value {
    while let Some(reference) = value.get("$ref").and_then(Value::as_str) {
        value = resolve(doc, reference).unwrap_or_else(|| panic!("dangling $ref {reference}"));
    }
    value
}

pub(crate) fn collect_refs<'a>(value: &'a Value, at: &str, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "$ref"
                    && let Some(reference) = child.as_str()
                {
                    out.push((at.to_owned(), reference));
                }
                collect_refs(child, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                collect_refs(child, &format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

pub(crate) fn enum_values(doc: &Value, schema_name: &str) -> BTreeSet<String> {
    doc["components"]["schemas"][schema_name]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("components/schemas/{schema_name} has an enum"))
        .iter()
        .map(|value| value.as_str().expect("string enum value").to_owned())
        .collect()
}

/// Checks `value` against `schema`, as far as this document uses JSON
/// Schema: `$ref`, `allOf`, `type`, `nullable`, `required`, `properties`
/// (strictly: an undocumented field is an error), `items`, `uniqueItems`,
/// `enum` and the `date-time` format.
pub(crate) fn check(
    doc: &Value,
    schema: &Value,
    value: &Value,
    at: &str,
    errors: &mut Vec<String>,
) {
    let schema = deref(doc, schema);
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for part in parts {
            check(doc, part, value, at, errors);
        }
    }
    if value.is_null() {
        if schema.get("nullable") != Some(&Value::Bool(true)) && schema.get("type").is_some() {
            errors.push(format!("{at}: null, but the schema is not nullable"));
        }
        return;
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        errors.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let Some(object) = value.as_object() else {
                errors.push(format!("{at}: expected an object, got {value}"));
                return;
            };
            for required in schema["required"].as_array().into_iter().flatten() {
                let required = required.as_str().expect("required names are strings");
                if !object.contains_key(required) {
                    errors.push(format!("{at}: required field '{required}' is missing"));
                }
            }
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, child) in object {
                    match properties.get(key) {
                        Some(property) => {
                            check(doc, property, child, &format!("{at}.{key}"), errors)
                        }
                        None => errors.push(format!("{at}: field '{key}' is not documented")),
                    }
                }
            }
        }
        Some("array") => {
            let Some(items) = value.as_array() else {
                errors.push(format!("{at}: expected an array, got {value}"));
                return;
            };
            if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
                let distinct: BTreeSet<String> = items.iter().map(Value::to_string).collect();
                if distinct.len() != items.len() {
                    errors.push(format!("{at}: items are not unique"));
                }
            }
            for (index, item) in items.iter().enumerate() {
                check(
                    doc,
                    &schema["items"],
                    item,
                    &format!("{at}[{index}]"),
                    errors,
                );
            }
        }
        Some("string") => match value.as_str() {
            None => errors.push(format!("{at}: expected a string, got {value}")),
            Some(text) => {
                if schema.get("format").and_then(Value::as_str) == Some("date-time")
                    && chrono::DateTime::parse_from_rfc3339(text).is_err()
                {
                    errors.push(format!("{at}: '{text}' is not an RFC 3339 date-time"));
                }
            }
        },
        Some("integer") if !value.is_i64() => {
            errors.push(format!("{at}: expected an integer, got {value}"));
        }
        Some("boolean") if !value.is_boolean() => {
            errors.push(format!("{at}: expected a boolean, got {value}"));
        }
        _ => {}
    }
}

pub(crate) fn assert_matches(doc: &Value, schema: &Value, value: &Value, what: &str) {
    let mut errors = Vec::new();
    check(doc, schema, value, what, &mut errors);
    assert!(
        errors.is_empty(),
        "{what} does not match the document:\n  {}\nvalue: {value:#}",
        errors.join("\n  ")
    );
}

pub(crate) fn schema(doc: &Value, name: &str) -> Value {
    doc["components"]["schemas"]
        .get(name)
        .cloned()
        .unwrap_or_else(|| panic!("components/schemas/{name} is missing"))
}

mod answers;
mod document;
mod router;
mod routes;
use answers::personal_token;
use router::*;

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [answers::tests(), document::tests(), routes::tests()].concat()
}
