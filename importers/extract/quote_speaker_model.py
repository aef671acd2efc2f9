"""Quoted speech: the speaker chosen by a learned model among those a careful reader weighs.

The hand rules of ``quote_attribution`` pick one speaker for each quote; they fit the
pages they were written on better than language at large (README, Accuracy). Here the
speakers a reader would weigh for a quote are gathered from what ``quote_reading``
already finds (every agent in the quote's sentence, the sentences before and after, the
paragraph before; the speaker of the quote before; the rules' own choice; and no speaker
at all), each described by general patterns of position and language only (never a
name, a publisher or a word of one page), and the choice model ``quote_speaker``
(fitted by ``benchmarks/learn/quote_speaker.py`` on dev labels) ranks them. The rules'
choice stands unless the model gives another candidate at least the share of belief the
cross-validation chose (saved with the weights).

The rules' choice, not the model's, is what later quotes read as "the last speaker", so
each quote's candidates do not depend on the model: the fitter scores held-out folds by
re-ranking recorded candidates, exactly as the extractor would.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from importers.extract import learned
from importers.extract.quote_attribution import _LISTENER_VERBS
from importers.extract.quote_marks import Quote
from importers.extract.quote_speaker import _AGENT_VERB_GAP, _Speaker

MODEL = "quote_speaker"
# The saved threshold where cross-validation found no share at which the model beats the
# rules: no softmax share reaches it, so the rules' choice always stands.
NEVER_OVERRULES = 1.01

# A verb of saying may stand this far from its speaker and still be "next to" it:
# "X said", "X has also said", "said X", "X, ..., told" is read by the rules.
_VERB_REACH = 3
# Word distances between a candidate's mention and the quote, as bins: a linear model
# reads "adjacent", "in the clause", "in the passage" better than a raw count.
_DISTANCE_BINS = ((3, "words_0_3"), (10, "words_4_10"), (30, "words_11_30"))
_WORD = re.compile(r"\w+")
# A colon ending the words between the speaker and the quote: "X said:", "X told the
# meeting:", a caption's "X: ‘...’".
_COLON_BEFORE = re.compile(r":[\s*_]*$")
# A dash between a caption quote and who said it: "‘...’ – council leader Jane Smith".
_DASH_BETWEEN = re.compile(r"^[\s.,]*[—–-]\s*")
# How far after a quote's close its verb of saying is looked for: "”, said", "," she added".
_AFTER_REACH = 40
# "according to X": the speaker follows the phrase.
_ACCORDING_BEFORE = re.compile(r"according\s+to\s+$", re.IGNORECASE)
# Kinds of page where a quote often has no speaker at all (minutes, answers in
# Parliament quote reports and motions): read only together with "no speaker".
_PAGE_KINDS = ("news", "trade", "minutes", "press_release", "blog", "parliament")


@dataclass
class Candidate:
    """One speaker a reader would weigh for a quote, at its mention nearest the quote."""

    speaker: _Speaker | None  # None: the quote has no speaker
    span: tuple[int, int] | None  # the nearest mention (None: no speaker, or a rule's role holder)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str | None:
        return self.speaker.name if self.speaker is not None else None


@dataclass
class Decision:
    """A quote's candidates and which is the rules' choice (recorded for the fitter)."""

    span: tuple[int, int]  # the quoted words, as the quote fact's span
    candidates: list[Candidate]
    rules: int


@contextmanager
def recording() -> Iterator[list[Decision]]:
    """Record every decision (the rules' choice kept) while extracting, for the fitter."""
    with learned.recording(MODEL, []) as decisions:
        yield decisions


def threshold() -> float | None:
    """The share the model's choice needs to overrule the rules; None without a model."""
    return learned.settings(MODEL).get("threshold")


def _key(speaker: _Speaker | None) -> str:
    return " ".join((speaker.name or "").split()).casefold() if speaker is not None else ""


def choose(reader, quote: Quote, rules: _Speaker | None, how: str, previous: _Speaker | None,
           page_kind: str) -> _Speaker | None:
    """The speaker of ``quote``: the rules' choice (reached by the rule ``how``), unless
    the model overrules it."""
    recorder = learned.record_of(MODEL)
    share = threshold()
    if recorder is None and (share is None or share >= NEVER_OVERRULES):
        return rules  # no model, or one that cross-validation found never beats the rules
    candidates, chosen = gather(reader, quote, rules, how, previous, page_kind)
    if recorder is not None:
        recorder.append(Decision((quote.start, quote.end), candidates, chosen))
        return rules
    return apply(candidates, chosen, share)


def apply(candidates: list[Candidate], rules: int, share: float,
          fitted: dict[str, float] | None = None) -> _Speaker | None:
    """The rules' candidate, or the model's where it holds at least ``share`` of the belief
    (``fitted``: weights not yet saved, for cross-validation)."""
    top = learned.best(MODEL, [(i, c.features) for i, c in enumerate(candidates)], fitted=fitted)
    if top is not None and top[0] != rules and top[1] >= share:
        return candidates[top[0]].speaker
    return candidates[rules].speaker


def gather(reader, quote: Quote, rules: _Speaker | None, how: str, previous: _Speaker | None,
           page_kind: str) -> tuple[list[Candidate], int]:
    """The candidates for ``quote`` with their features, and the index of the rules' choice.

    ``reader`` is the document's ``quote_reading._DocumentReader`` (its paragraphs,
    sentences, verbs of saying and agents); ``how`` the rule of ``quote_attribution``
    that chose ``rules`` ("verb_before", "runs_on", ...); ``previous`` the speaker of
    the quote before.
    """
    text = reader.text
    q_open = quote.open
    q_close = quote.close if quote.close is not None else quote.end
    s_start = reader._sentence_start(q_open)
    s_end = reader._sentence_end(q_close)
    prev_start = reader._sentence_start(s_start - 1) if s_start > 0 else s_start
    next_end = reader._sentence_end(s_end + 1) if s_end + 1 < len(text) else s_end
    para_floor = reader.paras[max(0, quote.first_paragraph - 1)][0] if reader.paras else 0
    floor = min(para_floor, prev_start)
    mentions: dict[str, list[tuple[int, int, bool, _Speaker]]] = {}
    lo = bisect.bisect_left(reader.agent_starts, floor)
    hi = bisect.bisect_left(reader.agent_starts, max(next_end, q_close + 1))
    for agent in reader.agents[lo:hi]:
        if q_open <= agent.start <= q_close:
            continue
        speaker = reader._resolve(agent, reader._sentence_start(agent.start))
        if speaker is None or not speaker.name:
            continue
        mentions.setdefault(_key(speaker), []).append((agent.start, agent.end, agent.pronoun is not None, speaker))
    speakers = {key: found[0][3] for key, found in mentions.items()}
    for extra in (rules, previous):
        if extra is not None and extra.name and _key(extra) not in speakers:
            speakers[_key(extra)] = extra
    nearest_before = max((m for ms in mentions.values() for m in ms if m[1] <= q_open), default=None,
                         key=lambda m: m[1])
    nearest_after = min((m for ms in mentions.values() for m in ms if m[0] >= q_close), default=None,
                        key=lambda m: m[0])
    rules_key = _key(rules) if rules is not None and rules.name else ""
    previous_key = _key(previous) if previous is not None and previous.name else None
    subjects = _subjects(reader, s_start, q_open, q_close, s_end)
    out = [Candidate(None, None, _no_speaker(rules_key == "", how, page_kind))]
    chosen = 0
    for key, speaker in speakers.items():
        if key == rules_key:
            speaker = rules  # its role and organisation as the rules read them
            chosen = len(out)
        # The rules' choice, and by which rule: some of them carry to new pages better than others.
        feats: dict[str, float] = {"rules": 1.0, f"rules_{how}": 1.0} if key == rules_key else {}
        feats.update(_kind(speaker))
        if key == previous_key:
            feats["last_speaker"] = 1.0  # the speech running on
        if key in subjects:
            feats[subjects[key]] = 1.0
        found = mentions.get(key, [])
        span = None
        if found:
            near = min(found, key=lambda m: _gap(m, q_open, q_close))
            span = (near[0], near[1])
            feats.update(_position(near, q_open, q_close, s_start, s_end, prev_start, next_end))
            feats.update(_mention(reader, near, quote, q_close, found))
            if near is nearest_before or near is nearest_after:
                feats["nearest"] = 1.0  # no other candidate stands between it and the quote
        else:
            feats["not_in_passage"] = 1.0  # a role's holder or a speaker from further back
        out.append(Candidate(speaker, span, feats))
    return out, chosen


def _subjects(reader, s_start: int, q_open: int, q_close: int, s_end: int) -> dict[str, str]:
    """Speakers standing as the subject of a verb of saying in the quote's sentence: of the
    nearest verb before the quote ("X said: “...”", "X, who ..., told the meeting “...”")
    and of the verb right after it ("“...,” said X", "“...,” X added")."""
    out: dict[str, str] = {}
    before = reader._verbs_in(s_start, q_open)
    if before:
        agent = reader._subject_of(before[-1][0], s_start)
        speaker = reader._resolve(agent, s_start) if agent is not None else None
        if speaker is not None and speaker.name:
            out[_key(speaker)] = "subject_of_verb_before"
    after = reader._verbs_in(q_close, min(s_end, q_close + _AFTER_REACH))
    if after:
        agent = reader._subject_of(after[0][0], q_close) or reader._agent_after(after[0][1], s_end)
        speaker = reader._resolve(agent, s_start) if agent is not None else None
        if speaker is not None and speaker.name:
            out.setdefault(_key(speaker), "subject_of_verb_after")
    return out


def _no_speaker(rules_none: bool, how: str, page_kind: str) -> dict[str, float]:
    feats = {"none": 1.0}
    if rules_none:
        feats.update({"rules": 1.0, f"rules_{how}": 1.0})
    if page_kind in _PAGE_KINDS:
        feats[f"none_{page_kind}"] = 1.0
    return feats


def _kind(speaker: _Speaker) -> dict[str, float]:
    """What kind of speaker: a person by full name or surname, a body, the inspectorate, a group."""
    if speaker.organisation == "Ofsted" and speaker.kind != "person":
        return {"kind_ofsted": 1.0}  # "Ofsted", "inspectors", "the report"
    if speaker.kind == "person":
        name = (speaker.name or "").casefold()
        role = (speaker.role or "").casefold()
        if (role and role in name) or (speaker.name or "")[:1].islower():
            return {"kind_role": 1.0}  # a role without its holder's name: "council spokesman", "the commissioner"
        return {"kind_full_name" if len(name.split()) >= 2 else "kind_surname": 1.0}
    return {f"kind_{speaker.kind}": 1.0}  # org, group (a joint statement), people ("young people")


def _gap(mention: tuple[int, int, bool, _Speaker], q_open: int, q_close: int) -> int:
    start, end = mention[0], mention[1]
    return q_open - end if end <= q_open else start - q_close


def _position(mention, q_open: int, q_close: int, s_start: int, s_end: int, prev_start: int,
              next_end: int) -> dict[str, float]:
    """Where the mention stands: the quote's sentence before or after it, the sentence
    before or after, or the paragraph before."""
    start = mention[0]
    if s_start <= start < q_open:
        return {"sentence_before": 1.0}
    if q_close < start < s_end:
        return {"sentence_after": 1.0}
    if prev_start <= start < s_start:
        return {"previous_sentence": 1.0}
    if s_end <= start < next_end:
        return {"next_sentence": 1.0}
    return {"paragraph_before": 1.0} if start < q_open else {"further_after": 1.0}


def _mention(reader, mention, quote: Quote, q_close: int, found: list) -> dict[str, float]:
    """The language at the mention: a verb of saying beside it, a colon or dash between
    it and the quote, a pronoun, other quotes between, how far, how often named."""
    text = reader.text
    start, end, pronoun, _ = mention
    feats: dict[str, float] = {}
    before = end <= quote.open
    between = text[end:quote.open] if before else text[q_close + 1:start]
    words = len(_WORD.findall(between))
    for limit, name in _DISTANCE_BINS:
        if words <= limit:
            feats[name] = 1.0
            break
    else:
        feats["words_over_30"] = 1.0
    # "X said", "X has also said" (the subject of a verb of saying) ...
    follow = _AGENT_VERB_GAP.match(text, end)
    if follow is not None and reader._verbs_in(follow.end(), follow.end() + 1):
        feats["speech_verb"] = 1.0
    # ... or "said X", "according to X" (the speaker after its verb; never the listener
    # of "told X", "called on X").
    verbs = reader._verbs_in(max(0, start - 40), start)
    if (verbs and len(_WORD.findall(text[verbs[-1][1]:start])) <= _VERB_REACH
            and text[verbs[-1][0]:verbs[-1][1]].split()[0].lower() not in _LISTENER_VERBS):
        feats["speech_verb"] = 1.0
        if _ACCORDING_BEFORE.search(text, max(0, start - 20), start):
            feats["according_to"] = 1.0
    if before and _COLON_BEFORE.search(between):
        feats["colon_intro"] = 1.0
    if not before and _DASH_BETWEEN.match(between):
        feats["dash_after"] = 1.0
    if pronoun:
        feats["pronoun"] = 1.0  # "she said", resolved to the person before
    lo, hi = (end, quote.open) if before else (q_close + 1, start)
    if any(lo <= b_start and b_end <= hi for b_start, b_end in reader.blocked):
        feats["quote_between"] = 1.0
    if len(found) >= 2:
        feats["named_again"] = 1.0
    return feats
