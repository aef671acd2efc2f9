"""The trie-shaped alternation matches exactly its words, the longest where one starts another."""

from __future__ import annotations

import re

from importers.trie_pattern import trie_pattern


def test_it_matches_each_word_and_nothing_else():
    words = {"said", "says", "say", "told", "North", "North Yorkshire"}
    pattern = re.compile(trie_pattern(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert not any(pattern.fullmatch(w) for w in ("sa", "tol", "saying", "North Yorks", ""))


def test_the_longest_word_wins_where_one_starts_another():
    pattern = re.compile(trie_pattern(["North", "North Yorkshire", "Kingston", "Kingston upon Thames"]))
    assert pattern.match("North Yorkshire Council").group() == "North Yorkshire"
    assert pattern.match("Kingston upon Thames").group() == "Kingston upon Thames"
    assert pattern.match("Northumberland").group() == "North"


def test_words_are_literal_text_not_regex():
    pattern = re.compile(trie_pattern(["St. Helens", "a+b"]))
    assert pattern.fullmatch("St. Helens") and not pattern.fullmatch("StX Helens")
    assert pattern.fullmatch("a+b") and not pattern.fullmatch("aab")
