//! xbrlify turns plain-text earnings releases (EDGAR 8-K Exhibit 99 press releases with
//! fixed-width tables) into XBRL 2.1 instance documents.
//!
//! The pipeline runs in one direction, each stage a module taking and returning plain data:
//!
//! 1. [`read`]: text → [`document::Document`] (tables, headings, cells with byte spans);
//! 2. [`interpret`]: column headings → periods, scale lines → multipliers;
//! 3. [`map`]: row labels → concepts, through the mapping file and the [`taxonomy`] table;
//! 4. [`facts`]: cells → facts, contexts, units; duplicates merged; [`check`] foots totals;
//! 5. [`xbrl`]: facts → instance XML, deterministic byte for byte.
//!
//! [`convert`] runs stages 2–4 on a [`source::Source`]; the CLI does all I/O.
//!
//! ```
//! let source = xbrlify::source::Source::new("release.txt", "\
//! Acme Widgets, Inc. (NYSE: ACME)
//!
//!                    Statements of Operations
//!                 (In thousands, except per share data)
//!
//!                          Three Months Ended
//!                        Sept. 30,    Sept. 30,
//!                           2003         2002
//!
//! Total revenues          $5,001       $4,000
//! Net income/(loss)         (120)          35
//! ");
//! let concepts = xbrlify::taxonomy::ConceptTable::embedded();
//! let mapping = xbrlify::map::Mapping::embedded(&concepts).unwrap();
//! let out = xbrlify::convert(&source, &mapping, &concepts, &xbrlify::Options::default()).unwrap();
//! let net = out.facts.facts.iter().find(|f| f.concept == "us-gaap:NetIncomeLoss").unwrap();
//! assert_eq!(net.value, "-120000");
//! assert_eq!(net.context.id, "D20030701-20030930");
//! ```

#![deny(missing_docs)]

pub mod check;
mod conversion;
pub mod document;
pub mod error;
pub mod evidence;
pub mod facts;
pub mod inspect;
pub mod interpret;
pub mod map;
mod prebuilt;
pub mod read;
pub mod source;
pub mod taxonomy;
mod text;
pub mod xbrl;

use chrono::NaiveDate;

pub use crate::conversion::{CIK_SCHEME, Conversion, Entity, NAME_SCHEME, Status, TICKER_SCHEME};
use crate::document::Document;
pub use crate::error::{Diagnostic, Error, ErrorKind};
use crate::error::{Location, Quarantine, Unit};
use crate::facts::{Context, Fact};
use crate::interpret::{ColumnPeriod, Period, TableMeaning};
use crate::map::Mapping;
use crate::source::Source;
use crate::taxonomy::ConceptTable;

/// Choices the caller makes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The registrant's SEC Central Index Key, when known (1 to 10 digits).
    pub cik: Option<String>,
    /// All or nothing: the first fault of a table, column, row or fact stops the release
    /// instead of quarantining that unit.
    pub strict: bool,
}

/// Checks and zero-pads a CIK given by the user.
pub fn normalise_cik(cik: &str) -> Result<String, Error> {
    let cik = cik.trim();
    if cik.is_empty() || cik.len() > 10 || !cik.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("--cik {cik:?}: a CIK is 1 to 10 digits"),
        ));
    }
    Ok(format!("{cik:0>10}"))
}

/// Reads, interprets, maps and builds the facts of a release.
///
/// Only a fault of the input as a whole is an error: it is not a release (empty, binary), no
/// table can be read, no entity is known, or no fact comes of it. A fault in one table,
/// column, row or fact quarantines that unit (see [`Conversion::quarantines`]) and the rest
/// converts; with [`Options::strict`] the first quarantine is the error instead.
pub fn convert(
    source: &Source,
    mapping: &Mapping,
    concepts: &ConceptTable,
    options: &Options,
) -> Result<Conversion, Error> {
    let conversion = analyse(source, mapping, concepts, options)?;
    if options.strict
        && let Some(q) = conversion.quarantines.first()
    {
        return Err(q.error.clone());
    }
    if let Some(empty) = conversion.emptiness(source) {
        return Err(empty);
    }
    Ok(conversion)
}

