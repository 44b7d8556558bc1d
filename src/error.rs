//! Errors and diagnostics, and how they are shown.
//!
//! An [`Error`] stops the conversion; a [`Diagnostic`] is a finding (a total that does not
//! foot, a row with no mapping) that the conversion reports and goes on. Both carry where they
//! point as a resolved [`Location`] (file, line, column and the line's text), so they can be
//! shown without the source at hand:
//!
//! ```text
//! release.txt:217:31: Total Revenues does not foot: ...
//!   217 |   Total Revenues              16,019     24,502     56,740     76,977
//!       |                               ^^^^^^
//! ```

use std::fmt;

use crate::source::{LineCol, Source, Span};

/// The longest source line a message shows.
pub const MAX_SHOWN_LINE: usize = 1024;

/// Where a message points: file, line, column, and enough of the line to draw a caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file as named by the user.
    pub file: String,
    /// Line and column of the first byte.
    pub at: LineCol,
    /// The whole source line.
    pub line_text: String,
    /// How many characters the caret underlines.
    pub width: usize,
}

impl Location {
    /// Resolves a span of `source`. A line longer than [`MAX_SHOWN_LINE`] bytes is not kept
    /// (nor shown): the position alone says where.
    pub fn of(source: &Source, span: Span) -> Location {
        let at = source.line_col(span.start);
        let line = source.line_text(at.line);
        if line.len() > MAX_SHOWN_LINE {
            return Location::bare(source.name(), at.line, at.col);
        }
        let line_text = line.to_string();
        let end = source.line_col(span.end.max(span.start));
        let width = if end.line == at.line {
            end.col.saturating_sub(at.col).max(1)
        } else {
            line_text.chars().count().saturating_sub(at.col - 1).max(1)
        };
        Location {
            file: source.name().to_string(),
            at,
            line_text,
            width,
        }
    }

    /// A location in a file whose text is not at hand (line and column only).
    pub fn bare(file: impl Into<String>, line: usize, col: usize) -> Location {
        Location {
            file: file.into(),
            at: LineCol { line, col },
            line_text: String::new(),
            width: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.at)
    }
}

/// What went wrong, broadly; the message says exactly what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not a text release (empty, binary, undecodable).
    Input,
    /// No table, or a table whose shape cannot be read.
    Table,
    /// A cell that looks numeric but is not a well-formed number.
    Number,
    /// A column header that gives no usable period.
    Period,
    /// The mapping file is malformed or names something the concept table lacks.
    Mapping,
    /// The same fact reported twice with values that disagree.
    Duplicate,
    /// The release gives no fact at all: every table was skipped, undated or quarantined.
    Empty,
    /// Reading or writing a file failed.
    Io,
    /// The command line asks for something impossible.
    Usage,
}

/// A message that points somewhere else too (the other cell of a duplicate, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What the note says.
    pub message: String,
    /// Where it points.
    pub location: Option<Location>,
}

/// An error that stops the conversion.
#[derive(Clone, Debug)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
    notes: Vec<Note>,
}

impl Error {
    /// An error of `kind` with no position.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            location: None,
            notes: Vec::new(),
        }))
    }

    /// An error pointing at a span of the source.
    pub fn at(kind: ErrorKind, source: &Source, span: Span, message: impl Into<String>) -> Error {
        Error::new(kind, message).with_location(Location::of(source, span))
    }

    /// Sets where the error points.
    pub fn with_location(mut self, location: Location) -> Error {
        self.0.location = Some(location);
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, message: impl Into<String>, location: Option<Location>) -> Error {
        self.0.notes.push(Note {
            message: message.into(),
            location,
        });
        self
    }

    /// The broad kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without position.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where it points, when it points somewhere.
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The notes.
    pub fn notes(&self) -> &[Note] {
        &self.0.notes
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render(
            f,
            None,
            &self.0.message,
            self.0.location.as_ref(),
            &self.0.notes,
        )
    }
}

impl std::error::Error for Error {}

/// What a [`Diagnostic`] is about. Each has a short stable name ([`DiagnosticCode::as_str`]),
/// shown as `warning[name]` and in the batch report's `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiagnosticCode {
    /// `footing`: a total its items do not sum to.
    Footing,
    /// `unmapped-row`: a row with numbers that no mapping entry matched.
    UnmappedRow,
    /// `unreadable-row`: a row that could not be read, in a table that is not reported.
    UnreadableRow,
    /// `not-utf8`: the input is read as Windows-1252 from this point.
    NotUtf8,
    /// `long-line`: a line too long to be a table line, read as prose.
    LongLine,
    /// `entity-fallback`: no CIK, so the entity is identified by its ticker or name.
    EntityFallback,
    /// `xml-forbidden`: a value holding a character XML does not allow, left out.
    XmlForbidden,
    /// `quarantined-table`, `quarantined-column`, ...: a unit left out for a fault of its own.
    Quarantined(Unit),
}

