"""The console script as people expect a command line to behave (issue 14): filters that
combine, documents found by any spelling of their path, refusals that say what is wrong,
help with examples, and output that is whole when piped."""

from __future__ import annotations

import json
import shutil
from collections import Counter

import pytest

from importers.vocabulary import normalise_rating
from tests.e2e.cli_helpers import run_cli, run_json, store_of
from tests.paths import REPO, SEEDS

BUNDLED = REPO / "db.json"
COMMANDS = ("import", "rebuild", "timeline", "councils", "search", "show", "export", "fetch")


@pytest.fixture(scope="module")
def timeline():
    return run_json("timeline", db=BUNDLED)


def test_since_and_until_keep_the_years_between(timeline):
    years = sorted({e["year"] for e in timeline if e["year"]})
    low, high = years[1], years[-2]
    kept = run_json("timeline", "--since", str(low), "--until", str(high), db=BUNDLED)
    assert kept and [e["id"] for e in kept] == [e["id"] for e in timeline if e["year"] and low <= e["year"] <= high]
    assert run_cli("timeline", "--since", "last year", db=BUNDLED).returncode == 2


def test_rating_takes_any_era_s_words(timeline):
    wanted = [e["id"] for e in timeline if normalise_rating(e["rating"]) == "requires improvement"]
    assert wanted, "the bundled store has events rated requires improvement"
    for spelling in ("requires improvement", "Requires Improvement", "RI", "require improvement to be good"):
        assert [e["id"] for e in run_json("timeline", "--rating", spelling, db=BUNDLED)] == wanted, spelling
    poor = [e["id"] for e in timeline if e["rating"] == "poor"]
    assert poor and [e["id"] for e in run_json("timeline", "--rating", "performs poorly", db=BUNDLED)] == poor
    refused = run_cli("timeline", "--rating", "splendid", db=BUNDLED)
    assert refused.returncode == 2 and "'splendid' is not a rating" in refused.stderr


def test_type_matches_part_of_a_type_and_combines_with_authority(timeline):
    types = Counter(e["type"] for e in timeline)
    visits = {t for t in types if "visit" in t}
    assert visits, "the bundled store has visits"
    kept = run_json("timeline", "--type", "VISIT", "--authority", "haringey", db=BUNDLED)
    assert kept and {e["type"] for e in kept} == visits and {e["authority"] for e in kept} == {"Haringey"}
    none = run_cli("timeline", "--type", "garden party", db=BUNDLED)
    assert none.returncode == 1 and "inspection" in none.stderr  # the types there are, to choose from
    empty = run_cli("timeline", "--type", "inspection", "--until", "1990", db=BUNDLED)
    assert empty.returncode == 1 and "no events match" in empty.stderr


def test_show_finds_a_relative_import_from_another_folder(tmp_path):
    (tmp_path / "a" / "in").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "a" / "in" / "story.txt")
    db = tmp_path / "db.json"
    assert run_cli("import", "in/story.txt", db=db, cwd=tmp_path / "a").returncode == 0
    for ref, cwd in (("../a/in/story.txt", tmp_path / "b"), (str(tmp_path / "a" / "in" / "story.txt"), REPO),
                     ("in/story.txt", tmp_path / "a")):
        shown = run_cli("show", ref, "--json", db=db, cwd=cwd)
        assert shown.returncode == 0, (ref, shown.stderr)
        assert json.loads(shown.stdout)["source"] == "in/story.txt"


def test_an_ambiguous_id_prefix_lists_the_candidates(tmp_path):
    # Seventeen documents: two of them share their id's first hex digit, whatever the ids are.
    for n in range(17):
        (tmp_path / f"note{n}.txt").write_text(f"Minutes of meeting {n} of the corporate parenting panel.\n")
    db = tmp_path / "db.json"
    assert run_cli("import", str(tmp_path), db=db).returncode == 0
    ids = [d["id"] for d in json.loads(run_cli("export", db=db).stdout)["documents"]]
    prefix, _ = Counter(i[0] for i in ids).most_common(1)[0]
    result = run_cli("show", prefix, db=db)
    assert result.returncode == 1
    candidates = [i for i in ids if i.startswith(prefix)]
    assert len(candidates) > 1 and all(i in result.stderr for i in candidates)


@pytest.mark.parametrize("args", [("timeline",), ("councils",), ("search", "ofsted"), ("show", "abc"),
                                  ("export",)])
def test_a_missing_store_is_an_error_naming_it(tmp_path, args):
    db = tmp_path / "typo.json"
    result = run_cli(*args, db=db)
    assert result.returncode == 2 and str(db) in result.stderr.replace("\n", "")
    assert not db.exists()


def test_import_says_it_creates_a_new_store(tmp_path):
    db = tmp_path / "new.json"
    result = run_cli("import", str(SEEDS[0]), db=db)
    assert result.returncode == 0 and "creating a new store" in result.stderr and db.exists()
    assert "creating" not in run_cli("import", str(SEEDS[0]), db=db).stderr


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_search_limit_must_be_one_or_more(limit):
    result = run_cli("search", "ofsted", "--limit", limit, db=BUNDLED)
    assert result.returncode == 2 and "--limit" in result.stderr and "1 or more" in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_help_describes_every_command_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and f"\n  ofsted-tui {command}" in result.stdout
    # Every argument and option is described, not only named.
    described = [a for a in _subcommand(command)._actions if a.help]
    assert len(described) == len(_subcommand(command)._actions)
    assert all(a.help in " ".join(result.stdout.split()) for a in described if "%" not in a.help)


def _subcommand(name: str):
    from ofsted_tui.cli_args import parser

    (sub,) = [a for a in parser()._actions if a.choices and name in a.choices]
    return sub.choices[name]


def test_messages_are_not_wrapped_at_80_columns():
    name = "a council that is nowhere at all in England or anywhere near it"
    result = run_cli("timeline", "--authority", name, db=BUNDLED, env={"COLUMNS": "80"})
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert name in line and len(line) > 80


def test_piped_tables_are_whole():
    councils = run_json("councils", db=BUNDLED)
    longest = max((r["council"] for r in councils), key=len)
    table = run_cli("councils", db=BUNDLED, env={"COLUMNS": "80"})
    assert table.returncode == 0
    assert "\u2026" not in table.stdout  # nothing cut short
    assert "Region" in table.stdout and "Trajectory" in table.stdout
    assert any(longest in line for line in table.stdout.splitlines())


def test_a_council_without_events_says_so_and_how_to_get_them(tmp_path):
    db = store_of(tmp_path, "Sutton Council's children's services were rated outstanding by Ofsted in 2022.\n")
    assert {e["authority"] for e in run_json("timeline", "--authority", "sutt", db=db)} == {"Sutton"}
    result = run_cli("timeline", "--authority", "Isle of W", db=db, env={"COLUMNS": "80"})
    assert result.returncode == 1 and result.stdout == ""
    assert "no events for Isle of Wight; `ofsted-tui fetch 'Isle of Wight'`" in result.stderr


def test_the_explorer_refuses_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.json"
    done = run_cli(db=missing)
    assert done.returncode == 2 and str(missing) in done.stderr
    assert not missing.exists()
