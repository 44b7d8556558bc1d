//! The output formats of `xbrlify convert` (`--format`): what each writes and how its files
//! are named and recognised as complete.

use xbrlify::Conversion;
use xbrlify::source::Source;

/// What `convert` writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// An XBRL 2.1 instance document (`.xml`).
    #[default]
    Xbrl,
    /// The release itself as an Inline XBRL 1.1 document (`.html`), its numbers tagged.
    Ixbrl,
    /// xBRL-JSON (OIM 1.0, `.json`).
    Json,
}

impl Format {
    /// The extension of its files.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Xbrl => "xml",
            Format::Ixbrl => "html",
            Format::Json => "json",
        }
    }

    /// The last bytes of every complete output: the root element's end, or the JSON object's.
    pub(crate) fn ending(self) -> &'static [u8] {
        match self {
            Format::Xbrl => b"</xbrli:xbrl>\n",
            Format::Ixbrl => b"</html>\n",
            Format::Json => b"}\n",
        }
    }

    /// The output of a conversion of `source`.
    pub(crate) fn write(self, source: &Source, conv: &Conversion) -> Vec<u8> {
        match self {
            Format::Xbrl => xbrlify::xbrl::write(conv),
            Format::Ixbrl => xbrlify::xbrl::ixbrl::write(source, conv),
            Format::Json => xbrlify::xbrl::json::write(conv),
        }
    }
}
