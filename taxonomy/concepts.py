#!/usr/bin/env python3
"""Generates taxonomy/concepts.tsv: what the taxonomy says of each concept xbrlify writes.

    concepts.py [--check] [--facts DIR]

The concepts are exactly the QNames taxonomy/us-gaap-2024.toml names (row concepts, axes,
members, footing totals and items, non_negative) and the dei cover facts the writer adds.
Their attributes come from the us-gaap, srt and dei 2024 taxonomy facts (DIR, default
../shared/taxonomy-facts, or $XBRLIFY_TAXONOMY_FACTS). A concept the facts lack, or whose row
there is `unverified` or `label-only`, is taken from taxonomy/schema-extracts.tsv, which
records each declaration as read from the 2024 schema and where it was read.

With --check, nothing is written: the script fails when concepts.tsv is not what it would
write (CI runs this, so the table never drifts from the mapping).
"""
import argparse
import csv
import io
import os
import pathlib
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
COLUMNS = ["qname", "type", "periodType", "balance", "abstract", "substitutionGroup", "source"]
# The dei facts the writer (src/lib.rs, document and entity information) adds.
DEI = [
    "dei:AmendmentFlag",
    "dei:DocumentFiscalPeriodFocus",
    "dei:DocumentFiscalYearFocus",
    "dei:DocumentPeriodEndDate",
    "dei:DocumentType",
    "dei:EntityCentralIndexKey",
    "dei:EntityRegistrantName",
    "dei:TradingSymbol",
]
# The domains of the axes the report package's definition linkbase uses
# (src/xbrl/package/linkbase.rs, AXIS_DOMAINS).
DOMAINS = ["srt:ProductsAndServicesDomain", "us-gaap:ClassOfStockDomain"]
TRUSTED = {"xsd-2024", "xsd-2023", "xsd-2022", "xsd-2024+lab-2024"}


def used_qnames(mapping):
    names = set(DEI) | set(DOMAINS)
    names.update(mapping.get("non_negative", []))
    for row in mapping.get("row", []):
        for key in ("concept", "axis", "member"):
            if key in row:
                names.add(row[key])
    for total in mapping.get("total", []):
        for text in [total["total"], *total["items"], *total.get("unless", [])]:
            text = text.lstrip("?-")
            concept, _, dims = text.partition("[")
            names.add(concept)
            for pair in filter(None, dims.rstrip("]").split(",")):
                axis, _, member = pair.partition("=")
                names.update([axis.strip(), member.strip()])
    return sorted(names)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--facts", default=os.environ.get("XBRLIFY_TAXONOMY_FACTS", HERE.parent.parent / "shared/taxonomy-facts"))
    args = parser.parse_args()
    facts_dir = pathlib.Path(args.facts)

    facts = {}
    for prefix in ("us-gaap", "srt", "dei"):
        for row in read_tsv(facts_dir / f"{prefix}-elements.tsv"):
            facts[f"{row['prefix']}:{row['name']}"] = row
    extracts = {r["qname"]: r for r in read_tsv(HERE / "schema-extracts.tsv")}
    mapping = tomllib.loads((HERE / "us-gaap-2024.toml").read_text(encoding="utf-8"))

    out, problems = [], []
    for qname in used_qnames(mapping):
        row = facts.get(qname)
        if row and row["deprecatedIn"] and row["deprecatedIn"] <= "2024":
            problems.append(f"{qname} is deprecated ({row['deprecatedIn']})")
        if row and row["source"] in TRUSTED:
            out.append([qname, row["type"], row["periodType"], row["balance"], row["abstract"], row["substitutionGroup"], row["source"]])
        elif qname in extracts:
            e = extracts[qname]
            out.append([qname, e["type"], e["periodType"], e["balance"], e["abstract"], e["substitutionGroup"], "schema-extracts"])
        else:
            why = f"its row is {row['source']}" if row else "it is not in the taxonomy facts"
            problems.append(f"{qname}: {why} and taxonomy/schema-extracts.tsv has no declaration of it")
    if problems:
        sys.exit("concepts.py: " + "\n concepts.py: ".join(problems))

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(out)
    text = buf.getvalue()
    target = HERE / "concepts.tsv"
    if args.check:
        if target.read_text(encoding="utf-8") != text:
            sys.exit("concepts.py: taxonomy/concepts.tsv is out of date: run python3 taxonomy/concepts.py")
        print(f"concepts.py: taxonomy/concepts.tsv is up to date ({len(out)} concepts)")
    else:
        target.write_text(text, encoding="utf-8")
        print(f"concepts.py: wrote {len(out)} concepts")


if __name__ == "__main__":
    main()
