//! Raw tables: what a layout found, before it is assembled into a [`Table`].
//!
//! A layout (the HTML grids of [`crate::read::html`], the text reader's lines) knows where
//! things stand: which columns hold numbers, which header cells stand over which of them,
//! where a label starts and whether it is bold or ruled. It hands that over as plain data,
//! already resolved to the table's number columns, and [`crate::read::assemble`] makes the
//! document's [`Table`] of it (headings over columns, sections, totals). Nothing here refers
//! to the source's layout (screen columns, markup); where the readers' rules differ, a
//! [`Style`] says which apply.
//!
//! [`Table`]: crate::document::Table

use std::ops::Range;

use crate::document::{Cell, Defect, Text};
use crate::source::Span;

/// The most columns a table may have: a wider one is no financial statement.
pub(crate) const MAX_COLUMNS: usize = 64;

/// A table as a layout found it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct RawTable {
    /// Title lines, top to bottom.
    pub title: Vec<Text>,
    /// The scale line, when there is one.
    pub scale: Option<Text>,
    /// The table's number columns, left to right: every cell and header cell refers to them
    /// by index.
    pub columns: Vec<GridColumn>,
    /// The rows of column headings, top to bottom.
    pub header: Vec<HeaderRow>,
    /// The rows below the header, top to bottom.
    pub rows: Vec<RawRow>,
    /// Lines of the page between the previous table and this one, when the layout measures it
    /// (see [`crate::document::Table::gap`]).
    pub gap: Option<usize>,
    /// How its rows are assembled.
    pub style: Style,
    /// Nothing heads the table (no heading over any column, no title): its rows go on from
    /// the previous table, when they fit its columns.
    pub continues: bool,
}

/// The conventions of a layout that assembly keeps: where the readers' rules differ, the
/// layout says which apply to its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Label indents are points (else display columns, one section depth each; a point is
    /// four).
    pub points: bool,
    /// Headings arrive as the rows they were set in: a heading going on in a lower-case row
    /// below is joined with it, and one over rows indented deeper opens a section without a
    /// colon. Else the layout has joined wrapped headings, and only a colon opens a section.
    pub heading_rows: bool,
    /// A row with no number right of the labels is left out (else it is a row with no cells).
    pub drop_empty: bool,
    /// A label opening with "- " goes on from the label of the row above ("Net Income -
    /// Excluding One-Time Items" then "- As Reported").
    pub dashed: bool,
}

/// One number column of a table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct GridColumn {
    /// Where it stands in the layout, 0-based and half-open (see
    /// [`crate::document::Column::extent`]).
    pub extent: (usize, usize),
    /// The span it goes by (see [`crate::document::Column::span`]): the layout's choice, a
    /// heading piece's or, under no heading, a number's.
    pub span: Span,
}

/// A row of column headings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct HeaderRow {
    /// Its cells, left to right.
    pub cells: Vec<HeaderCell>,
}

/// Words printed over one or more columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct HeaderCell {
    /// The cell's lines, top to bottom: each is a heading piece of every column it spans.
    pub lines: Vec<Text>,
    /// The columns it stands over (indices into [`RawTable::columns`]).
    pub columns: Range<usize>,
}

/// A row below the header.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawRow {
    /// Its label, when it has one.
    pub label: Option<Label>,
    /// What it holds.
    pub kind: RowKind,
    /// A rule stands between it and the row above (over its numbers, or under the row above).
    pub rule_above: bool,
}

/// A row's label cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Label {
    /// The words.
    pub text: Text,
    /// How far it stands in from the table's left edge, in points.
    pub indent: f32,
    /// Printed bold throughout.
    pub bold: bool,
}

/// What a row holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RowKind {
    /// Words only: a heading, or part of one. `dated` when it holds years or dates (which go
    /// on no wrapped heading above them).
    Heading {
        /// It holds years or dates.
        dated: bool,
    },
    /// The rest of the label of the row above, wrapped below it.
    Rest,
    /// A row of numbers.
    Data {
        /// Its numeric cells, placed in columns, left to right; or why they cannot be read.
        cells: Result<Vec<Cell>, Defect>,
        /// Its first number: where an unlabelled row's empty label stands.
        first: Span,
    },
}
