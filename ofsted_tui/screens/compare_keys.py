"""The main screen's keys that choose councils to compare.

``CompareKeys`` is a base of the main screen: ``m`` marks or unmarks the
council of the highlighted event, ``v`` compares the marked councils (else
those chosen in the sidebar's authority filter, else the highlighted one),
``N`` that council with its ten statistical neighbours and ``R`` with its
region. Apart from the compare screen (``ofsted_tui.screens.compare``) so that
the main screen's first frame does not import the grid, its cells and the
councils' comparison: they are imported when a comparison is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ofsted_core.filters import Filters
from ofsted_core.labels import plural, printable

if TYPE_CHECKING:
    from ofsted_core.compare import CompareRow

__all__ = ["CompareKeys"]

AUTHORITY_FACET = "authorities"


class CompareKeys(Screen[None]):
    """Keys of the main screen that choose councils to compare (it supplies the corpus and filters)."""

    HELP = "Comparing councils"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mark_council", "Mark", show=False, id="compare.mark"),
        Binding("v", "compare", "Compare", show=False, id="compare.marked"),
        Binding("N", "compare_with('neighbours')", "Compare with its neighbours", show=False,
                id="compare.neighbours"),
        Binding("R", "compare_with('region')", "Compare with its region", show=False, id="compare.region"),
    ]
    corpus: Any
    filters: Filters

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marked: list[str] = []

    def council_here(self) -> str | None:
        """The highlighted council on the Councils tab; else the council of the highlighted
        event, or the only one among the events shown."""
        from ofsted_tui.widgets.councils_table import CouncilsTable
        from ofsted_tui.widgets.timeline import TimelineList

        if self._active_tab() == "councils":  # type: ignore[attr-defined]
            row = self.query_one(CouncilsTable).current
            return row["council"] if row is not None else None
        current = self.query_one(TimelineList).current
        if current is not None and current.get("authority"):
            return current["authority"]
        authorities = {e.get("authority") for e in getattr(self, "shown_events", ())}
        return authorities.pop() if len(authorities) == 1 else None

    def action_mark_council(self) -> None:
        name = self.council_here()
        if name is None:
            self.notify("Highlight a council, or an event of one, to mark it", severity="warning")
            return
        if name in self.marked:
            self.marked.remove(name)
        else:
            self.marked.append(name)
        said = ", ".join(self.marked) if self.marked else "none"
        self.notify(printable(f"Marked to compare: {said} (v compares)"), timeout=3, markup=False)

    def action_compare(self) -> None:
        names = list(self.marked) or sorted(self.filters.selected(AUTHORITY_FACET))
        if not names and (here := self.council_here()):
            names = [here]
        if not names:
            self.notify("Mark councils with m (or choose them in the authority filter) to compare them",
                        severity="warning")
            return
        self._open(names, f"Comparing {plural(len(names), 'council')}: {', '.join(names)}")

    def action_compare_with(self, what: str) -> None:
        name = self.council_here()
        if name is None:
            self.notify("Highlight a council, or an event of one, to compare", severity="warning")
            return
        from ofsted_core.compare import choose_councils

        names = choose_councils([name], neighbours=what == "neighbours", region=what == "region")
        if len(names) == 1:
            self.notify(printable(f"The councils reference gives {name} no {what}"), severity="warning",
                        markup=False)
            return
        if what == "neighbours":
            title = f"{name} and its {plural(len(names) - 1, 'statistical neighbour')}"
        else:
            from importers.councils import council

            place = council(name)
            title = f"{name} and the other councils of {place.region if place else 'its region'}"
        self._open(names, title)

    def _open(self, names: list[str], title: str) -> None:
        if self.corpus is None:
            return
        from ofsted_core.compare import compare_grid
        from ofsted_tui.screens.compare import CompareScreen

        grid = compare_grid(self.corpus.events, names)
        self.app.push_screen(CompareScreen(grid, title), self._compared)

    def _compared(self, row: CompareRow | None) -> None:
        if row is None:
            return
        self.set_filters(Filters(authorities=frozenset(row.authorities)))  # type: ignore[attr-defined]
        self.action_show_tab("timeline")  # type: ignore[attr-defined]
