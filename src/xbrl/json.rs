//! The facts as xBRL-JSON (Open Information Model 1.0, `https://xbrl.org/2021/xbrl-json`).
//!
//! `documentInfo` declares the prefixes used (taxonomies, `xbrli`, `iso4217`, the entity's
//! scheme) and the same schema references as the XBRL 2.1 instance. Each fact is keyed by the
//! id the Inline XBRL document gives it (`f1`, `f2`, ... in the order of
//! [`super::all_facts`]) and has its value (as the instance writes it), its decimals, and the
//! core dimensions concept, entity, period and unit, plus its explicit dimensions. Periods
//! are written as OIM reads XBRL 2.1 dates: a date-only end is the end of that day, so the
//! next day at midnight. A `xbrli:pure` unit is written as no unit dimension, as OIM
//! requires.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Parts, all_facts};
use crate::conversion::{CIK_SCHEME, Conversion, Entity};
use crate::facts::{Fact, Unit};
use crate::interpret::Period;

/// The xBRL-JSON document type.
pub const DOCUMENT_TYPE: &str = "https://xbrl.org/2021/xbrl-json";

/// Writes the xBRL-JSON document of a conversion.
pub fn write(conv: &Conversion) -> Vec<u8> {
    let facts = all_facts(conv);
    let parts = Parts::of(&facts);
    let (entity_prefix, entity) = entity(&conv.entity);
    let mut namespaces: BTreeMap<&str, &str> = BTreeMap::new();
    namespaces.insert("xbrl", "https://xbrl.org/2021");
    namespaces.insert("xbrli", "http://www.xbrl.org/2003/instance");
    if !parts.units.is_empty() {
        namespaces.insert("iso4217", "http://www.xbrl.org/2003/iso4217");
    }
    namespaces.insert(entity_prefix, &conv.entity.scheme);
    for ns in &parts.namespaces {
        namespaces.insert(ns.prefix, ns.uri);
    }
    let document = Document {
        info: Info::new(
            namespaces,
            parts.namespaces.iter().map(|n| n.schema).collect(),
        ),
        facts: Facts {
            facts: &facts,
            entity: &entity,
        },
    };
    // A document of strings and numbers: serialising it cannot fail.
    let mut out = serde_json::to_vec_pretty(&document).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The prefix declared for the entity's scheme, and the entity as a prefixed name.
fn entity(entity: &Entity) -> (&'static str, String) {
    let prefix = if entity.scheme == CIK_SCHEME {
        "cik"
    } else {
        "scheme"
    };
    (prefix, format!("{prefix}:{}", entity.identifier))
}

/// A date-time at midnight: `2003-10-01T00:00:00`.
fn midnight(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00", d.format("%Y-%m-%d"))
}

/// The end of a date-only day: midnight of the next day (`T24:00:00` on the last day).
fn end_of(d: chrono::NaiveDate) -> String {
    match d.succ_opt() {
        Some(next) => midnight(next),
        None => format!("{}T24:00:00", d.format("%Y-%m-%d")),
    }
}

/// The period dimension of a context.
pub fn period(p: Period) -> String {
    match p {
        Period::Instant(d) => end_of(d),
        Period::Duration { start, end } => format!("{}/{}", midnight(start), end_of(end)),
    }
}

/// The unit dimension (none for `xbrli:pure`).
pub fn unit(u: Unit) -> Option<&'static str> {
    match u {
        Unit::Usd => Some("iso4217:USD"),
        Unit::UsdPerShare => Some("iso4217:USD/xbrli:shares"),
        Unit::Shares => Some("xbrli:shares"),
        Unit::Pure => None,
    }
}

#[derive(serde::Serialize)]
struct Document<'a> {
    #[serde(rename = "documentInfo")]
    info: Info<'a>,
    facts: Facts<'a>,
}

#[derive(serde::Serialize)]
struct Info<'a> {
    #[serde(rename = "documentType")]
    document_type: &'static str,
    namespaces: BTreeMap<&'a str, &'a str>,
    taxonomy: Vec<&'static str>,
}

impl<'a> Info<'a> {
    fn new(namespaces: BTreeMap<&'a str, &'a str>, taxonomy: Vec<&'static str>) -> Info<'a> {
        Info {
            document_type: DOCUMENT_TYPE,
            namespaces,
            taxonomy,
        }
    }
}

/// The facts, keyed by id in order.
struct Facts<'a> {
    facts: &'a [&'a Fact],
    entity: &'a str,
}

impl Serialize for Facts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.facts.len()))?;
        for (k, fact) in self.facts.iter().enumerate() {
            map.serialize_entry(
                &format!("f{}", k + 1),
                &JsonFact {
                    fact,
                    entity: self.entity,
                },
            )?;
        }
        map.end()
    }
}

struct JsonFact<'a> {
    fact: &'a Fact,
    entity: &'a str,
}

impl Serialize for JsonFact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.fact;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("value", &f.value)?;
        if let Some(d) = f.decimals {
            map.serialize_entry("decimals", &d)?;
        }
        map.serialize_entry(
            "dimensions",
            &Dimensions {
                fact: f,
                entity: self.entity,
            },
        )?;
        map.end()
    }
}

struct Dimensions<'a> {
    fact: &'a Fact,
    entity: &'a str,
}

impl Serialize for Dimensions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.fact;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("concept", &f.concept)?;
        map.serialize_entry("entity", self.entity)?;
        map.serialize_entry("period", &period(f.context.period))?;
        if let Some(u) = f.unit.and_then(unit) {
            map.serialize_entry("unit", u)?;
        }
        for (axis, member) in &f.context.dims {
            map.serialize_entry(axis, member)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_end_at_the_end_of_their_last_day() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            period(Period::Instant(d(2003, 9, 30))),
            "2003-10-01T00:00:00"
        );
        assert_eq!(
            period(Period::Duration {
                start: d(2003, 7, 1),
                end: d(2003, 12, 31)
            }),
            "2003-07-01T00:00:00/2004-01-01T00:00:00"
        );
    }
}
