#!/usr/bin/env python3
"""Compares the facts Arelle loaded from each format of one conversion.

    facts.py RUNS DIR

RUNS lists Arelle's runs, one a line: instance number, run number, document (tab-separated).
DIR holds oim-<run>.json, the facts Arelle loaded from each document, saved as xBRL-JSON by
its saveLoadableOIM plugin. For each instance, the facts of its Inline XBRL and xBRL-JSON
documents must be those of its XBRL 2.1 instance (the first document of the instance), and
so must its report package's, once the facts of the filer's extension concepts (those in no
standard namespace) are set aside: the package holds the instance's facts and those more.

A fact is its concept, entity (scheme URI and identifier), period, unit, explicit
dimensions, value (numerically, for numbers) and decimals. Inline XBRL shows a fact where
every cell shows it, so one fact may be loaded several times at different decimals (the
highlights' $16.0 million beside the statement's $16,009 thousand): each set of facts is
reduced to the most precise fact per aspect set, whose duplicates must hold one value per
decimals (Arelle's own duplicate check reports inconsistent ones).

Prints one line per instance and every difference; exits 1 on any difference.
"""
import collections
import decimal
import json
import sys


def resolve(name, namespaces):
    """`prefix:local` -> `{uri}local`, so that documents using other prefixes compare equal."""
    if not isinstance(name, str) or ":" not in name:
        return name
    prefix, local = name.split(":", 1)
    return f"{{{namespaces.get(prefix, prefix)}}}{local}"


STANDARD = ("http://fasb.org/us-gaap/2024", "http://fasb.org/srt/2024", "http://xbrl.sec.gov/dei/2024")


def load(path, standard_only=False):
    """The facts of an xBRL-JSON document: {aspects: [(decimals, value), ...]}; with
    standard_only, those of standard concepts only."""
    doc = json.load(open(path, encoding="utf-8"))
    namespaces = doc["documentInfo"].get("namespaces", {})
    facts = collections.defaultdict(list)
    for fact in doc["facts"].values():
        dims = fact["dimensions"]
        unit = dims.get("unit")
        if unit is not None:
            unit = "/".join(
                "*".join(sorted(resolve(m, namespaces) for m in part.strip("()").split("*")))
                for part in unit.split("/")
            )
        aspects = (
            resolve(dims["concept"], namespaces),
            resolve(dims["entity"], namespaces),
            dims["period"],
            unit,
            tuple(
                sorted(
                    (resolve(k, namespaces), resolve(v, namespaces))
                    for k, v in dims.items()
                    if k not in ("concept", "entity", "period", "unit", "language")
                )
            ),
        )
        decimals = fact.get("decimals")
        value = fact.get("value")
        if decimals is not None:
            value = decimal.Decimal(value).normalize()
            if value.is_zero():
                value = decimal.Decimal(0)
        if standard_only and not aspects[0].startswith(tuple("{" + ns + "}" for ns in STANDARD)):
            continue
        facts[aspects].append((decimals, value))
    return facts


def reduce(facts, problems, name):
    """One fact per aspect set: the most precise."""
    out = {}
    for aspects, found in facts.items():
        by_decimals = {}
        for decimals, value in found:
            if by_decimals.setdefault(decimals, value) != value:
                problems.append(f"{name}: {aspects[0]} {aspects[2]}: values {by_decimals[decimals]} and {value} at decimals {decimals}")
        best = max(by_decimals, key=lambda d: float("inf") if d is None else d)
        out[aspects] = (best, by_decimals[best])
    return out


def main():
    runs, folder = sys.argv[1], sys.argv[2]
    groups = collections.defaultdict(list)
    for line in open(runs, encoding="utf-8"):
        instance, run, document = line.rstrip("\n").split("\t")
        groups[instance].append((run, document))
    failed = False
    for instance in sorted(groups, key=int):
        (run0, doc0), *others = groups[instance]
        problems = []
        reference = reduce(load(f"{folder}/oim-{run0}.json"), problems, doc0)
        if len(reference) != sum(len(v) for v in load(f"{folder}/oim-{run0}.json").values()):
            problems.append(f"{doc0}: the instance itself has duplicate facts")
        for run, doc in others:
            package = doc.endswith((".xbr", ".zip"))
            facts = reduce(load(f"{folder}/oim-{run}.json", package), problems, doc)
            for aspects in sorted(set(reference) | set(facts), key=repr):
                a, b = reference.get(aspects), facts.get(aspects)
                if a != b:
                    problems.append(f"{doc}: {aspects[0]} {aspects[2]} {aspects[4]}: instance {a}, here {b}")
        name = doc0.rsplit("/", 1)[-1]
        formats = ", ".join(d.rsplit(".", 1)[-1] for _, d in others) or "no other format"
        print(f"facts.py: {name}: {len(reference)} facts; {formats}: {'differ' if problems else 'the same facts'}")
        for p in problems:
            print(f"  {p}")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
