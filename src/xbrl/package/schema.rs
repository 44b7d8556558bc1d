//! The extension schema: the filer's namespace, its linkbases, the roles of its statements and
//! calculations, the imports of the standard 2024 taxonomies by their official addresses, and
//! one element per extension concept, heading and statement.

use std::fmt::Write;

use super::esc;
use crate::conversion::Conversion;
use crate::taxonomy::{Balance, NAMESPACES, PeriodType, ValueKind};

/// The file names of the linkbases the schema references.
pub struct Linkbases {
    /// Presentation.
    pub presentation: String,
    /// Calculation.
    pub calculation: String,
    /// Labels.
    pub label: String,
    /// Definition, when some fact is dimensional.
    pub definition: Option<String>,
}

/// The extended link roles the schema declares.
pub struct Roles {
    /// Each statement's role: `(id, definition)`.
    pub statements: Vec<(String, String)>,
    /// Each calculation relationship's role: `(id, definition)`.
    pub calculations: Vec<(String, String)>,
    /// Whether the definition linkbase's role is declared.
    pub dimensions: bool,
    /// The local names of the domains the filer declares (for axes with no standard domain
    /// known).
    pub domains: Vec<String>,
}

/// The local name of the filer's hypercube.
pub const TABLE: &str = "ReportTable";
/// The local name of the filer's line items, the primary items of the hypercube.
pub const LINE_ITEMS: &str = "ReportLineItems";

/// The address of XBRL's Data Type Registry types (per-share amounts).
pub const DTR_TYPES: &str = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd";
/// The namespace of those types.
pub const DTR_TYPES_NS: &str = "http://www.xbrl.org/dtr/type/2022-03-31";
/// The id of the definition linkbase's role.
pub const DIMENSIONS_ROLE: &str = "Dimensions";

/// The role URI of a role id.
pub fn role_uri(namespace: &str, id: &str) -> String {
    format!("{}/role/{id}", namespace.trim_end_matches('/'))
}

/// Writes the extension schema.
pub fn write(conv: &Conversion, linkbases: &Linkbases, roles: &Roles) -> Vec<u8> {
    let ext = &conv.extensions;
    let (prefix, ns) = (&ext.filer.prefix, &ext.filer.namespace);
    let mut out = String::with_capacity(4096 + 300 * ext.concepts.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" \
         xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" \
         xmlns:link=\"http://www.xbrl.org/2003/linkbase\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         xmlns:xbrldt=\"http://xbrl.org/2005/xbrldt\" \
         xmlns:dtr-types=\"{DTR_TYPES_NS}\" \
         xmlns:{prefix}=\"{ns}\" targetNamespace=\"{ns}\" \
         elementFormDefault=\"qualified\" attributeFormDefault=\"unqualified\">",
        ns = esc(ns)
    );
    out.push_str("  <xs:annotation>\n    <xs:appinfo>\n");
    let mut refs = vec![
        ("presentation", &linkbases.presentation),
        ("calculation", &linkbases.calculation),
        ("label", &linkbases.label),
    ];
    if let Some(def) = &linkbases.definition {
        refs.push(("definition", def));
    }
    for (kind, file) in refs {
        let _ = writeln!(
            out,
            "      <link:linkbaseRef xlink:type=\"simple\" xlink:href=\"{}\" \
             xlink:role=\"http://www.xbrl.org/2003/role/{kind}LinkbaseRef\" \
             xlink:arcrole=\"http://www.w3.org/1999/xlink/properties/linkbase\"/>",
            esc(file)
        );
    }
    let role = |out: &mut String, id: &str, definition: &str, used: &str| {
        let _ = writeln!(
            out,
            "      <link:roleType roleURI=\"{}\" id=\"{id}\">\n        \
             <link:definition>{}</link:definition>\n        \
             <link:usedOn>{used}</link:usedOn>\n      </link:roleType>",
            esc(&role_uri(ns, id)),
            esc(definition)
        );
    };
    for (id, definition) in &roles.statements {
        role(&mut out, id, definition, "link:presentationLink");
    }
    for (id, definition) in &roles.calculations {
        role(&mut out, id, definition, "link:calculationLink");
    }
    if roles.dimensions {
        role(
            &mut out,
            DIMENSIONS_ROLE,
            "Dimensions of the reported facts",
            "link:definitionLink",
        );
    }
    out.push_str("    </xs:appinfo>\n  </xs:annotation>\n");
    let import = |out: &mut String, namespace: &str, location: &str| {
        let _ = writeln!(
            out,
            "  <xs:import namespace=\"{namespace}\" schemaLocation=\"{location}\"/>"
        );
    };
    import(
        &mut out,
        "http://www.xbrl.org/2003/instance",
        "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    );
    import(
        &mut out,
        "http://xbrl.org/2005/xbrldt",
        "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    );
    import(&mut out, DTR_TYPES_NS, DTR_TYPES);
    for n in NAMESPACES {
        import(&mut out, n.uri, n.schema);
    }
    let element = |out: &mut String, name: &str, attrs: &str| {
        let _ = writeln!(
            out,
            "  <xs:element id=\"{prefix}_{name}\" name=\"{name}\" {attrs} nillable=\"true\"/>"
        );
    };
    for c in &ext.concepts {
        let period = match c.period_type {
            PeriodType::Instant => "instant",
            PeriodType::Duration => "duration",
        };
        let balance = match (c.kind, c.balance) {
            (ValueKind::Monetary, Some(Balance::Debit)) => " xbrli:balance=\"debit\"",
            (ValueKind::Monetary, Some(Balance::Credit)) => " xbrli:balance=\"credit\"",
            _ => "",
        };
        element(
            &mut out,
            &c.name,
            &format!(
                "type=\"{}\" substitutionGroup=\"xbrli:item\" xbrli:periodType=\"{period}\"{balance}",
                c.type_name()
            ),
        );
    }
    let mut abstracts: Vec<&str> = ext
        .statements
        .iter()
        .map(|s| s.heading.name.as_str())
        .chain(ext.headings.values().map(|h| h.name.as_str()))
        .collect();
    abstracts.sort_unstable();
    abstracts.dedup();
    for name in abstracts {
        element(
            &mut out,
            name,
            "type=\"xbrli:stringItemType\" substitutionGroup=\"xbrli:item\" \
             xbrli:periodType=\"duration\" abstract=\"true\"",
        );
    }
    if roles.dimensions {
        for (name, group) in [(TABLE, "xbrldt:hypercubeItem"), (LINE_ITEMS, "xbrli:item")] {
            element(
                &mut out,
                name,
                &format!(
                    "type=\"xbrli:stringItemType\" substitutionGroup=\"{group}\" \
                     xbrli:periodType=\"duration\" abstract=\"true\""
                ),
            );
        }
    }
    for name in &roles.domains {
        element(
            &mut out,
            name,
            "type=\"dtr-types:domainItemType\" substitutionGroup=\"xbrli:item\" \
             xbrli:periodType=\"duration\" abstract=\"true\"",
        );
    }
    out.push_str("</xs:schema>\n");
    out.into_bytes()
}
