//! The concept table: what the taxonomy says about each concept the mapping uses.
//!
//! `taxonomy/concepts.tsv` is generated (by `taxonomy/concepts.py`) from the us-gaap, srt and
//! dei 2024 taxonomy facts for exactly the names the mapping file uses, and embedded here. A
//! concept's type decides its unit and scaling, its period type decides instant or duration
//! contexts, and its balance is kept for sign checks.

use crate::error::{Error, ErrorKind, Location};

/// The concept table shipped with the binary.
pub const EMBEDDED: &str = include_str!("../taxonomy/concepts.tsv");

/// A taxonomy this tool writes facts of: prefix, namespace and official schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Namespace {
    /// Conventional prefix.
    pub prefix: &'static str,
    /// Namespace URI.
    pub uri: &'static str,
    /// The official entry-point schema.
    pub schema: &'static str,
}

/// The taxonomies known, in the order their schemas are referenced.
pub const NAMESPACES: &[Namespace] = &[
    Namespace {
        prefix: "us-gaap",
        uri: "http://fasb.org/us-gaap/2024",
        schema: "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
    },
    Namespace {
        prefix: "srt",
        uri: "http://fasb.org/srt/2024",
        schema: "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd",
    },
    Namespace {
        prefix: "dei",
        uri: "http://xbrl.sec.gov/dei/2024",
        schema: "https://xbrl.sec.gov/dei/2024/dei-2024.xsd",
    },
];

/// The namespace of a prefix.
pub fn namespace(prefix: &str) -> Option<&'static Namespace> {
    NAMESPACES.iter().find(|n| n.prefix == prefix)
}

/// What kind of value a concept holds, from its XBRL type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `xbrli:monetaryItemType`: an amount in USD.
    Monetary,
    /// `dtr-types:perShareItemType`: USD per share.
    PerShare,
    /// `xbrli:sharesItemType`: a share count.
    Shares,
    /// `dtr-types:percentItemType` / `pureItemType`: a ratio.
    Pure,
    /// Another numeric type.
    Decimal,
    /// A non-numeric item (strings, dates, dei enumerations).
    Text,
    /// A dimension member (`domainItemType`).
    Member,
    /// A dimension (`xbrldt:dimensionItem`).
    Axis,
}

impl ValueKind {
    /// Whether facts of this kind are numbers.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ValueKind::Monetary
                | ValueKind::PerShare
                | ValueKind::Shares
                | ValueKind::Pure
                | ValueKind::Decimal
        )
    }
}

/// Period type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodType {
    /// Reported at a point in time (balance sheet).
    Instant,
    /// Reported over a period (income statement).
    Duration,
}

/// Balance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Balance {
    /// Debit (assets, expenses).
    Debit,
    /// Credit (liabilities, equity, income).
    Credit,
}

/// One concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    /// `prefix:Name`.
    pub qname: String,
    /// The XBRL type as written in the schema.
    pub type_name: String,
    /// The kind of value.
    pub kind: ValueKind,
    /// Period type.
    pub period_type: PeriodType,
    /// Balance, for monetary concepts that have one.
    pub balance: Option<Balance>,
    /// Abstract (axes, members, headings).
    pub is_abstract: bool,
    /// Where the row came from.
    pub source: String,
}

/// Concepts by QName.
#[derive(Clone, Debug, Default)]
pub struct ConceptTable {
    /// Sorted by QName, one concept a QName (a table naming one twice keeps the last).
    concepts: Vec<Concept>,
    /// Whether this is the table shipped with the binary.
    embedded: bool,
}

impl ConceptTable {
    /// The embedded table.
    pub fn embedded() -> ConceptTable {
        let mut table = ConceptTable::parse("taxonomy/concepts.tsv", EMBEDDED)
            .unwrap_or_else(|e| panic!("the embedded concept table is invalid: {e}"));
        table.embedded = true;
        table
    }

