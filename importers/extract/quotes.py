"""Quoted speech and report extracts, with who said them.

What counts as a quote
    Scare quotes are not quotes: a quotation of one word is never a fact, two
    or three words are one only when a verb of saying introduces it or follows
    it directly ("'Not good enough,' she said"), and four or more words are
    one unless every long word is capitalised (a title such as ‘Working
    Together to Safeguard Children’). With no speaker to be found, it takes
    six words to be speech rather than a name or slogan ("a ‘challenge and
    impact log’", "through the ‘eyes of a child’s journey’"), unless a verb of
    saying follows it directly ("“It is a flawed system,” said one."). A rating, or a
    judgement area's formal name (‘the impact of leaders on social work practice
    with children and families’), in quotation marks is left to the judgements
    rule. Words quoted again later in the same
    document (a caption or headline repeating the story) are one quote, the
    first. A quote broken by its attribution
    ("We are not complacent," she said, "and this is...") gives two facts with
    the same speaker, because each fact's span must be the quoted words only.

The rules are split by role: finding the quotation marks (``quote_marks``), who could
speak (``quote_agents``: people, groups, Ofsted and its reports; ``quote_roles``: roles,
statements, spokespeople, letters and their writers; the speaker and agent records in
``quote_speaker``) and which of them said each quote (``quote_attribution``, reading the
document's sentences and pronouns with ``quote_reading``). This module keeps or drops
each quote and makes its fact.
"""

from __future__ import annotations

import re

from importers.extract.paragraphs import word_count
from importers.extract.quote_attribution import _Attributor
from importers.extract.quote_marks import Quote, find_quotes, quote_text_at
from importers.extract.quote_speaker import _SPACES, _Speaker
from importers.extract.quote_speaker_model import choose
from importers.model import Fact
from importers.vocabulary import find_areas, normalise_rating

__all__ = ["Quote", "extract", "find_quotes", "quote_text_at"]

# Words an unattributed quotation needs to be taken for speech rather than a
# name or slogan in quotation marks.
_UNATTRIBUTED_MINIMUM = 6
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?,;]")
_EDGE_PUNCTUATION = " \t\n,.;:!?…"


def _names_area(words: str) -> bool:
    """Whether the words are a judgement area's formal name: ‘Outstanding’ for
    ‘the impact of leaders on social work practice with children and families’."""
    words = words.strip(_EDGE_PUNCTUATION)
    areas = find_areas(words)
    return len(areas) == 1 and areas[0].heading and not words[areas[0].end:].strip() and (
        not words[:areas[0].start].strip() or words[:areas[0].start].strip().casefold() == "the")


def _is_title(words: str) -> bool:
    long_words = _TITLE_WORD.findall(words)
    return (len(long_words) >= 2 and all(w[0].isupper() for w in long_words)
            and not _SENTENCE_PUNCTUATION.search(words))


def extract(text: str, ctx) -> list[Fact]:
    if not isinstance(text, str) or not text:
        return []
    quotes = find_quotes(text)
    if not quotes:
        return []
    attributor = _Attributor(text, ctx, quotes)
    facts = []
    previous: tuple[Quote, _Speaker | None] | None = None
    previous_end: int | None = None
    seen: set[str] = set()
    for quote in quotes:
        words = quote_text_at(text, (quote.start, quote.end))
        count = word_count(words)
        if count < 2:
            continue
        speaker, direct = attributor.attribute(quote, previous_end, previous)
        previous_end = (quote.close + 1) if quote.close is not None else quote.end
        if count < 4 and not direct:
            continue
        if speaker is None and count < _UNATTRIBUTED_MINIMUM and not direct:
            continue  # a name or slogan in quotes: "a ‘challenge and impact log’"
        if _is_title(words) or normalise_rating(words.strip(" ,.;:!?")) or _names_area(words):
            continue  # a title, a rating or an area's name in quotation marks (the judgements rule reads those)
        said = _SPACES.sub(" ", words.strip(_EDGE_PUNCTUATION)).casefold()
        if said in seen:
            continue  # a repeat: a caption or headline printing the words of the story below it
        seen.add(said)
        # The rules' speaker is what later quotes read as the last one (see ``quote_speaker_model``).
        chosen = choose(attributor, quote, speaker, attributor.step, previous[1] if previous else None,
                        getattr(ctx, "kind", ""))
        if speaker is not None:
            attributor.remember(quote.open, speaker)
        previous = (quote, speaker)
        speaker = chosen
        facts.append(Fact("quote", (quote.start, quote.end), {
            "text": words,
            "speaker": speaker.name if speaker else None,
            "role": speaker.role if speaker else None,
            "organisation": speaker.organisation if speaker else None,
        }))
    return facts