/// [`convert`], except that a conversion with no fact is returned rather than refused, and
/// quarantines are never errors: what `inspect` shows, above all for releases that fail.
pub fn analyse(
    source: &Source,
    mapping: &Mapping,
    concepts: &ConceptTable,
    options: &Options,
) -> Result<Conversion, Error> {
    let document = read::read(source)?;
    let mut quarantines: Vec<Quarantine> = document
        .dropped
        .iter()
        .map(|d| Quarantine {
            unit: Unit::Table,
            error: Error::at(d.kind, source, d.span, d.message.clone()),
            evidence: None,
        })
        .collect();
    let (meanings, columns) = interpret::interpret(source, &document)?;
    quarantines.extend(columns.into_iter().map(|error| Quarantine {
        unit: Unit::Column,
        error,
        evidence: None,
    }));
    // A row whose numbers could not be read is quarantined if its table is reported; in a
    // table that is skipped anyway (operating statistics, a reconciliation) it is a warning.
    let mut unreadable = Vec::new();
    for (table, meaning) in document.tables.iter().zip(&meanings) {
        for defect in &table.defects {
            match &meaning.skip {
                None => quarantines.push(Quarantine {
                    unit: Unit::Row,
                    error: Error::at(defect.kind, source, defect.span, defect.message.clone()),
                    evidence: None,
                }),
                Some(why) => unreadable.push(Diagnostic {
                    code: crate::error::DiagnosticCode::UnreadableRow,
                    message: format!(
                        "{}; the row is left out of a table that is not reported ({why})",
                        defect.message
                    ),
                    location: Some(Location::of(source, defect.span)),
                    notes: Vec::new(),
                }),
            }
        }
    }
    let (mapped, mut unmapped) = map::map(source, &document, &meanings, mapping, concepts);
    let mut facts = facts::build(source, &document, &meanings, &mapped, mapping, concepts);
    quarantines.extend(evidence::resolve(source, &document, mapping, &mut facts));
    let mut diagnostics: Vec<Diagnostic> = quarantines.iter().map(Quarantine::diagnostic).collect();
    diagnostics.append(&mut unreadable);
    if let Some(offset) = source.transcoded_at() {
        diagnostics.push(Diagnostic {
            code: error::DiagnosticCode::NotUtf8,
            message: "the input is not UTF-8: read as Windows-1252 from here on".into(),
            location: Some(Location::of(source, source::Span::new(offset, offset))),
            notes: Vec::new(),
        });
    }
    let long: Vec<usize> = (1..=source.line_count())
        .filter(|&n| {
            // A line's bytes with its ending bound its text: only a long one is looked at.
            source.line_bytes_with_ending(n) > read::MAX_LINE_BYTES
                && source.line_text(n).len() > read::MAX_LINE_BYTES
        })
        .collect();
    if let Some(&first) = long.first() {
        let more = match long.len() - 1 {
            0 => String::new(),
            1 => " (and 1 more such line)".to_string(),
            n => format!(" (and {n} more such lines)"),
        };
        diagnostics.push(Diagnostic {
            code: error::DiagnosticCode::LongLine,
            message: format!(
                "this line is {} bytes long, more than the {} of any table line: read as prose{more}",
                source.line_text(first).len(),
                read::MAX_LINE_BYTES
            ),
            location: Some(Location::bare(source.name(), first, 1)),
            notes: Vec::new(),
        });
    }
    diagnostics.append(&mut unmapped);
    let (footing, mut mismatches) = check::footing(source, &document, mapping, &facts);
    diagnostics.append(&mut mismatches);

    let cik = match &options.cik {
        Some(c) => Some(normalise_cik(c)?),
        None => document
            .edgar
            .as_ref()
            .and_then(|e| e.registrant.as_ref())
            .map(|r| r.cik.clone()),
    };
    let entity = match (&cik, &document.ticker) {
        (Some(cik), _) => Entity {
            scheme: CIK_SCHEME.into(),
            identifier: cik.clone(),
        },
        (None, Some(ticker)) => {
            diagnostics.push(Diagnostic {
                code: error::DiagnosticCode::EntityFallback,
                message: format!(
                    "no CIK known: the entity is identified by its ticker {} under the scheme {TICKER_SCHEME}; \
                     the instance is not EDGAR-ready (give --cik)",
                    ticker.text
                ),
                location: Some(Location::of(source, ticker.span)),
                notes: Vec::new(),
            });
            Entity {
                scheme: TICKER_SCHEME.into(),
                identifier: ticker.text.clone(),
            }
        }
        (None, None) => {
            let Some(company) = &document.company else {
                return Err(Error::new(
                    ErrorKind::Usage,
                    "no CIK, ticker or company name found in the release: give the registrant's CIK with --cik",
                )
                .with_location(Location::of(source, source::Span::new(0, 0))));
            };
            let name: String = company
                .text
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_uppercase()
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
                .split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            diagnostics.push(Diagnostic {
                code: error::DiagnosticCode::EntityFallback,
                message: format!(
                    "no CIK or ticker known: the entity is identified by its name {name} under the scheme \
                     {NAME_SCHEME}; the instance is not EDGAR-ready (give --cik)"
                ),
                location: Some(Location::of(source, company.span)),
                notes: Vec::new(),
            });
            Entity {
                scheme: NAME_SCHEME.into(),
                identifier: name,
            }
        }
    };
    let document_facts = document_facts(&document, &meanings, cik.as_deref());
    for fact in &document_facts {
        let Some(c) = fact.value.chars().find(|&c| !xbrl::xml_allows(c)) else {
            continue;
        };
        // Point at the text where the release has it (a title line, the EDGAR header).
        let span = source
            .text()
            .find(&fact.value)
            .map_or(source::Span::new(0, 0), |s| {
                source::Span::new(s, s + fact.value.len())
            });
        diagnostics.push(Diagnostic {
            code: error::DiagnosticCode::XmlForbidden,
            message: format!(
                "{} \"{}\" holds the character U+{:04X}, which XML does not allow: it is left out of the instance",
                fact.concept,
                fact.value.escape_default(),
                u32::from(c)
            ),
            location: Some(Location::of(source, span)),
            notes: Vec::new(),
        });
    }
    let evidence = evidence::of_facts(&document, &facts, &footing, mapping);
    Ok(Conversion {
        evidence,
        document,
        meanings,
        entity,
        document_facts,
        facts,
        footing,
        quarantines,
        diagnostics,
    })
}

