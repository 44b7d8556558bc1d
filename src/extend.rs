//! Stage 4, extend: the lines of reported tables that no mapping entry matches become facts of
//! the filer's own extension concepts, as filers tag every line of their statements.
//!
//! The mapping stays the first resort: only a row the `unmapped-row` diagnostic names (a row
//! of a reported table, with amounts in dated columns, that no entry matches and that is no
//! part of the entity) is extended. Each such row gets a concept named by the usual convention,
//! the label's words in CamelCase ("Service fees" → `ServiceFees`); a label that names nothing
//! by itself ("Total", "Subtotal", "Other", none at all) is qualified by the heading it stands
//! under, or else by its table's title ("Other" under "Non-interest expense" →
//! `NonInterestExpenseOther`). Rows with the same words under the same headings report one
//! concept (the quarter's and the year's tables of one line), unless their amounts for one
//! period disagree: then each table's rows, and if need be each row, take a concept of their
//! own (`LoansSubtotal`, `LoansSubtotal2`), so no concept ever holds two values for one
//! period. The facts themselves are built by stage 4's own [`crate::facts::build`], so scale,
//! sign, decimals and periods follow the same rules as every other fact.
//!
//! A concept's type comes from its row: per share (amounts in cents under a per-share title,
//! heading or label), shares (a label or heading about shares), else monetary; instant when
//! every dated column of the row is an instant (a balance sheet), else duration. A monetary
//! concept's balance comes from where the row stands: under assets debit, under liabilities or
//! equity credit; in a flow statement under an expense or cost heading debit, under an income,
//! revenue or sales heading credit; elsewhere (cash flows, a heading that says neither) none.
//! Extension concepts never enter a calculation relationship (those are the mapping's verified
//! footings), so no weight can contradict a balance.
//!
//! Section headings and statement titles become abstract concepts
//! ([`Extensions::heading`], [`Extensions::statements`]) for the presentation linkbase.

use std::collections::BTreeMap;

use crate::document::{Document, Row, Table};
use crate::facts::{self, Facts};
use crate::interpret::{Period, TableMeaning};
use crate::lexicon::phrases::{names_cash_flow, names_per_share, names_start};
use crate::map::{At, MappedRow, MappedTable, Mapping, Outcome, RowMapping, Sign, Target};
use crate::source::{Source, Span};
use crate::taxonomy::{Balance, Concept, ConceptTable, PeriodType, ValueKind};

/// Where the filer's extension taxonomy lives: its prefix and namespace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filer {
    /// The prefix of the extension concepts (`acme`).
    pub prefix: String,
    /// The namespace of the extension schema.
    pub namespace: String,
}

/// One extension concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The local name (`ServiceFees`).
    pub name: String,
    /// The standard label: the release's own words.
    pub label: String,
    /// Monetary, shares or per share.
    pub kind: ValueKind,
    /// Instant (a balance) or duration (a flow).
    pub period_type: PeriodType,
    /// The balance a monetary concept has, when its place says.
    pub balance: Option<Balance>,
    /// The label spans of the rows it reports, in source order.
    pub rows: Vec<Span>,
}

impl Extension {
    /// The XML Schema type of the concept.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ValueKind::PerShare => "dtr-types:perShareItemType",
            ValueKind::Shares => "xbrli:sharesItemType",
            _ => "xbrli:monetaryItemType",
        }
    }
}

/// An abstract concept: a section heading or a statement's title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// The local name (`NonInterestIncomeAbstract`).
    pub name: String,
    /// The words of the heading.
    pub label: String,
}

/// A reported table presented as a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The table (index into the document's tables).
    pub table: usize,
    /// Its abstract concept, and the name of its extended link role.
    pub heading: Heading,
}

/// What the extension stage decided: the filer's concepts and the facts they report.
#[derive(Clone, Debug, Default)]
pub struct Extensions {
    /// The extension taxonomy's prefix and namespace.
    pub filer: Filer,
    /// The extension concepts, in the order of their first row.
    pub concepts: Vec<Extension>,
    /// Their facts and the account of their rows' cells (only the extended rows' cells).
    pub facts: Facts,
    /// Every heading of a reported table, by its words.
    pub headings: BTreeMap<String, Heading>,
    /// The reported tables, in document order.
    pub statements: Vec<Statement>,
}

impl Extensions {
    /// The abstract concept of a heading's words.
    pub fn heading(&self, text: &str) -> Option<&Heading> {
        self.headings.get(text)
    }
}

