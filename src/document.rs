//! The document model: what the reader found in a release, as plain data.
//!
//! Nothing here is interpreted yet: column headings are the words printed over each column,
//! cells are numbers as shown (magnitude, sign, digits after the point), labels are the printed
//! text. Every piece keeps the byte [`Span`] it came from.

use rust_decimal::Decimal;

use crate::source::Span;

/// A release as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The registrant's name, as the release (or the EDGAR header) gives it.
    pub company: Option<Text>,
    /// The exchange ticker, e.g. `ARTG` from "NASDAQ: ARTG".
    pub ticker: Option<Text>,
    /// Facts from an EDGAR submission header, when the input is a whole submission.
    pub edgar: Option<EdgarHeader>,
    /// The tables, in document order.
    pub tables: Vec<Table>,
    /// Tables left out whole because their shape cannot be read (more columns than a
    /// financial table has): each is quarantined, the rest of the release converts.
    pub dropped: Vec<Defect>,
    /// What the reader noticed about the text itself: that it is not UTF-8, lines too long to
    /// be table lines.
    pub diagnostics: Vec<crate::error::Diagnostic>,
    /// The documents of the input whose tables were read, in order: the whole text, or the
    /// release exhibits of an EDGAR submission.
    pub parts: Vec<Part>,
}

/// A document of the input the reader read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Part {
    /// Its bytes in the source.
    pub span: Span,
    /// It is HTML (else plain text).
    pub html: bool,
}

/// The fields of an EDGAR submission header this tool uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EdgarHeader {
    /// `ACCESSION NUMBER`.
    pub accession: Option<String>,
    /// `CONFORMED SUBMISSION TYPE`, e.g. `8-K`.
    pub form_type: Option<String>,
    /// `CONFORMED PERIOD OF REPORT` (YYYYMMDD).
    pub period_of_report: Option<String>,
    /// `FILED AS OF DATE` (YYYYMMDD).
    pub filed: Option<String>,
    /// Every filer (co-registrants file one submission together).
    pub filers: Vec<Filer>,
    /// The filer the release is about: the one whose name matches the release's company.
    pub registrant: Option<Filer>,
}

/// One filer of a submission.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filer {
    /// `COMPANY CONFORMED NAME`.
    pub name: String,
    /// `CENTRAL INDEX KEY`, zero-padded to 10 digits.
    pub cik: String,
    /// `FISCAL YEAR END` (MMDD).
    pub fiscal_year_end: Option<String>,
}

/// A piece of source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The text (whitespace-normalised where it was joined from several lines).
    pub text: String,
    /// Where it came from (for joined text, from the first piece to the last).
    pub span: Span,
}

/// A table: title, column headings and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Title lines above the column headings ("Condensed Consolidated Balance Sheets").
    pub title: Vec<Text>,
    /// The scale line, when there is one ("(In thousands, except per share data)").
    pub scale: Option<Text>,
    /// One heading per column, left to right.
    pub columns: Vec<Column>,
    /// Data rows, top to bottom.
    pub rows: Vec<Row>,
    /// The rows whose numbers could not be read or placed (a malformed number, more numbers
    /// than columns), left out of `rows`: each is quarantined if the table is reported, and
    /// only a warning if it turns out to be a table that is skipped (operating statistics, a
    /// non-GAAP reconciliation).
    pub defects: Vec<Defect>,
    /// How far this table stands from the previous one: the lines of the page between the
    /// previous table's last row and this table's first (paragraphs and table rows in HTML,
    /// source lines in text); `usize::MAX` when they cannot be measured, `None` for the first
    /// table. A table close below another may continue it (and take its scale).
    pub gap: Option<usize>,
}

/// Why a row (or a whole table) could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defect {
    /// The kind of error it is under `--strict`, where any fault stops the release.
    pub kind: crate::error::ErrorKind,
    /// The offending cell.
    pub span: Span,
    /// What is wrong with it.
    pub message: String,
}

impl Defect {
    /// The fault as the error it is when it stops the release (`--strict`, or a release whose
    /// only tables cannot be read).
    pub fn error(&self, source: &crate::source::Source) -> crate::error::Error {
        crate::error::Error::at(self.kind, source, self.span, self.message.clone())
    }
}

/// The words printed over one column, top line first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Heading pieces, top to bottom ("Three Months Ended", "Sept. 30,", "2003").
    pub heading: Vec<Text>,
    /// Where a diagnostic about the column points, joined with its first heading piece: in
    /// HTML the lowest heading cell over it (its year, usually), in text the first header line
    /// that headed it.
    pub span: Span,
    /// Where the column stands, 0-based and half-open: display columns in text, grid columns
    /// (after empty ones are dropped) in HTML.
    pub extent: (usize, usize),
}

impl Column {
    /// The heading as one line of text.
    pub fn heading_text(&self) -> String {
        let parts: Vec<&str> = self.heading.iter().map(|t| t.text.as_str()).collect();
        parts.join(" ")
    }
}

/// A row of a table: its label, the headings it sits under and its cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The label, wrapped lines joined with a space.
    pub label: Text,
    /// Headings the row sits under, outermost first ("Assets", "Current assets").
    pub sections: Vec<Text>,
    /// The numeric cells, left to right.
    pub cells: Vec<Cell>,
    /// A rule line (dashes under the numbers) stands between this row and the rows above: the
    /// typographic mark of a total.
    pub ruled: bool,
}

/// A numeric cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The cell's bytes in the source (`$(3,195)`).
    pub span: Span,
    /// The column it sits in (index into [`Table::columns`]).
    pub column: usize,
    /// The number it shows.
    pub number: Shown,
}

/// A number as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The magnitude as printed, before any scale (`3195`, `0.04`, `16.0`).
    pub magnitude: Decimal,
    /// Shown negative: in parentheses or with a leading minus.
    pub negative: bool,
    /// Digits printed after the decimal point.
    pub fraction_digits: u32,
    /// Printed with a `$`.
    pub currency: bool,
    /// Printed with a `%`.
    pub percent: bool,
    /// Printed as a single dash (`-`), meaning zero.
    pub dash: bool,
    /// Printed as "n/a", "n/m", "nm", a double dash or an em dash (`--`, `—`): no amount.
    pub not_available: bool,
}

impl Shown {
    /// The signed number as printed.
    pub fn signed(&self) -> Decimal {
        if self.negative {
            -self.magnitude
        } else {
            self.magnitude
        }
    }
}
