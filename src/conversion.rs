//! What a conversion produces ([`Conversion`]) and the entity its contexts name: the data
//! [`crate::convert`] hands to the writer ([`crate::xbrl`]) and to [`crate::inspect`]. Kept
//! apart from the crate root so that those stages depend on this data, not on the pipeline
//! that makes it. The crate root re-exports everything here.

use crate::check;
use crate::document::Document;
use crate::error::Diagnostic;
use crate::facts::{Fact, Facts};
use crate::interpret::TableMeaning;

/// The entity identifier scheme of SEC Central Index Keys.
pub const CIK_SCHEME: &str = "http://www.sec.gov/CIK";
/// The scheme used when no CIK is known and the entity is identified by its ticker. It is
/// deliberately not an SEC scheme: such an instance is not EDGAR-ready.
pub const TICKER_SCHEME: &str = "http://xbrlify.invalid/ticker";
/// The scheme used when neither a CIK nor a ticker is known: the company's name, upper case,
/// words joined by hyphens. Not EDGAR-ready either.
pub const NAME_SCHEME: &str = "http://xbrlify.invalid/name";

/// The reporting entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Identifier scheme URI.
    pub scheme: String,
    /// Identifier.
    pub identifier: String,
}

/// Everything a conversion produced.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// What was read.
    pub document: Document,
    /// What the tables mean.
    pub meanings: Vec<TableMeaning>,
    /// The entity of every context.
    pub entity: Entity,
    /// Document and entity information facts (dei), written first.
    pub document_facts: Vec<Fact>,
    /// The release's facts and the account of its cells.
    pub facts: Facts,
    /// The footing relationships checked, at every total where one applies.
    pub footing: Vec<check::FootingCheck>,
    /// All findings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}
