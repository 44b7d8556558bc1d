#!/usr/bin/env python3
"""Builds the offline taxonomy package Arelle validates xbrlify's output against.

    package.py OUT.zip

xbrlify's instances and report packages reference the official 2024 entry points
(https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd, .../srt/2024/elts/srt-2024.xsd,
https://xbrl.sec.gov/dei/2024/dei-2024.xsd). This package's META-INF/catalog.xml rewrites
those addresses to subset schemas declaring exactly the concepts of taxonomy/concepts.tsv,
with their real types, period types and balances, so Arelle checks them against what the
taxonomy says, fully offline.

It holds no linkbase: the calculation relationships Arelle re-checks are the report
package's own (src/xbrl/package/calculation.rs), which xbrlify writes from the footing it
verified.

Entries are sorted and dated 1980-01-01: the zip is the same bytes every time.
"""
import csv
import pathlib
import sys
import zipfile
from xml.sax.saxutils import quoteattr

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOP = "xbrlify-subset-2024"

TAXONOMIES = {
    # prefix: (namespace, official base address, schema path under it, package folder)
    "us-gaap": ("http://fasb.org/us-gaap/2024", "https://xbrl.fasb.org/us-gaap/2024/", "elts/us-gaap-2024.xsd", "us-gaap"),
    "srt": ("http://fasb.org/srt/2024", "https://xbrl.fasb.org/srt/2024/", "elts/srt-2024.xsd", "srt"),
    "dei": ("http://xbrl.sec.gov/dei/2024", "https://xbrl.sec.gov/dei/2024/", "dei-2024.xsd", "dei"),
}

# dei's own item types, declared here as restrictions of the base types they refine in
# dei-2024.xsd (enumerations and patterns reduced to what the stub needs).
DEI_TYPES = {
    "submissionTypeItemType": "xbrli:normalizedStringItemType",
    "centralIndexKeyItemType": "xbrli:tokenItemType",
    "fiscalPeriodItemType": "xbrli:tokenItemType",
    "tradingSymbolItemType": "xbrli:normalizedStringItemType",
}
FISCAL_PERIODS = ["FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "M9", "T1", "T2", "T3", "M8", "CY"]


def read_concepts():
    with open(ROOT / "taxonomy/concepts.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def element(row):
    prefix, name = row["qname"].split(":", 1)
    attrs = [
        ("id", f"{prefix}_{name}"),
        ("name", name),
        ("type", row["type"]),
        ("substitutionGroup", row["substitutionGroup"]),
        ("xbrli:periodType", row["periodType"]),
    ]
    if row["balance"]:
        attrs.append(("xbrli:balance", row["balance"]))
    if row["abstract"] == "true":
        attrs.append(("abstract", "true"))
    attrs.append(("nillable", "true"))
    return "  <xs:element " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + "/>\n"


def schema(prefix, rows):
    namespace = TAXONOMIES[prefix][0]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    out.append(f"<!-- Subset of the {prefix} 2024 schema: the concepts xbrlify writes. -->\n")
    out.append(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xbrli="http://www.xbrl.org/2003/instance"'
        ' xmlns:link="http://www.xbrl.org/2003/linkbase"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' xmlns:xbrldt="http://xbrl.org/2005/xbrldt"'
        ' xmlns:dtr-types="http://www.xbrl.org/dtr/type/2022-03-31"'
        f' xmlns:{prefix}="{namespace}"'
        f' targetNamespace="{namespace}"'
        ' elementFormDefault="qualified" attributeFormDefault="unqualified">\n'
    )
    out.append('  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n')
    out.append('  <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>\n')
    out.append('  <xs:import namespace="http://www.xbrl.org/dtr/type/2022-03-31" schemaLocation="https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"/>\n')
    if prefix == "dei":
        for name, base in DEI_TYPES.items():
            out.append(f'  <xs:complexType name="{name}"><xs:simpleContent><xs:restriction base="{base}">')
            if name == "centralIndexKeyItemType":
                out.append('<xs:pattern value="[0-9]{10}"/>')
            if name == "fiscalPeriodItemType":
                out.append("".join(f'<xs:enumeration value="{p}"/>' for p in FISCAL_PERIODS))
            out.append("</xs:restriction></xs:simpleContent></xs:complexType>\n")
    for row in rows:
        out.append(element(row))
    out.append("</xs:schema>\n")
    return "".join(out)


def package_meta():
    catalog = ['<?xml version="1.0" encoding="UTF-8"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n']
    for prefix, (_, base, _, folder) in TAXONOMIES.items():
        catalog.append(f'  <rewriteURI uriStartString="{base}" rewritePrefix="../{folder}/"/>\n')
    catalog.append("</catalog>\n")
    entries = "".join(
        f'    <tp:entryPoint><tp:name>{p} 2024 subset</tp:name><tp:entryPointDocument href="{base}{path}"/></tp:entryPoint>\n'
        for p, (_, base, path, _) in TAXONOMIES.items()
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">\n'
        "  <tp:identifier>https://xbrlify.invalid/taxonomy/subset-2024</tp:identifier>\n"
        "  <tp:name>xbrlify us-gaap, srt and dei 2024 subset</tp:name>\n"
        "  <tp:description>The 2024 concepts xbrlify writes, with their declared attributes, for offline validation.</tp:description>\n"
        "  <tp:version>2024</tp:version>\n"
        "  <tp:publisher>xbrlify</tp:publisher>\n"
        "  <tp:publisherURL>https://xbrlify.invalid/</tp:publisherURL>\n"
        "  <tp:publicationDate>2024-01-01</tp:publicationDate>\n"
        f"  <tp:entryPoints>\n{entries}  </tp:entryPoints>\n"
        "</tp:taxonomyPackage>\n"
    )
    return "".join(catalog), meta


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: package.py OUT.zip")
    rows = read_concepts()
    catalog, meta = package_meta()
    files = {
        "META-INF/catalog.xml": catalog,
        "META-INF/taxonomyPackage.xml": meta,
    }
    for prefix, (_, _, path, folder) in TAXONOMIES.items():
        mine = sorted((r for r in rows if r["qname"].startswith(prefix + ":")), key=lambda r: r["qname"])
        files[f"{folder}/{path}"] = schema(prefix, mine)
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))


if __name__ == "__main__":
    main()
