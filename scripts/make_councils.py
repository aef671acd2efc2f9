"""Derive ``importers/data/councils.json`` (the councils reference) from ``la_lookup.csv``.

    python scripts/make_councils.py [../shared/reference/la_lookup.csv]

The lookup is the data-to-insight network's table of English councils with
children's services duties (Ofsted's and the DfE's facts, Open Government
Licence). Only names, codes, region, type and statistical neighbours are kept:
no grades. Each council's ``name`` is the one the authority extractor
(``importers.authorities``) files documents under, so the timeline's
``authority`` and the reference meet on one spelling.

Councils abolished since 2005 that the lookup lacks are written here by hand,
with the orders that abolished them.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from importers.authorities import canonical_authority  # noqa: E402

DEFAULT_SOURCE = REPO.parent / "shared" / "reference" / "la_lookup.csv"
OUT = REPO / "importers" / "data" / "councils.json"

# The lookup's type column, as the reference says it.
_TYPES = {
    "London Borough": "London borough",
    "Metropolitan District": "metropolitan district",
    "Unitary Authority": "unitary",
    "County": "county",
}

# Councils that lost their children's services duties since 2005, the year
# the last one held them and who took them over. The lookup keeps three of
# them (without a type or neighbours); the others are added whole.
#  - Bedfordshire, Cheshire: The Bedfordshire (Structural Changes) Order 2008
#    (SI 2008/907) and The Cheshire (Structural Changes) Order 2008 (SI 2008/634),
#    from 1 April 2009.
#  - Bournemouth, Poole (and Dorset County Council, whose successor keeps the
#    name "Dorset"): The Bournemouth, Dorset and Poole (Structural Changes)
#    Order 2018 (SI 2018/648), from 1 April 2019.
#  - Northamptonshire: The Northamptonshire (Structural Changes) Order 2020
#    (SI 2020/156), from 1 April 2021.
#  - Cumbria: The Cumbria (Structural Changes) Order 2022 (SI 2022/331), from 1 April 2023.
FORMER: dict[str, dict] = {
    "Bedfordshire": {"la_code": "820", "gss_code": "E10000001", "region": "East of England", "type": "county",
                     "until": 2009, "succeeded_by": ["Bedford", "Central Bedfordshire"]},
    "Cheshire": {"la_code": "875", "gss_code": "E10000004", "region": "North West", "type": "county",
                 "until": 2009, "succeeded_by": ["Cheshire East", "Cheshire West and Chester"]},
    "Bournemouth": {"la_code": "837", "gss_code": "E06000028", "region": "South West", "type": "unitary",
                    "until": 2019, "succeeded_by": ["Bournemouth, Christchurch and Poole"]},
    "Poole": {"type": "unitary", "until": 2019, "succeeded_by": ["Bournemouth, Christchurch and Poole"]},
    "Northamptonshire": {"type": "county", "until": 2021,
                         "succeeded_by": ["North Northamptonshire", "West Northamptonshire"]},
    "Cumbria": {"type": "county", "until": 2023, "succeeded_by": ["Cumberland", "Westmorland and Furness"]},
}
# Councils created by those orders, from the year they took the duties over.
_CREATED = {
    "Bedford": 2009, "Central Bedfordshire": 2009, "Cheshire East": 2009, "Cheshire West and Chester": 2009,
    "Bournemouth, Christchurch and Poole": 2019, "North Northamptonshire": 2021,
    "West Northamptonshire": 2021, "Cumberland": 2023, "Westmorland and Furness": 2023,
}


def _codes(cell: str) -> list[str]:
    return [code.strip() for code in cell.split(",") if code.strip()]


def _aliases(cell: str, name: str) -> list[str]:
    """``also_known_as`` is a bracketed list split by commas, though a name may hold one
    ("[BCP, Bournemouth, Christchurch & Poole]"): pieces are joined while together
    they name this council and the first alone does not."""
    pieces = [p.strip() for p in cell.strip("[] ").split(",") if p.strip()]
    out: list[str] = []
    while pieces:
        piece = pieces.pop(0)
        while name and pieces and canonical_authority(piece) != name \
                and canonical_authority(f"{piece}, {pieces[0]}") == name:
            piece = f"{piece}, {pieces.pop(0)}"
        out.append(piece)
    return out


def _other_names(row: dict[str, str], name: str) -> list[str]:
    """The lookup's other spellings: its ONS and upper-tier names and ``also_known_as`` ("[BCP, Bristol]")."""
    found = [row["local_authority_ons_name"], row["utla23nm"], row["ltla23nm"]]
    found += _aliases(row["also_known_as"], name)
    out: list[str] = []
    for other in found:
        other = " ".join(other.split())
        if other and other != name and other not in out:
            out.append(other)
    return out


def derive(source: Path) -> list[dict]:
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    councils = []
    for row in rows:
        ons = row["local_authority_ons_name"].strip()
        name = next(filter(None, map(canonical_authority, (ons, row["utla23nm"], *_other_names(row, "")))), None)
        if name is None:
            raise SystemExit(f"{source}: {ons!r} is not a council the authority extractor knows; add it there first")
        former = FORMER.get(name, {})
        councils.append({
            "name": name,
            "other_names": _other_names(row, name),
            "urn": row["urn"].strip() or None,
            "la_code": row["la_code"].strip() or former.get("la_code"),
            "gss_code": row["la_code_new"].strip() or former.get("gss_code"),
            "region": row["region_name"].strip() or former.get("region"),
            "type": _TYPES.get(row["ons_la_type"].strip()) or former.get("type"),
            "neighbours": _codes(row["stat_neighbours"]),
            "since": _CREATED.get(name),
            "until": former.get("until"),
            "succeeded_by": former.get("succeeded_by", []),
        })
    known = {c["name"] for c in councils}
    for name, former in FORMER.items():
        if name not in known:
            councils.append({
                "name": name, "other_names": [], "urn": None, "la_code": former["la_code"],
                "gss_code": former["gss_code"], "region": former["region"], "type": former["type"],
                "neighbours": [], "since": None, "until": former["until"],
                "succeeded_by": former["succeeded_by"],
            })
    councils.sort(key=lambda c: c["name"])
    return councils


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    councils = derive(source)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(councils, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    current = sum(1 for c in councils if c["until"] is None)
    print(f"{OUT.relative_to(REPO)}: {len(councils)} councils, {current} current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
