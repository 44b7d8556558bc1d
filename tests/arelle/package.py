#!/usr/bin/env python3
"""Builds the offline taxonomy package Arelle validates xbrlify's instances against.

    package.py OUT.zip

The instances reference the official 2024 entry points
(https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd, .../srt/2024/elts/srt-2024.xsd,
https://xbrl.sec.gov/dei/2024/dei-2024.xsd). This package's META-INF/catalog.xml rewrites
those addresses to subset schemas declaring exactly the concepts of taxonomy/concepts.tsv,
with their real types, period types and balances, so Arelle checks the instances against
what the taxonomy says, fully offline.

With only OUT.zip, that is all it holds: what a report package of xbrlify's (which carries
its own calculation linkbase) is validated against.

    package.py OUT.zip INSTANCE.xml FACTS

The us-gaap subset also links a calculation linkbase of the mapping's [[total]] footing
relationships, so that Arelle's Calculations 1.1 check re-verifies, independently, every
total xbrlify says foots. FACTS is the instance's `xbrlify inspect` account, whose
`footing N` lines give xbrlify's verdict on relationship N (the N-th [[total]]) at each total.
Calculations 1.1 binds a relationship wherever the total and any one item are reported;
xbrlify checks it only where every required item is reported, no `unless` concept is, and
the rows above the total are all its items. So the linkbase holds each relationship that
xbrlify found to foot in every context where Calculations 1.1 binds it (and that binds
somewhere): a total xbrlify did not check, or found not to foot, keeps its relationship out.
Relationships with dimensional items are left out: Calculations 1.1 sums facts of one context
only. Each relationship gets an extended link role of its own, so alternative relationships
for one total are never summed together.

Entries are sorted and dated 1980-01-01: the zip is the same bytes every time.
"""
import csv
import pathlib
import xml.etree.ElementTree as ET
import sys
import tomllib
import zipfile
from xml.sax.saxutils import escape, quoteattr

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