/// The prefixes and namespaces an extension taxonomy may not take: those of XBRL itself and
/// of the standard taxonomies the package imports.
pub const RESERVED_PREFIXES: &[&str] = &[
    "xml",
    "xmlns",
    "xs",
    "xsi",
    "xbrli",
    "xbrldi",
    "xbrldt",
    "link",
    "xlink",
    "iso4217",
    "dtr-types",
    "us-gaap",
    "srt",
    "dei",
    "ref",
    "nonnum",
    "num",
];

/// Whether a prefix can name the filer's extension concepts: an XML name without a colon
/// (letters, digits, `-`, `_`, `.`, starting with a letter or `_`), not a reserved one.
pub fn valid_prefix(prefix: &str) -> bool {
    prefix.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !RESERVED_PREFIXES.contains(&prefix.to_ascii_lowercase().as_str())
        && !prefix.to_ascii_lowercase().starts_with("xml")
}

/// The filer's prefix and namespace: the options' when given, else the ticker in lower case
/// (else `cik` and the CIK's digits, else `ext`) and a namespace made of it and the date the
/// release's period ends.
pub fn filer(
    doc: &Document,
    entity: &crate::entity::Entity,
    document_facts: &[crate::facts::Fact],
    options: &crate::options::Options,
) -> Filer {
    let ticker = doc
        .ticker
        .as_ref()
        .map(|t| t.text.to_ascii_lowercase())
        .filter(|t| valid_prefix(t));
    let cik = (entity.scheme == crate::CIK_SCHEME)
        .then(|| format!("cik{}", entity.identifier.trim_start_matches('0')));
    let prefix = options
        .extension_prefix
        .clone()
        .filter(|p| valid_prefix(p))
        .or(ticker)
        .or(cik)
        .unwrap_or_else(|| "ext".to_string());
    let date: String = document_facts
        .iter()
        .find(|f| f.concept == "dei:DocumentPeriodEndDate")
        .map(|f| f.value.chars().filter(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let namespace = options.extension_namespace.clone().unwrap_or_else(|| {
        if date.is_empty() {
            format!("http://xbrlify.invalid/{prefix}")
        } else {
            format!("http://xbrlify.invalid/{prefix}/{date}")
        }
    });
    Filer { prefix, namespace }
}

/// The words of a name: ASCII letters and digits, each word capitalised (an upper-case word
/// of more than one letter is written as a word: "LOANS" → "Loans"). Parenthesised words are
/// left out.
pub fn camel_case(text: &str) -> String {
    // Every character kept is ASCII: each word is written straight into the name, then its
    // case set in place.
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for word in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '(' && c != ')') {
        let start = out.len();
        for c in word.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        let clean = &mut out[start..];
        if clean.is_empty() {
            continue;
        }
        let upper = clean.len() > 1 && !clean.bytes().any(|b| b.is_ascii_lowercase());
        clean[..1].make_ascii_uppercase();
        if upper {
            clean[1..].make_ascii_lowercase();
        }
    }
    out
}

/// Whether a label names nothing by itself: it needs its heading to say what it is.
fn generic(label: &str) -> bool {
    let words = camel_case(label).to_ascii_lowercase();
    matches!(
        words.as_str(),
        "" | "total" | "totals" | "subtotal" | "other" | "net" | "less" | "all other"
    )
}

/// A table's title: its last title line with words that is neither a date nor a remark such
/// as "(unaudited)".
fn title_words(table: &Table) -> String {
    table
        .title
        .iter()
        .rev()
        .map(|t| t.text.as_str())
        .find(|t| {
            let words = camel_case(t);
            words.chars().any(|c| c.is_ascii_alphabetic())
                && !crate::lexicon::phrases::is_unaudited(t)
                && crate::lexicon::dates::numeric_date(t).is_none()
                && !t.chars().any(|c| c.is_ascii_digit() && t.contains(','))
        })
        .unwrap_or_default()
        .to_string()
}

/// Whether a column heading states a length of time: a quarter, months, weeks, a year ended.
fn heading_states_length(heading: &str) -> bool {
    let lower = heading.to_ascii_lowercase();
    crate::lexicon::dates::states_length(heading)
        || [
            "ended",
            "ending",
            "month",
            "week",
            "quarter",
            "year to date",
            "ytd",
        ]
        .iter()
        .any(|w| crate::text::contains(&lower, w))
}

/// The rows of a table to extend: those the `unmapped-row` diagnostic names.
fn extended(table: &Table, meaning: &TableMeaning, mapped: &MappedTable<'_>) -> Vec<bool> {
    table
        .rows
        .iter()
        .zip(&mapped.rows)
        .map(|(row, m)| {
            m.outcome.is_none()
                && m.part.is_none()
                && meaning.skip.is_none()
                && crate::map::reported_cells(row, meaning) > 0
        })
        .collect()
}

/// What one extended row is: its name's stem, label, kind, period type and balance.
struct Line {
    table: usize,
    row: usize,
    stem: String,
    label: String,
    kind: ValueKind,
    period_type: PeriodType,
    balance: Option<Balance>,
}

/// `title`: the table's [`title_words`].
fn line(t: usize, r: usize, table: &Table, title: &str, meaning: &TableMeaning, row: &Row) -> Line {
    let lower = |s: &str| s.to_ascii_lowercase();
    let label = row.label.text.trim();
    let innermost = row.sections.last().map(|s| s.text.as_str());
    // What qualifies a label that names nothing by itself: its heading, else its table's
    // title, else the table's first line.
    let first = table.rows.first().map_or("", |r| r.label.text.as_str());
    let outer = if title.is_empty() { first } else { title };
    let (mut stem, text) = if generic(label) {
        let qualifier = innermost.unwrap_or(outer);
        let text = if label.is_empty() {
            format!("{qualifier}, total")
        } else {
            format!("{qualifier}, {label}")
        };
        let words = if label.is_empty() { "Total" } else { label };
        (camel_case(&format!("{qualifier} {words}")), text)
    } else {
        (camel_case(label), label.to_string())
    };
    // A name starts with a letter: "1-4 Family construction" is named after its table too.
    if !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
        stem = camel_case(&format!("{} {stem}", innermost.unwrap_or(outer)));
        if !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
            stem = format!("Line{stem}");
        }
    }
    let amounts: Vec<_> = row
        .cells
        .iter()
        .filter(|c| !c.number.dash && !c.number.not_available && !c.number.percent)
        .collect();
    let in_cents = !amounts.is_empty() && amounts.iter().all(|c| c.number.fraction_digits >= 2);
    let per_share_words = names_per_share(label)
        || table.title.iter().any(|t| names_per_share(&t.text))
        || row.sections.iter().any(|s| names_per_share(&s.text));
    let about_shares = crate::text::contains(&lower(label), "shares")
        || innermost.is_some_and(|s| crate::text::contains(&lower(s), "shares"));
    let kind = if in_cents && per_share_words {
        ValueKind::PerShare
    } else if about_shares && !names_per_share(label) && !amounts.iter().any(|c| c.number.currency)
    {
        ValueKind::Shares
    } else {
        ValueKind::Monetary
    };
    // Instant when every dated column is an instant, or no dated column's heading states a
    // length ("Dec 31, 2007" over a table of balances the release dates as its quarter).
    let dated: Vec<usize> = row
        .cells
        .iter()
        .filter(|c| meaning.columns[c.column].period().is_some())
        .map(|c| c.column)
        .collect();
    let instant = dated.iter().all(|&c| {
        matches!(
            meaning.columns[c].period().map(|p| p.period),
            Some(Period::Instant(_))
        )
    }) || dated
        .iter()
        .all(|&c| !heading_states_length(&table.columns[c].heading_text()));
    let period_type = if instant {
        PeriodType::Instant
    } else {
        PeriodType::Duration
    };
    let in_cash_flow = table.title.iter().any(|t| names_cash_flow(&t.text))
        || row.sections.iter().any(|s| names_cash_flow(&s.text));
    let balance = match (kind, period_type) {
        (ValueKind::Monetary, PeriodType::Instant) => row.sections.iter().rev().find_map(|s| {
            let s = lower(&s.text);
            let has = |w: &str| crate::text::contains(&s, w);
            if has("liabilit") || has("equity") || has("capital") {
                Some(Balance::Credit)
            } else if has("asset") {
                Some(Balance::Debit)
            } else {
                None
            }
        }),
        (ValueKind::Monetary, PeriodType::Duration) if !in_cash_flow => {
            row.sections.iter().rev().find_map(|s| {
                let s = lower(&s.text);
                let has = |w: &str| crate::text::contains(&s, w);
                if has("expense") || has("cost") {
                    Some(Balance::Debit)
                } else if has("income") || has("revenue") || has("sales") {
                    Some(Balance::Credit)
                } else {
                    None
                }
            })
        }
        _ => None,
    };
    Line {
        table: t,
        row: r,
        stem,
        label: text,
        kind,
        period_type,
        balance,
    }
}

