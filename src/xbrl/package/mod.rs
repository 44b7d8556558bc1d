//! The report package: the instance with the filer's extension taxonomy beside it, as one
//! zip (XBRL International's Report Packages 1.0).
//!
//! ```text
//! NAME/META-INF/reportPackage.json   {"documentInfo": {"documentType": ".../xbr"}}
//! NAME/reports/NAME.xbrl             the instance: the standard facts and the extension facts
//! NAME/reports/NAME.xsd              the extension schema: concepts, abstracts, roles
//! NAME/reports/NAME_pre.xml          presentation: one role per statement, rows in order
//! NAME/reports/NAME_cal.xml          calculation: the footing relationships verified
//! NAME/reports/NAME_lab.xml          labels: the release's own words
//! NAME/reports/NAME_def.xml          definition: hypercube, axes, members (when dimensional)
//! ```
//!
//! A package whose file ends in `.xbr` is a non-inline XBRL report package; one ending in
//! `.zip`, an unconstrained one (the same files, the document type saying so). The extension
//! schema imports us-gaap, srt and dei 2024 by their official addresses. Every part is a pure
//! function of the conversion ([`schema`], [`linkbase`], [`calculation`]), and the zip has
//! fixed timestamps and its entries in a fixed order ([`archive`]): same release, same bytes.

pub mod archive;
pub mod calculation;
pub mod linkbase;
pub mod schema;

use crate::conversion::Conversion;
use crate::error::{Error, ErrorKind};
use crate::facts::Fact;
use crate::map::Mapping;

/// Which kind of report package to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// A non-inline XBRL report package (`.xbr`).
    #[default]
    Xbr,
    /// An unconstrained report package (`.zip`).
    Zip,
}

impl Kind {
    /// The kind a file name calls for: `.zip` unconstrained, anything else `.xbr`.
    pub fn of_file(name: &str) -> Kind {
        if name.to_ascii_lowercase().ends_with(".zip") {
            Kind::Zip
        } else {
            Kind::Xbr
        }
    }

    /// The `documentType` of `META-INF/reportPackage.json`.
    pub fn document_type(self) -> &'static str {
        match self {
            Kind::Xbr => "https://xbrl.org/report-package/2023/xbr",
            Kind::Zip => "https://xbrl.org/report-package/2023",
        }
    }
}

/// The package's name (its top-level directory and the stem of its files) and kind.
#[derive(Clone, Debug)]
pub struct Options {
    /// The stem: letters, digits, `-`, `_` and `.` are kept, anything else becomes `-`.
    pub name: String,
    /// `.xbr` or `.zip`.
    pub kind: Kind,
}

impl Options {
    /// The options a package file's name calls for (`out/acme-2003-q3.xbr`).
    pub fn for_file(path: &str) -> Options {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let stem = match file.rfind('.') {
            Some(dot) if dot > 0 => &file[..dot],
            _ => file,
        };
        Options {
            name: stem.to_string(),
            kind: Kind::of_file(file),
        }
    }
}

/// The facts of the package's instance: the instance's own, then the extension facts.
pub fn facts(conv: &Conversion) -> Vec<&Fact> {
    let mut all = super::all_facts(conv);
    all.extend(conv.extensions.facts.facts.iter());
    all
}

/// The files of the package, by path inside it (below the top-level directory), sorted.
pub fn files(
    conv: &Conversion,
    mapping: &Mapping,
    stem: &str,
    kind: Kind,
) -> Vec<(String, Vec<u8>)> {
    let filer = &conv.extensions.filer;
    let xsd = format!("{stem}.xsd");
    let facts = facts(conv);
    let instance = super::instance_of(
        &conv.entity,
        &facts,
        Some((&xsd, &filer.prefix, &filer.namespace)),
    );
    let calc = calculation::relationships(conv, mapping);
    let dims = linkbase::dimensions(conv);
    let mut names = schema::Linkbases {
        presentation: format!("{stem}_pre.xml"),
        calculation: format!("{stem}_cal.xml"),
        label: format!("{stem}_lab.xml"),
        definition: (!dims.is_empty()).then(|| format!("{stem}_def.xml")),
    };
    let presentation = linkbase::presentation(conv, &xsd);
    let roles = schema::Roles {
        statements: presentation.roles.clone(),
        calculations: calc.iter().map(|r| r.role.clone()).collect(),
        dimensions: !dims.is_empty(),
        domains: dims
            .axes
            .keys()
            .filter_map(|axis| {
                let domain = linkbase::domain(axis, &filer.prefix);
                domain
                    .strip_prefix(&format!("{}:", filer.prefix))
                    .map(str::to_string)
            })
            .collect(),
    };
    let mut files = vec![
        (
            "META-INF/reportPackage.json".to_string(),
            format!(
                "{{\n  \"documentInfo\": {{\n    \"documentType\": \"{}\"\n  }}\n}}\n",
                kind.document_type()
            )
            .into_bytes(),
        ),
        (format!("reports/{stem}.xbrl"), instance),
        (xsd.clone(), schema::write(conv, &names, &roles)),
        (
            names.presentation.clone(),
            presentation.bytes(&filer.namespace),
        ),
        (
            names.calculation.clone(),
            calculation::write(&calc, &xsd, &filer.namespace),
        ),
        (
            names.label.clone(),
            linkbase::labels(conv, &xsd, &presentation, &dims),
        ),
    ];
    if let Some(def) = names.definition.take() {
        files.push((
            def,
            linkbase::definition(&dims, &xsd, &filer.namespace, &filer.prefix),
        ));
    }
    // The report and its taxonomy sit in `reports/`, the schema and linkbases beside the
    // instance (their references to each other are relative).
    for (path, _) in &mut files {
        if !path.contains('/') {
            *path = format!("reports/{path}");
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Writes the report package of a conversion: the zip's bytes.
///
/// The name must leave a stem once cleaned (letters, digits, `-`, `_`, `.`); an empty one is
/// an error.
pub fn write(conv: &Conversion, mapping: &Mapping, options: &Options) -> Result<Vec<u8>, Error> {
    let stem = stem(&options.name);
    if stem.is_empty() {
        return Err(Error::new(
            ErrorKind::Io,
            format!(
                "a report package needs a name to name its folder and files: {:?} has none",
                options.name
            ),
        ));
    }
    archive::zip(&stem, &files(conv, mapping, &stem, options.kind))
}

/// A name as a package's folder and files take it: letters, digits, `-`, `_` and `.` kept,
/// anything else `-`, no dot at either end.
pub fn stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem.trim_matches('.').to_string()
}

/// Escapes text for XML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    quick_xml::escape::escape(super::xml_text(text).as_ref()).into_owned()
}

/// The locator target of a concept: its schema's address and its id.
pub(crate) fn href(qname: &str, xsd: &str) -> String {
    let (prefix, name) = qname.split_once(':').unwrap_or(("", qname));
    match crate::taxonomy::namespace(prefix) {
        Some(ns) => format!("{}#{prefix}_{name}", ns.schema),
        None => format!("{xsd}#{prefix}_{name}"),
    }
}
