//! xbrlify turns earnings releases (EDGAR 8-K Exhibit 99 press releases, in plain text with
//! fixed-width tables or in HTML) into XBRL 2.1: instances, Inline XBRL, xBRL-JSON and report
//! packages.
//!
//! The pipeline runs in one direction, each stage a module taking and returning plain data:
//!
//! 1. [`read`]: text or HTML → [`document::Document`] (tables, headings, cells with byte spans);
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
pub mod entity;
pub mod error;
pub mod evidence;
pub mod extend;
pub mod facts;
pub mod inspect;
pub mod interpret;
mod lexicon;
pub mod map;
mod options;
mod prebuilt;
pub mod read;
pub mod source;
pub mod taxonomy;
mod text;
pub mod xbrl;

pub use crate::conversion::{
    CIK_SCHEME, Conversion, Entity, NAME_SCHEME, Options, Status, TICKER_SCHEME,
};
pub use crate::entity::{document_period, normalise_cik};
pub use crate::error::{Diagnostic, Error, ErrorKind};
use crate::error::{Location, Quarantine, Unit};
use crate::map::Mapping;
use crate::source::Source;
use crate::taxonomy::ConceptTable;

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
    match conversion.failure(source, options.strict) {
        Some(error) => Err(error),
        None => Ok(conversion),
    }
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
            error: d.error(source),
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
                    error: defect.error(source),
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
    diagnostics.extend(document.diagnostics.iter().cloned());
    diagnostics.append(&mut unmapped);
    let (footing, mut mismatches) = check::footing(source, &document, mapping, &facts);
    diagnostics.append(&mut mismatches);

    let (entity, cik, mut found) = entity::identify(source, &document, options)?;
    diagnostics.append(&mut found);
    let (document_facts, mut forbidden) =
        entity::document_facts(source, &document, &meanings, cik, &facts.facts);
    diagnostics.append(&mut forbidden);
    let evidence = evidence::of_facts(&facts, &footing, mapping);
    let filer = extend::filer(&document, &entity, &document_facts, options);
    let extensions = if options.without_extensions {
        extend::Extensions {
            filer,
            ..extend::Extensions::default()
        }
    } else {
        extend::extend(source, &document, &meanings, &mapped, mapping, filer)
    };
    Ok(Conversion {
        extensions,
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