/// How finely rows are told apart: by their words, also by table, also row by row.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Split {
    Words,
    Table,
    Row,
}

/// The identity of a line at a split level: rows with one identity report one concept.
type Identity = (String, String, Vec<String>, u8, u8, usize, usize);

fn identity(line: &Line, row: &Row, split: Split) -> Identity {
    let sections = row.sections.iter().map(|s| s.text.clone()).collect();
    let (table, r) = match split {
        Split::Words => (usize::MAX, usize::MAX),
        Split::Table => (line.table, usize::MAX),
        Split::Row => (line.table, line.row),
    };
    (
        line.stem.clone(),
        crate::map::normalise(&row.label.text),
        sections,
        line.kind as u8,
        line.period_type as u8,
        table,
        r,
    )
}

/// Decides the extension concepts of a release and builds their facts.
pub fn extend(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    mapped: &[MappedTable<'_>],
    mapping: &Mapping,
    filer: Filer,
) -> Extensions {
    let mut lines = Vec::new();
    let mut statements = Vec::new();
    let mut headings = BTreeMap::new();
    let mut used_names: BTreeMap<String, usize> = BTreeMap::new();
    for (t, ((table, meaning), mapped)) in doc.tables.iter().zip(meanings).zip(mapped).enumerate() {
        if meaning.skip.is_some() {
            continue;
        }
        let words = title_words(table);
        let title = if words.is_empty() {
            format!("Table {}", t + 1)
        } else {
            words.clone()
        };
        let stem = camel_case(&title);
        let stem = if stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
            stem
        } else {
            format!("Table{stem}")
        };
        let n = used_names.entry(stem.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            format!("{stem}Abstract")
        } else {
            format!("{stem}{n}Abstract")
        };
        statements.push(Statement {
            table: t,
            heading: Heading { name, label: title },
        });
        for row in &table.rows {
            for s in &row.sections {
                if headings.contains_key(&s.text) {
                    continue;
                }
                let stem = camel_case(&s.text);
                let stem = if stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    stem
                } else {
                    format!("Heading{stem}")
                };
                let n = used_names.entry(stem.clone()).or_insert(0);
                *n += 1;
                let name = if *n == 1 {
                    format!("{stem}Abstract")
                } else {
                    format!("{stem}{n}Abstract")
                };
                headings.insert(
                    s.text.clone(),
                    Heading {
                        name,
                        label: s.text.clone(),
                    },
                );
            }
        }
        for (r, (row, yes)) in table
            .rows
            .iter()
            .zip(extended(table, meaning, mapped))
            .enumerate()
        {
            if yes {
                lines.push(line(t, r, table, &words, meaning, row));
            }
        }
    }
    if lines.is_empty() {
        // Nothing to extend: no second pass over the release's cells.
        return Extensions {
            filer,
            concepts: Vec::new(),
            facts: Facts::default(),
            headings,
            statements,
        };
    }
    let row_of = |l: &Line| &doc.tables[l.table].rows[l.row];
    // Split level per line, raised for the lines of a concept whose facts disagree.
    let mut splits = vec![Split::Words; lines.len()];
    for _ in 0..3 {
        let (concepts, names) = name_lines(&lines, &splits, &row_of, &filer);
        let facts = build(
            source, doc, meanings, mapping, &lines, &names, &concepts, &filer,
        );
        let disagree: Vec<&str> = facts
            .conflicts
            .iter()
            .filter_map(|c| c.readings.first())
            .map(|r| r.fact.concept.as_str())
            .collect();
        let last = splits.iter().all(|s| *s == Split::Row);
        if disagree.is_empty() || last {
            return Extensions {
                filer,
                concepts,
                facts,
                headings,
                statements,
            };
        }
        for (k, name) in names.iter().enumerate() {
            if disagree.contains(&format!("{}:{name}", filer.prefix).as_str()) {
                splits[k] = match splits[k] {
                    Split::Words => Split::Table,
                    _ => Split::Row,
                };
            }
        }
    }
    let (concepts, names) = name_lines(&lines, &splits, &row_of, &filer);
    let facts = build(
        source, doc, meanings, mapping, &lines, &names, &concepts, &filer,
    );
    Extensions {
        filer,
        concepts,
        facts,
        headings,
        statements,
    }
}

