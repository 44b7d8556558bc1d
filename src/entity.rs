//! Who the release is about, and its document and entity information (dei) facts.
//!
//! The entity of every context is identified by the CIK (given with `--cik`, else the EDGAR
//! header's registrant), else by the ticker the release prints ("NASDAQ: ARTG"), else by the
//! company's name; the last two are not EDGAR-ready and say so in an `entity-fallback`
//! diagnostic. The dei facts describe the period the release reports (see
//! [`document_period`]) and keep the span of the text they came from where the release has it.

use chrono::NaiveDate;

use crate::document::Document;
use crate::error::{Diagnostic, DiagnosticCode, Error, ErrorKind, Location};
use crate::facts::{Context, Fact};
use crate::interpret::{self, ColumnPeriod, Period, TableMeaning};
use crate::options::Options;
use crate::source::{Source, Span};

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

/// The entity of every context, the CIK when one is known, and an `entity-fallback`
/// diagnostic when the entity is not identified by a CIK. With no CIK, ticker or company name
/// at all, nothing identifies the entity: an error.
pub fn identify(
    source: &Source,
    document: &Document,
    options: &Options,
) -> Result<(Entity, Option<String>, Vec<Diagnostic>), Error> {
    let cik = match &options.cik {
        Some(c) => Some(normalise_cik(c)?),
        None => document
            .edgar
            .as_ref()
            .and_then(|e| e.registrant.as_ref())
            .map(|r| r.cik.clone()),
    };
    let mut diagnostics = Vec::new();
    let entity = match (&cik, &document.ticker) {
        (Some(cik), _) => Entity {
            scheme: CIK_SCHEME.into(),
            identifier: cik.clone(),
        },
        (None, Some(ticker)) => {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::EntityFallback,
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
                .with_location(Location::of(source, Span::new(0, 0))));
            };
            let name = name_identifier(&company.text);
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::EntityFallback,
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
    Ok((entity, cik, diagnostics))
}

/// A company's name as an identifier: upper case, words of ASCII letters and digits joined by
/// hyphens ("Art Technology Group, Inc." → `ART-TECHNOLOGY-GROUP-INC`).
fn name_identifier(name: &str) -> String {
    name.chars()
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
        .join("-")
}

/// The period the release reports: the latest end date of a column that holds a fact, the
/// fiscal year and period focus, and the context dei facts use (the longest duration ending on
/// that date: the fiscal year to date, as in a 10-Q's document and entity information). A
/// column no fact came from says nothing of what the release reports (an 8-K cover page's
/// "Date of Report" over a zip code); when no column holds a fact, every dated column counts.
pub fn document_period(
    meanings: &[TableMeaning],
    facts: &[Fact],
) -> Option<(NaiveDate, i32, String, Period)> {
    let dated = || {
        meanings
            .iter()
            .filter(|m| m.skip.is_none())
            .flat_map(|m| m.columns.iter().filter_map(|c| c.period()))
    };
    let holds_fact = |c: &ColumnPeriod| {
        facts
            .iter()
            .any(|f| f.context.period == c.period || f.context.period.end() == c.period.end())
    };
    let mut periods: Vec<ColumnPeriod> = dated().filter(|c| holds_fact(c)).collect();
    if periods.is_empty() {
        periods = dated().collect();
    }
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

/// The dei facts, sorted by concept, each with the span of the text it came from when the
/// release prints it (the company's name, the ticker); and an `xml-forbidden` diagnostic for
/// each holding a character XML does not allow (the writer leaves it out).
pub fn document_facts(
    source: &Source,
    doc: &Document,
    meanings: &[TableMeaning],
    cik: Option<String>,
    facts: &[Fact],
) -> (Vec<Fact>, Vec<Diagnostic>) {
    let Some((end, year, focus, period)) = document_period(meanings, facts) else {
        return (Vec::new(), Vec::new());
    };
    let context = Context::new(period, Vec::new());
    let text = |concept: &str, value: String, cell: Option<Span>| Fact {
        concept: concept.to_string(),
        context: context.clone(),
        unit: None,
        decimals: None,
        value,
        number: None,
        cell: cell.filter(|s| s.start < s.end),
    };
    let form = doc
        .edgar
        .as_ref()
        .and_then(|e| e.form_type.clone())
        .unwrap_or_else(|| "8-K".to_string());
    let mut out = Vec::new();
    if let Some(company) = &doc.company {
        out.push(text(
            "dei:EntityRegistrantName",
            company.text.clone(),
            Some(company.span),
        ));
    }
    if let Some(cik) = cik {
        out.push(text("dei:EntityCentralIndexKey", cik, None));
    }
    if let Some(ticker) = &doc.ticker {
        out.push(text(
            "dei:TradingSymbol",
            ticker.text.clone(),
            Some(ticker.span),
        ));
    }
    out.push(text(
        "dei:AmendmentFlag",
        form.ends_with("/A").to_string(),
        None,
    ));
    out.push(text("dei:DocumentType", form, None));
    out.push(text("dei:DocumentPeriodEndDate", end.to_string(), None));
    out.push(text("dei:DocumentFiscalYearFocus", year.to_string(), None));
    out.push(text("dei:DocumentFiscalPeriodFocus", focus, None));
    out.sort_by(|a, b| a.concept.cmp(&b.concept));
    let forbidden = out
        .iter()
        .filter_map(|f| xml_forbidden(source, f))
        .collect();
    (out, forbidden)
}

/// An `xml-forbidden` diagnostic for a dei fact holding a character XML does not allow,
/// pointing where the release has the text (a title line, the EDGAR header).
fn xml_forbidden(source: &Source, fact: &Fact) -> Option<Diagnostic> {
    let c = fact.value.chars().find(|&c| !crate::text::xml_allows(c))?;
    let span = source
        .text()
        .find(&fact.value)
        .map_or(Span::new(0, 0), |s| Span::new(s, s + fact.value.len()));
    Some(Diagnostic {
        code: DiagnosticCode::XmlForbidden,
        message: format!(
            "{} \"{}\" holds the character U+{:04X}, which XML does not allow: it is left out of the instance",
            fact.concept,
            fact.value.escape_default(),
            u32::from(c)
        ),
        location: Some(Location::of(source, span)),
        notes: Vec::new(),
    })
}
