//! One model, two serde shapes, chosen by the format.
//!
//! The readable shape is for JSON and TOML (`is_human_readable()` true): what policy authors,
//! archives, declarations and digests see. Its enums are internally tagged (`{"type": "money"}`)
//! and its decimals are read by the value's own shape (`"25.50"` or `25.5`), and both need a
//! format that describes itself (serde's `deserialize_any`).
//!
//! The compact shape is for binary formats (`is_human_readable()` false): the compiled policy
//! files the widget loads (`crate::compiled`, postcard). There enums are externally tagged (a
//! variant number, then the fields) and decimals are a mantissa and a scale, so a format that does
//! not describe itself can read them; the widget then needs no generic value buffering and no
//! self-describing decoder, which is most of the code a model reader costs.
//!
//! How: each tagged enum derives its readable shape with `#[serde(remote = "Self")]` (inherent
//! functions, not the traits) and its compact shape with a `remote` mirror, which the compiler
//! holds to the enum's exact variants and fields; [`by_format!`] then implements the traits by
//! choosing one. The readable shape is byte for byte what it was, so no digest changes.

/// Implements `Serialize` and `Deserialize` for `$ty` from its readable shape (the derive with
/// `remote = "Self"`) and its compact mirror `$compact` (a derive with `remote = "$ty"`).
macro_rules! by_format {
    ($ty:ty, $compact:ident) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    <$ty>::serialize(self, s)
                } else {
                    $compact::serialize(self, s)
                }
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                if d.is_human_readable() {
                    <$ty>::deserialize(d)
                } else {
                    $compact::deserialize(d)
                }
            }
        }
    };
}
pub(crate) use by_format;

/// A decimal in either shape: `rust_decimal`'s own (text out, any number or text in) when
/// readable; its mantissa and scale when compact, checked on the way in (a scale over 28 is
/// refused, never wrapped). For `#[serde(with = "crate::shape::decimal")]`.
pub mod decimal {
    use rust_decimal::Decimal;
    use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            Serialize::serialize(d, s)
        } else {
            (d.mantissa(), d.scale()).serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        if d.is_human_readable() {
            <Decimal as Deserialize>::deserialize(d)
        } else {
            let (mantissa, scale) = <(i128, u32)>::deserialize(d)?;
            Decimal::try_from_i128_with_scale(mantissa, scale).map_err(D::Error::custom)
        }
    }
}

/// [`decimal`] for a list of decimals.
pub mod decimals {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    struct One(#[serde(with = "super::decimal")] Decimal);

    pub fn serialize<S: Serializer>(list: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(list.iter().map(|d| One(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        Ok(Vec::<One>::deserialize(d)?.into_iter().map(|One(d)| d).collect())
    }
}