/// Names each line's concept: one per identity, a number after the stem for the second and
/// later identities of one stem. Returns the concepts and each line's name.
fn name_lines<'d>(
    lines: &[Line],
    splits: &[Split],
    row_of: &impl Fn(&Line) -> &'d Row,
    filer: &Filer,
) -> (Vec<Extension>, Vec<String>) {
    let _ = filer;
    let mut by_identity: BTreeMap<Identity, usize> = BTreeMap::new();
    let mut per_stem: BTreeMap<&str, usize> = BTreeMap::new();
    let mut concepts: Vec<Extension> = Vec::new();
    let mut names = Vec::with_capacity(lines.len());
    for (line, split) in lines.iter().zip(splits) {
        let row = row_of(line);
        let id = identity(line, row, *split);
        let k = *by_identity.entry(id).or_insert_with(|| {
            let n = per_stem.entry(line.stem.as_str()).or_insert(0);
            *n += 1;
            let name = if *n == 1 {
                line.stem.clone()
            } else {
                format!("{}{n}", line.stem)
            };
            concepts.push(Extension {
                name,
                label: line.label.clone(),
                kind: line.kind,
                period_type: line.period_type,
                balance: line.balance,
                rows: Vec::new(),
            });
            concepts.len() - 1
        });
        concepts[k].rows.push(row.label.span);
        names.push(concepts[k].name.clone());
    }
    (concepts, names)
}

