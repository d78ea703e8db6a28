//! JSON objects only. serde's derived `Deserialize` reads a struct from a
//! JSON array as well (`[null, 5]` for `{"role": null, "max_seconds": 5}`),
//! which no document of ours describes; the API reads its bodies, and the
//! objects inside them, through these instead, so such input is a 400.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A `T` read only from a JSON object.
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Object)
    }
}

/// For `#[serde(deserialize_with = "…")]` on a list of structs: each item
/// read only from a JSON object.
pub fn objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Vec::<Object<T>>::deserialize(deserializer)?;
    Ok(items.into_iter().map(|Object(item)| item).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Pair {
        #[serde(default)]
        a: Option<u8>,
        #[serde(default)]
        b: Option<u8>,
    }

    #[derive(Debug, Deserialize)]
    struct List {
        #[serde(deserialize_with = "objects")]
        items: Vec<Pair>,
    }

    #[test]
    fn arrays_are_not_objects() {
        // What derive alone accepts:
        assert!(serde_json::from_str::<Pair>("[1, 2]").is_ok());
        assert!(serde_json::from_str::<Object<Pair>>("[1, 2]").is_err());
        let Object(pair) = serde_json::from_str::<Object<Pair>>(r#"{"a": 1}"#).expect("object");
        assert_eq!(
            pair,
            Pair {
                a: Some(1),
                b: None
            }
        );
        assert!(serde_json::from_str::<List>(r#"{"items": [[1, 2]]}"#).is_err());
        let list: List = serde_json::from_str(r#"{"items": [{"b": 2}]}"#).expect("objects");
        assert_eq!(
            list.items,
            [Pair {
                a: None,
                b: Some(2)
            }]
        );
    }
}