impl DiagnosticCode {
    /// The code's stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::Footing => "footing",
            DiagnosticCode::UnmappedRow => "unmapped-row",
            DiagnosticCode::UnreadableRow => "unreadable-row",
            DiagnosticCode::NotUtf8 => "not-utf8",
            DiagnosticCode::LongLine => "long-line",
            DiagnosticCode::EntityFallback => "entity-fallback",
            DiagnosticCode::XmlForbidden => "xml-forbidden",
            DiagnosticCode::Quarantined(unit) => unit.code(),
        }
    }

    /// Whether the diagnostic is a quarantine: a unit of the release left out.
    pub const fn is_quarantine(self) -> bool {
        matches!(self, DiagnosticCode::Quarantined(_))
    }
}

/// The part of a release a fault takes out of the conversion: the smallest doubtful unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A whole table whose shape cannot be read (more columns than a financial table has).
    Table,
    /// A column whose heading gives no usable period: its cells are not reported.
    Column,
    /// A row whose numbers cannot be read or placed: its cells are not reported.
    Row,
    /// One fact reported with values that disagree, which no evidence decides: none of its
    /// reports is written.
    Fact,
    /// One report of a fact that the release's other evidence contradicts (its totals foot,
    /// or more reports agree, with another value): that cell is left out.
    Cell,
}

impl Unit {
    /// The name of the diagnostic code of a quarantine of this unit.
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Table => "quarantined-table",
            Unit::Column => "quarantined-column",
            Unit::Row => "quarantined-row",
            Unit::Fact => "quarantined-fact",
            Unit::Cell => "quarantined-cell",
        }
    }

    fn left_out(self) -> &'static str {
        match self {
            Unit::Table => "the table is left out",
            Unit::Column => "the column is left out",
            Unit::Row => "the row is left out",
            Unit::Fact => "neither value is written",
            Unit::Cell => "the evidence is against this report, which is left out",
        }
    }
}

/// A fault in one part of a release: that part is left out and the rest converts. Under
/// `--strict` the first one stops the release as its [`Error`].
#[derive(Clone, Debug)]
pub struct Quarantine {
    /// What is left out.
    pub unit: Unit,
    /// The fault, as the error it is under `--strict`.
    pub error: Error,
    /// What the release's other evidence said, when it was asked (a conflict between reports).
    pub evidence: Option<String>,
}

impl Quarantine {
    /// The quarantine as a diagnostic: the error's message, position and notes, and what was
    /// left out.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic {
            code: DiagnosticCode::Quarantined(self.unit),
            message: format!("{}: {}", self.error.message(), self.unit.left_out()),
            location: self.error.location().cloned(),
            notes: self
                .error
                .notes()
                .iter()
                .cloned()
                .chain(self.evidence.iter().map(|e| Note {
                    message: e.clone(),
                    location: None,
                }))
                .collect(),
        }
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A code equals its name: `d.code == "footing"`.
impl PartialEq<&str> for DiagnosticCode {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

/// A finding reported alongside the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What it is about.
    pub code: DiagnosticCode,
    /// What was found.
    pub message: String,
    /// Where.
    pub location: Option<Location>,
    /// Further places.
    pub notes: Vec<Note>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = format!("warning[{}]", self.code);
        render(
            f,
            Some(&label),
            &self.message,
            self.location.as_ref(),
            &self.notes,
        )
    }
}

fn render(
    f: &mut fmt::Formatter<'_>,
    label: Option<&str>,
    message: &str,
    location: Option<&Location>,
    notes: &[Note],
) -> fmt::Result {
    if let Some(loc) = location {
        write!(f, "{loc}: ")?;
    }
    if let Some(label) = label {
        write!(f, "{label}: ")?;
    }
    write!(f, "{message}")?;
    if let Some(loc) = location {
        snippet(f, loc)?;
    }
    for note in notes {
        write!(f, "\nnote: ")?;
        if let Some(loc) = &note.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "{}", note.message)?;
        if let Some(loc) = &note.location {
            snippet(f, loc)?;
        }
    }
    Ok(())
}

fn snippet(f: &mut fmt::Formatter<'_>, loc: &Location) -> fmt::Result {
    if loc.line_text.is_empty() && loc.width == 0 {
        return Ok(());
    }
    let number = loc.at.line.to_string();
    let pad = " ".repeat(number.len());
    let shown: String = loc
        .line_text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    write!(f, "\n {number} | {shown}")?;
    write!(
        f,
        "\n {pad} | {}{}",
        " ".repeat(loc.at.col - 1),
        "^".repeat(loc.width.max(1))
    )
}