/// Builds the facts of the extended rows through stage 4.
#[allow(clippy::too_many_arguments)]
fn build(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    mapping: &Mapping,
    lines: &[Line],
    names: &[String],
    concepts: &[Extension],
    filer: &Filer,
) -> Facts {
    let mut table = ConceptTable::default();
    for c in concepts {
        table.insert(Concept {
            qname: format!("{}:{}", filer.prefix, c.name),
            type_name: c.type_name().to_string(),
            kind: c.kind,
            period_type: c.period_type,
            balance: c.balance,
            is_abstract: false,
            source: "extension".into(),
        });
    }
    let outcomes: Vec<Outcome> = names
        .iter()
        .map(|name| {
            Outcome::Concept(RowMapping {
                target: Target {
                    concept: format!("{}:{name}", filer.prefix),
                    dims: Vec::new(),
                },
                sign: Sign::AsShown,
                at: At::End,
            })
        })
        .collect();
    let mut mapped: Vec<MappedTable<'_>> = doc
        .tables
        .iter()
        .map(|t| MappedTable {
            rows: t
                .rows
                .iter()
                .map(|_| MappedRow {
                    outcome: None,
                    part: None,
                    flow_only: false,
                    at_start: false,
                    benefit_shown_positive: false,
                    scale: None,
                })
                .collect(),
        })
        .collect();
    for (line, outcome) in lines.iter().zip(&outcomes) {
        let row = &doc.tables[line.table].rows[line.row];
        mapped[line.table].rows[line.row] = MappedRow {
            outcome: Some(outcome),
            part: None,
            flow_only: false,
            at_start: names_start(&row.label.text),
            benefit_shown_positive: false,
            scale: crate::interpret::row_scale(&row.label.text),
        };
    }
    // Only the extended rows' cells are accounted for here: the others are the release's
    // own account's (and, mapped to nothing here, would make no fact).
    let extended: rustc_hash::FxHashSet<(usize, usize)> =
        lines.iter().map(|l| (l.table, l.row)).collect();
    facts::build_rows(source, doc, meanings, &mapped, mapping, &table, |t, r| {
        extended.contains(&(t, r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_labels_words() {
        assert_eq!(camel_case("Service fees"), "ServiceFees");
        assert_eq!(
            camel_case("Net gain on sales of loans - servicing released"),
            "NetGainOnSalesOfLoansServicingReleased"
        );
        assert_eq!(camel_case("LOANS (unaudited)"), "Loans");
        assert_eq!(camel_case("Shareholders' equity"), "ShareholdersEquity");
        assert_eq!(
            camel_case("1-4 Family construction"),
            "14FamilyConstruction"
        );
        assert_eq!(camel_case("Non-interest income"), "NonInterestIncome");
        assert!(generic("Subtotal") && generic("Total:") && generic("") && !generic("Other loans"));
    }
}
