"""Bit sets carried over to new positions when a few items of an ordered list are replaced or moved.

The facet index (``ofsted_core.filters``) keeps a bit set per facet value, a
bit per document and per event in display order. A correction moves a
document in date order, or rebuilds a few events: the items between shift by
one or a few places, and every bit set with bits there must follow. Items that
keep their place keep their bits; each run of items that moved by the same
offset moves in two big-integer operations, so carrying a bit set costs a few
operations however many items it has, where indexing them again looked at
every item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

__all__ = ["Moves"]


class Moves:
    """Where each kept item's bit goes, when the items at old positions ``dropped`` are taken out of a list of
    ``count`` and others put in at new positions ``added``: the kept ones keep their order."""

    def __init__(self, dropped: Iterable[int], added: Iterable[int], count: int) -> None:
        self.dropped, self.added = sorted(set(dropped)), sorted(set(added))
        by_offset: dict[int, int] = defaultdict(int)
        for old, new, length in _runs(self.dropped, self.added, count):
            by_offset[new - old] |= ((1 << length) - 1) << old
        self._still = by_offset.pop(0, 0)
        self._shifted = list(by_offset.items())
        # The old positions whose bit does not stay where it is (moved, or dropped with its item).
        self._unsettled = ~self._still & ((1 << count) - 1)
        self._dropped = sum(1 << old for old in self.dropped)

    def carry(self, mask: int) -> int:
        """``mask`` with each kept item's bit at its new position, the bits of items not kept cleared."""
        if not mask & self._unsettled:
            return mask
        out = mask & self._still
        for offset, olds in self._shifted:
            part = mask & olds
            if part:
                out |= part << offset if offset > 0 else part >> -offset
        return out

    def carry_all(self, masks: dict[Any, int]) -> tuple[dict[Any, int], set[Any]]:
        """Each of ``masks`` carried, and the keys of those that had the bit of an item not kept.

        Most bit sets of a large index (a speaker's few documents) have no bit that moves: those are
        told apart with one operation each, here, rather than a call each.
        """
        unsettled, dropped, carry = self._unsettled, self._dropped, self.carry
        out: dict[Any, int] = {}
        lost: set[Any] = set()
        for key, mask in masks.items():
            if mask & unsettled:
                if mask & dropped:
                    lost.add(key)
                mask = carry(mask)
            out[key] = mask
        return out, lost


def _runs(dropped: list[int], added: list[int], count: int) -> list[tuple[int, int, int]]:
    """The kept items as runs (old start, new start, length): a run ends at an item dropped or added."""
    runs: list[tuple[int, int, int]] = []
    old = new = d = a = 0
    while old < count:
        if d < len(dropped) and dropped[d] == old:
            old, d = old + 1, d + 1
        elif a < len(added) and added[a] == new:
            new, a = new + 1, a + 1
        else:
            length = (dropped[d] if d < len(dropped) else count) - old
            if a < len(added):
                length = min(length, added[a] - new)
            runs.append((old, new, length))
            old, new = old + length, new + length
    return runs
