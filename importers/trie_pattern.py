"""One regex alternation of many words, shaped as a trie.

"said|says" becomes "sa(?:id|ys)": the engine tries all the words in one pass
instead of one after another, which matters for the 400-odd council names
and the verbs of saying scanned over every document. A word that is the
start of a longer one ends in an optional branch, which is greedy, so the
longest word wins ("North Yorkshire" over "North").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (no group of its own to capture) matching any of ``words``, longest first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