def schema(prefix, rows, linkbase):
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
    if linkbase:
        out.append(
            "  <xs:annotation><xs:appinfo>\n"
            f'    <link:linkbaseRef xlink:type="simple" xlink:href="{linkbase}"'
            ' xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef"'
            ' xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>\n'
            "  </xs:appinfo></xs:annotation>\n"
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


def parse_item(text):
    """`[?][-]prefix:Name[axis=member]` -> (weight, qname, dimensional)."""
    text = text.removeprefix("?")
    weight = -1 if text.startswith("-") else 1
    text = text.removeprefix("-")
    return weight, text.split("[", 1)[0], "[" in text


def instance_facts(path):
    """The instance's facts as {context id: set of concept QNames}, using the instance's prefixes."""
    prefixes = {uri: p for p, (uri, _, _, _) in TAXONOMIES.items()}
    by_context = {}
    for el in ET.parse(path).getroot():
        ctx = el.get("contextRef")
        if ctx is None or not el.tag.startswith("{"):
            continue
        uri, name = el.tag[1:].split("}", 1)
        if uri in prefixes:
            by_context.setdefault(ctx, set()).add(f"{prefixes[uri]}:{name}")
    return by_context


def verdicts(path):
    """xbrlify's footing verdicts: {(relationship number, context id): verdict}."""
    out = {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("footing "):
            head, _, what, verdict = line.split("\t")
            context = what.split(" context=", 1)[1]
            out[(int(head.split()[1]), context)] = verdict
    return out


def applies(n, total, facts, said):
    """Whether xbrlify found relationship n to foot in every context where Calculations 1.1
    binds it, and it binds in at least one."""
    items = [parse_item(t)[1] for t in total["items"]]
    bound = 0
    for context, present in facts.items():
        if total["total"] not in present or not any(q in present for q in items):
            continue
        if said.get((n, context)) != "foots":
            return False
        bound += 1
    return bound > 0


def calculation_linkbase(mapping, known, facts, said):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    out.append(
        '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    )
    links = []
    for n, total in enumerate(mapping.get("total", []), start=1):
        items = [parse_item(i) for i in total["items"]]
        if any(dim for _, _, dim in items) or "[" in total["total"] or not applies(n, total, facts, said):
            continue
        role = f"https://xbrlify.invalid/role/footing-{n}"
        out.append(
            f'  <link:roleRef roleURI="{role}" xlink:type="simple" xlink:href="us-gaap-2024-roles.xsd#footing-{n}"/>\n'
        )
        links.append((n, role, total["total"], items))
    for n, role, total, items in links:
        out.append(f'  <link:calculationLink xlink:type="extended" xlink:role="{role}">\n')
        concepts = [total] + [q for _, q, _ in items]
        for q in dict.fromkeys(concepts):
            if q not in known:
                sys.exit(f"package.py: footing concept {q} is not in taxonomy/concepts.tsv")
            prefix, name = q.split(":", 1)
            folder = TAXONOMIES[prefix][3]
            href = f"{prefix}-2024.xsd" if prefix == "us-gaap" else f"../../{folder}/{TAXONOMIES[prefix][2]}"
            out.append(f'    <link:loc xlink:type="locator" xlink:href="{href}#{prefix}_{name}" xlink:label="{escape(name)}"/>\n')
        for order, (weight, q, _) in enumerate(items, start=1):
            out.append(
                '    <link:calculationArc xlink:type="arc"'
                ' xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item"'
                f' xlink:from="{total.split(":", 1)[1]}" xlink:to="{q.split(":", 1)[1]}"'
                f' order="{order}" weight="{weight}"/>\n'
            )
        out.append("  </link:calculationLink>\n")
    out.append("</link:linkbase>\n")
    roles = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    roles.append(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:link="http://www.xbrl.org/2003/linkbase"'
        ' targetNamespace="https://xbrlify.invalid/roles" elementFormDefault="qualified">\n'
        '  <xs:import namespace="http://www.xbrl.org/2003/linkbase" schemaLocation="http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"/>\n'
        "  <xs:annotation><xs:appinfo>\n"
    )
    for n, role, total, _ in links:
        roles.append(
            f'    <link:roleType roleURI="{role}" id="footing-{n}">'
            f"<link:definition>Footing: {escape(total)}</link:definition>"
            "<link:usedOn>link:calculationLink</link:usedOn></link:roleType>\n"
        )
    roles.append("  </xs:appinfo></xs:annotation>\n</xs:schema>\n")
    return "".join(out), "".join(roles), len(links)


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
    if len(sys.argv) not in (2, 4):
        sys.exit("usage: package.py OUT.zip [INSTANCE.xml FACTS]")
    rows = read_concepts()
    known = {r["qname"] for r in rows}
    catalog, meta = package_meta()
    files = {
        "META-INF/catalog.xml": catalog,
        "META-INF/taxonomyPackage.xml": meta,
    }
    if len(sys.argv) == 4:
        mapping = tomllib.loads((ROOT / "taxonomy/us-gaap-2024.toml").read_text(encoding="utf-8"))
        cal, roles, n_links = calculation_linkbase(mapping, known, instance_facts(sys.argv[2]), verdicts(sys.argv[3]))
        files["us-gaap/elts/us-gaap-2024_cal.xml"] = cal
        files["us-gaap/elts/us-gaap-2024-roles.xsd"] = roles
    for prefix, (_, _, path, folder) in TAXONOMIES.items():
        mine = sorted((r for r in rows if r["qname"].startswith(prefix + ":")), key=lambda r: r["qname"])
        linkbase = "us-gaap-2024_cal.xml" if prefix == "us-gaap" and len(sys.argv) == 4 else None
        files[f"{folder}/{path}"] = schema(prefix, mine, linkbase)
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))
    if len(sys.argv) == 4:
        print(f"{pathlib.Path(sys.argv[2]).name}: {n_links} calculation relationships", file=sys.stderr)


if __name__ == "__main__":
    main()