/// The period the release reports: its latest column end date, the fiscal year and period
/// focus, and the context dei facts use (the longest duration ending on that date: the fiscal
/// year to date, as in a 10-Q's document and entity information).
pub fn document_period(meanings: &[TableMeaning]) -> Option<(NaiveDate, i32, String, Period)> {
    let periods: Vec<ColumnPeriod> = meanings
        .iter()
        .filter(|m| m.skip.is_none())
        .flat_map(|m| m.columns.iter().filter_map(|c| c.period()))
        .collect();
    let (end, year, focus, longest) = interpret::fiscal_focus(&periods)?;
    let period = longest.unwrap_or_else(|| {
        let start = end
            .succ_opt()
            .and_then(|d| d.checked_sub_months(chrono::Months::new(3)))
            .unwrap_or(end);
        Period::Duration { start, end }
    });
    Some((end, year, focus, period))
}

fn document_facts(doc: &Document, meanings: &[TableMeaning], cik: Option<&str>) -> Vec<Fact> {
    let Some((end, year, focus, period)) = document_period(meanings) else {
        return Vec::new();
    };
    let context = Context::new(period, Vec::new());
    let text = |concept: &str, value: String| Fact {
        concept: concept.to_string(),
        context: context.clone(),
        unit: None,
        decimals: None,
        value,
        number: None,
        cell: None,
    };
    let form = doc
        .edgar
        .as_ref()
        .and_then(|e| e.form_type.clone())
        .unwrap_or_else(|| "8-K".to_string());
    let mut out = Vec::new();
    if let Some(company) = &doc.company {
        out.push(text("dei:EntityRegistrantName", company.text.clone()));
    }
    if let Some(cik) = cik {
        out.push(text("dei:EntityCentralIndexKey", cik.to_string()));
    }
    if let Some(ticker) = &doc.ticker {
        out.push(text("dei:TradingSymbol", ticker.text.clone()));
    }
    out.push(text("dei:AmendmentFlag", form.ends_with("/A").to_string()));
    out.push(text("dei:DocumentType", form));
    out.push(text("dei:DocumentPeriodEndDate", end.to_string()));
    out.push(text("dei:DocumentFiscalYearFocus", year.to_string()));
    out.push(text("dei:DocumentFiscalPeriodFocus", focus));
    out.sort_by(|a, b| a.concept.cmp(&b.concept));
    out
}
