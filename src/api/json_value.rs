//! Reads what the browser's `JSON.parse` made of an answer into the shared contract's types.
//!
//! A small serde deserializer of the app's own rather than serde-wasm-bindgen's: an answer that
//! does not fit is only ever "not the expected answer" (the caller keeps `None`), so its error
//! carries no message and nothing ever formats one. serde's error texts, every type's
//! `expecting` and the float formatting they pull in (`invalid type: floating point 1.5`) are
//! then left out of every app. JSON has no other shapes than these six, so it stays short.

use std::fmt;

use js_sys::{Array, Object};
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use wasm_bindgen::{JsCast, JsValue};

/// `value` as a `T`, if it has the shape of one.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    T::deserialize(Value(value)).ok()
}

/// Why a value could not be read, which no one is told beyond "not an answer".
#[derive(Debug)]
pub struct NotTheAnswer;

impl fmt::Display for NotTheAnswer {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("not the expected answer")
    }
}

impl std::error::Error for NotTheAnswer {}

impl de::Error for NotTheAnswer {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        NotTheAnswer
    }
}

/// The largest integer a JavaScript number holds exactly (2⁵³).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// One value of the parsed JSON.
struct Value(JsValue);

impl<'de> de::Deserializer<'de> for Value {
    type Error = NotTheAnswer;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTheAnswer> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(boolean) = value.as_bool() {
            visitor.visit_bool(boolean)
        } else if let Some(number) = value.as_f64() {
            visit_number(number, visitor)
        } else if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if Array::is_array(&value) {
            visitor.visit_seq(Items::of(value.unchecked_into()))
        } else if value.is_object() {
            visitor.visit_map(Entries::of(&value))
        } else {
            Err(NotTheAnswer)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTheAnswer> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, NotTheAnswer> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant is its name (`"pending"`); a variant with content, an object of one key
    /// (`{"variant": content}`), as serde writes them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotTheAnswer> {
        if let Some(name) = self.0.as_string() {
            let name: StringDeserializer<NotTheAnswer> = name.into_deserializer();
            return visitor.visit_enum(name);
        }
        let entries = Object::entries(self.0.dyn_ref::<Object>().ok_or(NotTheAnswer)?);
        if entries.length() != 1 {
            return Err(NotTheAnswer);
        }
        let entry: Array = entries.get(0).unchecked_into();
        visitor.visit_enum(Variant {
            name: entry.get(0),
            content: entry.get(1),
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// A whole number as an integer, so that integer fields take it; any other as a float, which
/// only float fields take.
fn visit_number<'de, V: Visitor<'de>>(number: f64, visitor: V) -> Result<V::Value, NotTheAnswer> {
    let whole = number.fract() == 0.0 && number.abs() <= EXACT_INTEGERS;
    match (whole, number >= 0.0) {
        (true, true) => visitor.visit_u64(number as u64),
        (true, false) => visitor.visit_i64(number as i64),
        (false, _) => visitor.visit_f64(number),
    }
}

/// The items of an array, in order.
struct Items {
    array: Array,
    next: u32,
}

impl Items {
    fn of(array: Array) -> Items {
        Items { array, next: 0 }
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = NotTheAnswer;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NotTheAnswer> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }
}

/// The keys and values of an object, in its order.
struct Entries {
    entries: Array,
    next: u32,
    /// The value of the key just read.
    value: JsValue,
}

impl Entries {
    fn of(object: &JsValue) -> Entries {
        Entries {
            entries: Object::entries(object.unchecked_ref()),
            next: 0,
            value: JsValue::UNDEFINED,
        }
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = NotTheAnswer;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NotTheAnswer> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let entry: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = entry.get(1);
        seed.deserialize(Value(entry.get(0))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, NotTheAnswer> {
        seed.deserialize(Value(std::mem::replace(
            &mut self.value,
            JsValue::UNDEFINED,
        )))
    }
}

/// A variant with content: its name, and what it holds.
struct Variant {
    name: JsValue,
    content: JsValue,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = NotTheAnswer;
    type Variant = Value;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Value), NotTheAnswer> {
        let name = seed.deserialize(Value(self.name))?;
        Ok((name, Value(self.content)))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = NotTheAnswer;

    fn unit_variant(self) -> Result<(), NotTheAnswer> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, NotTheAnswer> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _length: usize,
        visitor: V,
    ) -> Result<V::Value, NotTheAnswer> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotTheAnswer> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