    /// Whether this is the table shipped with the binary ([`ConceptTable::embedded`]).
    pub fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// Parses a concept table.
    pub fn parse(name: &str, text: &str) -> Result<ConceptTable, Error> {
        let mut concepts = Vec::new();
        let mut lines = text.lines().enumerate();
        let header = lines.next().map(|(_, l)| l).unwrap_or_default();
        if header != "qname\ttype\tperiodType\tbalance\tabstract\tsubstitutionGroup\tsource" {
            return Err(
                Error::new(ErrorKind::Mapping, "unexpected concept table header")
                    .with_location(Location::bare(name, 1, 1)),
            );
        }
        for (i, line) in lines {
            if line.is_empty() {
                continue;
            }
            let bad = |what: &str| {
                Error::new(ErrorKind::Mapping, format!("concept table: {what}"))
                    .with_location(Location::bare(name, i + 1, 1))
            };
            // Seven fields, as `split('\t')` gives them, found by bytes and not collected:
            // this runs at the start of every process.
            let bytes = line.as_bytes();
            let mut f = [""; 7];
            let mut start = 0;
            for slot in &mut f {
                if start > bytes.len() {
                    return Err(bad("expected 7 tab-separated fields"));
                }
                let end = bytes[start..]
                    .iter()
                    .position(|&b| b == b'\t')
                    .map_or(bytes.len(), |p| start + p);
                *slot = &line[start..end];
                start = end + 1;
            }
            if start <= bytes.len() {
                return Err(bad("expected 7 tab-separated fields"));
            }
            let kind = match (f[1], f[5]) {
                (_, "xbrldt:dimensionItem") => ValueKind::Axis,
                (t, _) if t.ends_with(":domainItemType") => ValueKind::Member,
                ("xbrli:monetaryItemType", _) => ValueKind::Monetary,
                (t, _) if t.ends_with(":perShareItemType") => ValueKind::PerShare,
                ("xbrli:sharesItemType", _) => ValueKind::Shares,
                (t, _) if t.ends_with(":percentItemType") || t.ends_with(":pureItemType") => {
                    ValueKind::Pure
                }
                (
                    "xbrli:decimalItemType"
                    | "xbrli:integerItemType"
                    | "xbrli:nonNegativeIntegerItemType",
                    _,
                ) => ValueKind::Decimal,
                _ => ValueKind::Text,
            };
            let period_type = match f[2] {
                "instant" => PeriodType::Instant,
                "duration" => PeriodType::Duration,
                other => return Err(bad(&format!("unknown period type {other:?}"))),
            };
            let balance = match f[3] {
                "" => None,
                "debit" => Some(Balance::Debit),
                "credit" => Some(Balance::Credit),
                other => return Err(bad(&format!("unknown balance {other:?}"))),
            };
            let concept = Concept {
                qname: f[0].to_string(),
                type_name: f[1].to_string(),
                kind,
                period_type,
                balance,
                is_abstract: f[4] == "true",
                source: f[6].to_string(),
            };
            concepts.push(concept);
        }
        // Sorted once here rather than kept sorted on insertion: the table is read at the start
        // of every process. The stable sort keeps a repeated QName's rows in file order, so
        // keeping the last of each run is what inserting them in turn would keep.
        concepts.sort_by(|a: &Concept, b: &Concept| a.qname.cmp(&b.qname));
        concepts.reverse();
        concepts.dedup_by(|a, b| a.qname == b.qname);
        concepts.reverse();
        Ok(ConceptTable {
            concepts,
            embedded: false,
        })
    }

    /// Adds a concept (or replaces the one of the same QName): the extension concepts a
    /// release declares for itself.
    pub fn insert(&mut self, concept: Concept) {
        match self
            .concepts
            .binary_search_by(|c| c.qname.as_str().cmp(&concept.qname))
        {
            Ok(i) => self.concepts[i] = concept,
            Err(i) => self.concepts.insert(i, concept),
        }
    }

    /// Looks a concept up by `prefix:Name`.
    pub fn get(&self, qname: &str) -> Option<&Concept> {
        self.concepts
            .binary_search_by(|c| c.qname.as_str().cmp(qname))
            .ok()
            .map(|i| &self.concepts[i])
    }

    /// All concepts, sorted by QName.
    pub fn iter(&self) -> impl Iterator<Item = &Concept> {
        self.concepts.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_need_seven_fields() {
        let header = "qname\ttype\tperiodType\tbalance\tabstract\tsubstitutionGroup\tsource";
        let row =
            "us-gaap:Revenues\txbrli:monetaryItemType\tduration\tcredit\tfalse\txbrli:item\tfacts";
        let parse = |row: &str| ConceptTable::parse("t.tsv", &format!("{header}\n{row}\n"));
        let table = parse(row).unwrap();
        let c = table.get("us-gaap:Revenues").unwrap();
        assert_eq!(
            (c.type_name.as_str(), c.kind, c.balance, c.source.as_str()),
            (
                "xbrli:monetaryItemType",
                ValueKind::Monetary,
                Some(Balance::Credit),
                "facts"
            )
        );
        let empty_source = parse(&format!("{row}\t").replace("facts\t", "")).unwrap();
        assert_eq!(empty_source.get("us-gaap:Revenues").unwrap().source, "");
        for bad in [
            row.rsplit_once('\t').unwrap().0.to_string(),
            format!("{row}\textra"),
            format!("{row}\t"),
            String::from("us-gaap:Revenues"),
        ] {
            let e = parse(&bad).unwrap_err().to_string();
            assert!(
                e.contains("expected 7 tab-separated fields"),
                "{bad:?}: {e}"
            );
            assert!(e.contains("t.tsv:2:1"), "{bad:?}: {e}");
        }
    }
}
