//! What the caller chooses for a conversion ([`Options`]): plain data every stage may read.

/// Choices the caller makes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The registrant's SEC Central Index Key, when known (1 to 10 digits).
    pub cik: Option<String>,
    /// All or nothing: the first fault of a table, column, row or fact stops the release
    /// instead of quarantining that unit.
    pub strict: bool,
    /// The prefix of the filer's extension concepts (default: the ticker in lower case, else
    /// `cik` and the CIK's digits, else `ext`). Used only by the report package.
    pub extension_prefix: Option<String>,
    /// The namespace of the filer's extension schema (default:
    /// `http://xbrlify.invalid/PREFIX/YYYYMMDD`, the date the period's end).
    pub extension_namespace: Option<String>,
    /// Leave out the extension stage: [`crate::Conversion::extensions`] keeps its filer but no
    /// concept, heading, statement or fact. For a caller that writes no report package and
    /// lists no extension concepts, which would discard that work.
    pub without_extensions: bool,
}
