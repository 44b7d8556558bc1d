//! The output formats of `xbrlify convert` (`--format`): what each writes and how its files
//! are named and recognised as complete.

use xbrlify::Conversion;
use xbrlify::error::{Diagnostic, Error};
use xbrlify::source::Source;
use xbrlify::xbrl::package;

use super::Tables;

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
    /// An XBRL report package (`.xbr`; an output named `.zip` is an unconstrained one): the
    /// instance with the filer's extension taxonomy (schema, presentation, calculation, label
    /// and definition linkbases), every line of the statements a fact.
    Package,
}

impl Format {
    /// The extension of its files.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Xbrl => "xml",
            Format::Ixbrl => "html",
            Format::Json => "json",
            Format::Package => "xbr",
        }
    }

    /// Whether a file's last bytes end a complete output: the root element's end, the JSON
    /// object's, or a zip's end of central directory (22 bytes, no comment).
    pub(crate) fn ends(self, tail: &[u8]) -> bool {
        match self {
            Format::Xbrl => tail.ends_with(b"</xbrli:xbrl>\n"),
            Format::Ixbrl => tail.ends_with(b"</html>\n"),
            Format::Json => tail.ends_with(b"}\n"),
            Format::Package => {
                tail.len() >= 22 && tail[tail.len() - 22..].starts_with(b"PK\x05\x06")
            }
        }
    }

    /// How many last bytes [`Format::ends`] reads.
    pub(crate) const TAIL: usize = 22;

    /// The output of a conversion of `source`, to be written at `output` (a package's name
    /// and kind come from it; standard output: the release's name).
    pub(crate) fn write(
        self,
        source: &Source,
        conv: &Conversion,
        tables: &Tables,
        output: Option<&std::path::Path>,
    ) -> Result<Vec<u8>, Error> {
        Ok(match self {
            Format::Xbrl => xbrlify::xbrl::write(conv),
            Format::Ixbrl => xbrlify::xbrl::ixbrl::write(source, conv),
            Format::Json => xbrlify::xbrl::json::write(conv),
            Format::Package => {
                let options = match output {
                    Some(path) => package::Options::for_file(&path.display().to_string()),
                    None => package::Options {
                        kind: package::Kind::Xbr,
                        ..package::Options::for_file(source.name())
                    },
                };
                package::write(conv, &tables.mapping, &options)?
            }
        })
    }

    /// The diagnostics of a conversion written in this format: a package reports the rows no
    /// mapping entry matches through extension concepts, so their `unmapped-row` warnings
    /// are not its.
    pub(crate) fn diagnostics<'c>(
        self,
        source: &Source,
        conv: &'c Conversion,
    ) -> Vec<&'c Diagnostic> {
        match self {
            Format::Package => conv.package_diagnostics(source),
            _ => conv.diagnostics.iter().collect(),
        }
    }
}
