"""Quoted speech and report extracts, with who said them.

Finding the quotation marks
    Straight and curly double quotes are paired first, then curly single
    quotes used as double (‘ ’), then straight single quotes; single marks
    inside a double quotation are nested quotes and are left alone, and an
    apostrophe between letters (children’s) is never a mark. A mark's role is
    read from its neighbours (after a space it opens, before one it closes),
    so mismatched pairs such as “...\" still pair. A quotation never crosses a
    paragraph break unless it follows the newspaper convention for quotes of
    several paragraphs: each inner paragraph opens with a quotation mark and
    leaves it open, and the last one closes it. Such a quote is ONE fact whose
    span runs from its first word to its last; its text is ``quote_text_at``:
    the span's text without the marks that re-open the inner paragraphs.
    A quotation still open at the end of its paragraph, with no re-opening
    mark after it, ends there if it was introduced (opening the paragraph or
    after a colon or comma), and is otherwise dropped as a stray mark. Where
    the text itself stops inside a quotation (a saved excerpt of a page, cut
    mid-sentence), only the quote's whole paragraphs are kept. A double quotation
    may be closed by a single mark where its paragraph ends (“...’, "...''"), a
    curly single one by a straight mark (‘...'), and a speech runs on into a next
    paragraph that lost its re-opening mark but closes it. Inside an open
    quotation, a short quotation in the same marks mid-sentence ("as a "huge
    step forward" for") is nested in it, and a mark re-opening the speech after
    a full stop (a lost paragraph break) ends the quote there. A closing single
    mark typed as the opener (it found ’a slow pace of change’) still opens.

What counts as a quote
    Scare quotes are not quotes: a quotation of one word is never a fact, two
    or three words are one only when a verb of saying introduces it or follows
    it directly ("'Not good enough,' she said"), and four or more words are
    one unless every long word is capitalised (a title such as ‘Working
    Together to Safeguard Children’). With no speaker to be found, it takes
    six words to be speech rather than a name or slogan ("a ‘challenge and
    impact log’", "through the ‘eyes of a child’s journey’"). A rating, or a
    judgement area's formal name (‘the impact of leaders on social work practice
    with children and families’), in quotation marks is left to the judgements
    rule. Words quoted again later in the same
    document (a caption or headline repeating the story) are one quote, the
    first. A quote broken by its attribution
    ("We are not complacent," she said, "and this is...") gives two facts with
    the same speaker, because each fact's span must be the quoted words only.

Who said it
    The speaker is the subject of the verb of saying nearest before the quote
    in its sentence ("X said: “...”", "Ofsted said that some children are not
    “...”", "who they described as “...”"), else the attribution right after it
    ("“...,” said council leader Claire Kober", "“...,” she said"), else the
    speaker named right before it (a caption's "Sir Michael Wilshaw: ‘...’", or
    The report “identified ...” where the quote opens on the verb), else any
    attribution in the sentence, else, for a quote opening its paragraph or
    list item, the attribution of the paragraph before that ends on a colon
    ("Councillor Sue Ridney ..., said:", "In their report inspectors say
    that:"), else the speaker of the quote before it in its paragraph, or in
    the paragraph before when this one opens its paragraph (a speech running
    on, past sub-headings where the statement is set out in whole quoted
    paragraphs), else the attribution of the sentence before in the same
    paragraph when this sentence names no one ("Ofsted found that ... . One of
    the most heartening findings was that staff are ‘...’"), else, for a quote
    opening its paragraph, the subject standing at a verb of saying in the
    paragraph before or a sub-heading ("She praised ... and said ..." then a
    quoted paragraph; "WHAT INSPECTORS SAID"). The listener of "told" or
    "asked" ("called on" too) and the subject of a passive ("Inspectors were
    told") never speak; a noun after its determiner ("his comments") is no verb.
    "began", "opens" and "read" attribute only the words set right after them
    ("The report read: “...”"). A subject's head speaks, not what it is of ("The
    Ofsted inspection of Stoke-on-Trent City Council’s children’s services has
    found"); a letter or email is the words of the person the text says wrote
    it ("X has written to ... The letter says:"), else a letter is Ofsted's.
    A quote opening its paragraph and followed by a dash names its speaker after
    the dash (a caption's "‘...’ – Ofsted inspectors have rated ..."). A role with
    no name is the one person the text gives that role, if there is one; "the
    inspector" is the one inspector the text has named; "he" or "she" is the
    person who opens a sentence after the last speaker, else that speaker while
    the speech goes on in the next paragraph.
    Subjects are people (see ``people``), two people joined by "and" (a joint
    statement: speaker "A and B", roles and organisations joined by "; "),
    parties ("the Green Party", "the Lib Dems"), writings named as written ("the
    statement", "the review", "the motion"), a letter in its writer's possessive
    ("Mr Goodwill’s letter"), spokespeople (speaker "<organisation> spokesman"),
    Ofsted and its reports and inspectors (speaker "Ofsted"; role "inspection
    report", "inspectors" or none; organisation "Ofsted"), councils, groups such as
    "young people" as the direct subject of the verb, and pronouns,
    resolved to the last matching speaker: "she"/"he" to the last woman/man or
    person of unknown sex (or, before anyone has spoken, the person named in
    this paragraph or the two above, carried along a chain of such pronouns), "they" to the nearest plural subject
    (inspectors, a joint statement, a party's members) or, as British English speaks of
    organisations in the plural, the last organisation to speak ("Ofsted state
    ... They go on to comment"), "it" to the nearest organisation or report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from importers.extract.paragraphs import BULLET_RE, paragraphs, sentence_ends, trimmed, word_count
from importers.extract.people import (
    LEADING_CONJUNCTION, SPEECH_VERBS, Mention, council_mentions, find_people, is_ofsted_context, organisation_at,
    role_phrase, role_without_name,
)
from importers.extract.scan import lowered
from importers.model import Fact
from importers.trie_pattern import trie_pattern
from importers.vocabulary import find_areas, normalise_rating

__all__ = ["Quote", "extract", "find_quotes", "quote_text_at"]

# Quotation marks by family (name, marks, openers, closers); pairs of the
# first family found mask the later ones.
_FAMILIES = (
    ("double", "\"“”„‟«»", "“„‟«", "”»"),
    ("curly", "‘’‛'", "‘‛", "’"),
    ("straight", "'", "", ""),
)
# A single closing mark (or two straight ones) ending a paragraph, after the words it closes.
_FOREIGN_CLOSER = re.compile(r"(?<=[\w.,!?])(?:’|'')[.,;:!?]?[ \t]*$")
_MARK_RE = re.compile(r"[\"“”„‟«»‘’‛']")
_OPENERS = {"double": "\"“„‟«", "curly": "‘‛", "straight": "'"}
# A curly single opener after a space: a quotation of its own opening.
_OPENER_AHEAD = re.compile(r"(?<=\s)‘(?=\w)")
_BEFORE_OPENER = set("([{—–-/:;\"'“‘«")
_AFTER_CLOSER = set(".,;:!?)]}—–-\"'”’»…")

# Verbs that attribute words to a speaker: the verbs people speak with (shared
# with ``people``), and those a report or its inspectors "speak" with, in the
# present for British English's plural organisations ("Ofsted state that",
# "they go on to comment that").
_VERBS = SPEECH_VERBS | frozenset(
    """saying adding commenting noting welcoming describing continued continues found finds
    find concluded concludes conclude highlighted highlights highlight praised praises observes
    criticised criticises recognised recognises identified identifies judged outlined outlines
    state comment note describe according pointed praise believe believes argue
    commended commends commend applauded applauds attributed attributes credited credits cited cites
    congratulated congratulates discovered discovers revealed reveals called calls
    blasted blasts slammed slams defines define""".split()
)
# Verbs that attribute only the words set right after them: "The damning report from
# OFSTED began “There are serious failures ...”", "The report read: “...”" (never
# "The inspection began in May, and ... ‘...’").
_OPENING_VERBS = frozenset("began begins opens opened read reads".split())
_VERBS = _VERBS | _OPENING_VERBS
# Verbs whose object is the listener, never the speaker: "One parent told inspectors: ...".
_LISTENER_VERBS = frozenset("told tells asked asks answered called calls".split())
# A capitalised word after a sentence's first: perhaps a speaker of its own.
_NAME_INSIDE = re.compile(r"(?<=[\w,;:)])\s+[A-Z]")
# "were told", "were heavily criticised": the subject is the listener or the one judged.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")
# Verbs that only attribute with the word after them.
# "called on X to ..." and "called for ...": a demand is words said ("The Green Party has now
# called on Councillor X ... “to account for ...”"), never "called the special meeting".
_VERB_PARTICLES = {"according": re.compile(r"\s+to\b"), "pointed": re.compile(r"\s+out\b"),
                   "called": re.compile(r"\s+(?:on|for)\b"), "calls": re.compile(r"\s+(?:on|for)\b")}
# A pronoun as the subject of a verb of saying: "she said", "it has found".
# What may stand between a subject and its verb: "she also said", "it has found",
# "they go on to comment".
# "it does, however, argue", "Ofsted, however, said".
_SUBJECT_VERB_GAP = (r"(?:(?:\w+ly|also|then|later|further|has|have|had|does|did|will|would"
                     r"|(?:go|goes|went)\s+on\s+to)(?:\s*,\s*however\s*,)?\s+|,\s*however\s*,\s*)?")
# A statement named by who made it: "A joint statement from the agencies said:",
# "The response from Kent County Council stated"; as a heading over the quoted
# paragraphs: "Statement from Deputy Chief Constable Simon Nickless:",
# "Response from the cabinet member for children and family services".
_STATEMENT = (r"(?:(?:a|an|the|in\s+a)\s+)?(?:joint\s+|short\s+|brief\s+|written\s+|full\s+)?"
              r"(?:statement|response|comment|message)s?\s+(?:(?:issued|released|published|sent)\s+)?"
              r"(?:from|by|on\s+behalf\s+of)\s+(?P<who>[^.,;:!?“”\"\n()]{2,100}?)")
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT}\s*,?\s+{_SUBJECT_VERB_GAP}$", re.IGNORECASE)
_STATEMENT_HEADING = re.compile(rf"[ \t*#>_-]*{_STATEMENT}[ \t*_]*:?[ \t*_]*", re.IGNORECASE)
# Between a role and its verb of saying: "The chief executive also said".
_ROLE_VERB_GAP = re.compile(rf"(?<=\s){_SUBJECT_VERB_GAP}$")
_PRONOUN_BEFORE = re.compile(rf"\b(he|she|they|it|we)\s+{_SUBJECT_VERB_GAP}$", re.IGNORECASE)
_INSPECTORATE_WORDS = frozenset(
    "report reports findings letter inspection visit inspector inspectors watchdog inspectorate "
    "regulator ofsted".split()
)
# People spoken of as a group: speakers only as the direct subject of a verb of
# saying ("Young people described being ‘pushed to do better’").
_GROUP_WORDS = frozenset(
    "children people parents carers families staff workers managers leaders partners leavers "
    "practitioners professionals adopters chiefs bosses officials councillors "
    "parent carer mother father".split()
)
# The group words for one person: "One parent told inspectors: ...".
_ONE_PERSON = ("parent", "carer", "mother", "father")
_GROUP_MODIFIER = re.compile(r"(?:\b(?:young|care|foster|social|frontline|senior|some|many|most|other|council|"
                             r"one|a|another)\s+)+$",
                             re.IGNORECASE)
# What a named person writes: its words are the writer's, once the text says who
# wrote it ("Yvette Stanley ... has written to the council ... The letter says:",
# "Sara Tough ... has emailed staff ... “...,” the email said").
_WRITINGS = frozenset("letter email e-mail".split())
_WROTE_AFTER = re.compile(
    r"(?:\s*,\s*(?:who|which)\b[^,.;:!?“”\"]*,)?\s*,?\s*(?:has\s+|had\s+|also\s+)?"
    r"(?:written|wrote|writes|emailed|e-mailed)\b",
    re.IGNORECASE,
)
# A writing's owner right before it: "Mr Goodwill’s letter", "His latest letter".
_OWNER_BEFORE = re.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|['’]s?)\s+(?:(?:own|latest|recent|formal|open|new|written)\s+)?$"
)
# How far back the writer may be named: the paragraph before, at most.
_WRITER_REACH = 600
# Parts of a report that speak for it: "The first paragraph concludes “...”", "Their
# closing summary says the council is ‘...’"; only after "the", "its", "their" (with an
# ordinal or "closing", "executive") or a report's possessive.
_REPORT_PARTS = frozenset("paragraph summary conclusion conclusions section introduction".split())
_REPORT_PART_BEFORE = re.compile(
    r"\b(?:the|its|their|this|(?:the\s+)?(?:report|inspection|ofsted|inspectors)['’]s?)\s+"
    r"(?:(?:first|opening|second|third|closing|final|last|concluding|executive|overall|key|main|next)\s+)?$",
    re.IGNORECASE,
)
_PARTY_WORDS = frozenset("party dems democrats conservatives tories".split())
# Writings that speak as named where the text names no maker: "The statement said, “...”"
# (Community Care), "The review ... found ... “more rigorous and incisive” interventions"
# (BBC), "The motion said: “...”" (Northampton Chronicle).
_DOCUMENT_WORDS = frozenset("statement review motion amendment resolution".split())
_DOCUMENT_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+((?:[a-z-]+\s+){0,2}?)$")
_AGENT_WORDS = _DOCUMENT_WORDS | (_INSPECTORATE_WORDS | _GROUP_WORDS | _WRITINGS | _REPORT_PARTS
                | {"spokesman", "spokeswoman", "spokesperson", "council", "authority"} | _PARTY_WORDS)
# A political party by its name: "The Green Party has now called on ...", "the Labour Party
# said", "The Lib Dems have also waded in saying", "the Conservatives said".
_PARTY_NAME_BEFORE = re.compile(r"(?<![\w’'])((?:[A-Z][\w’'-]*\s+){1,3})$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# The verbs of saying and the agents' head words, in lower-cased text.
_KEY_WORD_RE = re.compile(rf"(?<![a-z]){trie_pattern(_VERBS | _AGENT_WORDS)}(?![a-z])")
# The same words glued to the word before where a saved page lost a line break: "MORE: Calls
# made for wholesale review amid damning reportInspectors, who reviewed ..., said".
_GLUED_KEY_WORD_RE = re.compile(rf"(?<=[a-z]){trie_pattern(_AGENT_WORDS)}(?![a-z])")
# Reports that are not the inspectorate's.
_OTHER_REPORT = re.compile(
    r"\b(?:council|council['’]s|committee|review|audit|scrutiny|ombudsman|coroner['’]s|own|"
    r"police|annual)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# The start of a noun phrase before its head: "the", "Ofsted's new", "a week-long".
_NOUN_PHRASE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|this|that|ofsted['’]?s?|latest|new|final|full|published|summarised|"
    r"previous|inspection|inspectors['’]|unannounced|focused|monitoring|government|education|"
    r"schools|[a-z]+-(?:day|week|long))(?:\s+(?:ofsted['’]?s?|latest|new|final|full|published|"
    r"summarised|previous|inspection|inspectors['’]|unannounced|focused|monitoring|government|"
    r"education|schools|[a-z]+-(?:day|week|long)))*\s+$",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:local\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_THE_OR_A = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPOKES_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?P<pre>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+)?$")
_SPOKES_AFTER = re.compile(
    r"\s+(?:for|from|at)\s+(?P<org>the\s+(?:local\s+authority|council|authority|department|"
    r"watchdog|inspectorate)\b|(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+(?:for|of|and))?\s+[A-Z][\w'’-]*){0,4})"
)
# Words an unattributed quotation needs to be taken for speech rather than a
# name or slogan in quotation marks.
_UNATTRIBUTED_MINIMUM = 6
# A sub-heading between a statement's paragraphs: a few words, no closing mark.
_HEADING_WORDS = 6
_HEADINGS_PASSED = 2
# A saved page's link to another story, set between a quote's paragraphs and passed over
# like a sub-heading however long: "MORE: Ofsted watchdogs begin inspection of Norfolk
# services for vulnerable children" (EDP), "READ MORE: ...", "Related: ...".
_LINK_LABEL = re.compile(r"\s*(?:MORE|READ MORE|Read more|ALSO READ|Also read|RELATED|Related|SEE ALSO|See also)\s*:")
_HEADING_END = set(".:;!?…\"'”’,")
# Words of a quotation nested in another of the same marks ("a "huge step forward"").
_NESTED_MAXIMUM = 6
_SENTENCE_BEFORE = re.compile(r"[.!?]\s*$")
# Paragraphs read before a quote's own for the antecedents of pronouns.
_CONTEXT_PARAGRAPHS = 2
_GROUP_GAP = re.compile(r"[\s,]*\band\b\s*")
_INTRO_BEFORE = re.compile(r"[:,]\s*$")
# Between a caption's or a transcript's speaker and the words: "Sir Michael Wilshaw: ‘...’".
_CAPTION_GAP = re.compile(r"[ \t]*:[ \t]*")
# How a text that was not cut off ends: a sentence's last mark, or a closing quote.
_TEXT_END = set(".!?…\"'”’)")
_DIRECT_BEFORE = re.compile(
    r"\s*(?:in\s+a\s+(?:joint\s+)?statement\s*)?"
    r"(?:that\s+|as\s+|it\s+was\s+|there\s+(?:is|was|are|were)\s+)?[:,]?\s*$",
    re.IGNORECASE,
)
# A role set off by a comma between a verb and its speaker: "said Ofsted’s national
# director for social care, Yvette Stanley".
_APPOSITION_GAP = re.compile(r"\s+([^,.;:!?“”\"\n]{3,100}?),\s*")
_PHRASE_END = re.compile(r"[,.;:!?“”\"\n(]|\s(?:who|which|and)\s")
# A participle after a comma takes the subject of its sentence, not the nearest noun:
# "And they commend the council for its collaboration, saying ‘...’".
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*$")
# The "by" of a passive verb of saying, in its clause: "criticised by Ofsted",
# "described as ‘...’ by inspectors".
_BY_AGENT = re.compile(r"[^.;:!?\n]{0,60}?\bby\s+")
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")
# An apposition between a speaker and the verb: "Cllr Paul Brothwood, UKIP leader on
# Dudley Council, told".
_APPOSITION_BEFORE = re.compile(rf",[^,.;:!?“”\"\n()]{{2,130}},\s*{_SUBJECT_VERB_GAP}$")
# A parenthesis between a speaker and the verb: "Cllr. Jane Birch (Labour, Kingsthorpe
# South, shadow portfolio for children’s services), says", "Cllr Frank Letch (Liberal
# Democrat, Crediton), said".
_PARENTHESIS_BEFORE = re.compile(r"\([^()\n]{1,150}\)\s*,?\s*$")
_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|their|its|the|a|an|these|those|our|my|your)\s+$")
_ROLE_BEFORE_NAME = re.compile(r"[^,.;:!?“”\"\n]{2,150},\s*")
_OPENING_PRONOUN = re.compile(r"(he|she|they|it|we)\b", re.IGNORECASE)
_PUNCT_GAP = re.compile(r"[\s,.;:!?—–-]*")
_DASH_AFTER = re.compile(r"[ \t]*[.,]?[ \t]*[—–-][ \t]*")
_AGENT_VERB_GAP = re.compile(rf"\s*{_SUBJECT_VERB_GAP}")
# A subject at its verb, perhaps after the comma that closes its apposition.
_SUBJECT_AT_VERB = re.compile(rf"\s*,?\s*{_SUBJECT_VERB_GAP}")
# A relative clause between a subject and its verb: "Jane Smith, who leads the council, said".
_RELATIVE_CLAUSE_BEFORE = re.compile(rf",\s*(?:who|which|whose)\b[^,.;:!?“”\"]*,\s*{_SUBJECT_VERB_GAP}$")
_OF_BETWEEN = re.compile(r"\s+(?:of|into|on)\s+(?:the\s+)?", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?,;]")
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]")
_OFSTED_WORDS = re.compile(r"\b(?:ofsted|watchdog|inspectorate)\b", re.IGNORECASE)
_COUNCIL_WORDS = re.compile(r"(?:the\s+)?council|(?:the\s+)?local\s+authority", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z]+")
_EDGE_PUNCTUATION = " \t\n,.;:!?…"
# Per family, the marks that re-open an inner paragraph of a quote.
_REOPENING = {
    family: re.compile(rf"(\n\s*)[{re.escape(marks + ('”' if family == 'double' else ''))}]")
    for family, marks in _OPENERS.items()
}


@dataclass(frozen=True)
class Quote:
    """A pair of quotation marks and the words between them."""

    open: int  # index of the opening mark
    close: int | None  # index of the closing mark (None: ended with its paragraph)
    start: int  # the quoted words
    end: int
    family: str
    first_paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    role: str | None
    organisation: str | None
    kind: str  # person, group (a joint statement), org, people (a group such as "young people")
    gender: str | None = None
    plural: bool = False


@dataclass(frozen=True)
class _Agent:
    start: int
    end: int
    speaker: _Speaker | None  # None for a pronoun, resolved later
    pronoun: str | None = None


def quote_text_at(text: str, span: tuple[int, int]) -> str:
    """The quoted words at ``span``: its text, less the re-opening marks.

    Inside a quote of several paragraphs each inner paragraph opens with a
    quotation mark of the same family as the quote's own; those are dropped,
    every other character (newlines included) is kept.
    """
    start, end = span
    chunk = text[start:end]
    if "\n" not in chunk:
        return chunk
    opening = start - 1
    while opening >= 0 and text[opening].isspace():
        opening -= 1
    family = next((name for name, chars in _OPENERS.items() if opening >= 0 and text[opening] in chars), None)
    if family is None:
        return chunk
    return _REOPENING[family].sub(r"\1", chunk)


# --- pairing marks ----------------------------------------------------------------


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(looks like an opener, looks like a closer) for the mark at ``i``."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    left = (prev.isspace() or prev in _BEFORE_OPENER) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER)
    return left, right


def _role(text: str, i: int, family: str, openers: str, closers: str, is_open: bool,
          para_end: int) -> str | None:
    """"open", "close" or None (not a quotation mark here)."""
    ch = text[i]
    left, right = _flanks(text, i)
    if family != "double":
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # an apostrophe: children’s, don't
        if family == "curly" and ch == "'":
            return _straight_closer(text, i, is_open, right, para_end)
        if ch in openers or (family == "straight" and not is_open):
            return "open" if left and (nxt.isalnum() or nxt in "\"“‘") else None
        if not is_open and left and nxt.isalnum() and _closer_after(text, i + 1, para_end, ch):
            return "open"  # a closing mark typed as the opener: it found ’a slow pace of change’
        if not is_open or prev.isspace():
            return None
        if prev in "sS" and _LOWERCASE_NEXT.match(text, i + 1, i + 3) and _closer_after(
                text, i + 1, para_end, ch) and not _OPENER_AHEAD.search(
                text, i + 1, _closer_at(text, i + 1, para_end, ch)):
            # A plural possessive (the parents’ views) inside the quote; never where a
            # new quotation opens before the next closer (‘SERIOUS and widespread
            # failures’ have been identified ... a damning, ‘inadequate’ report).
            return None
        return "close"
    if ch in openers:
        return "close" if is_open and right and not left else "open"
    if ch in closers:
        if is_open:
            return "close"
        return "open" if left and not right else None
    # A straight double quote: its neighbours decide, then whether one is open.
    if is_open:
        return "open" if left and not right else "close"
    return None if right and not left else "open"


def _straight_closer(text: str, i: int, is_open: bool, right: bool, para_end: int) -> str | None:
    """A straight mark closing a curly opener, as some sites print them (The MJ's "Sir
    Michael Wilshaw said he was ‘very tempted' to identify", CYP Now's "a ‘requires
    improvement' rating"): it only closes, never where a plural possessive stands inside
    the quote (‘the parents' views are heard’)."""
    if not is_open or not right:
        return None
    if text[i - 1] in "sS" and _LOWERCASE_NEXT.match(text, i + 1, i + 3) and (
            _closer_after(text, i + 1, para_end, "’") or _closer_after(text, i + 1, para_end, "'")):
        return None
    return "close"


def _nested_close(text: str, i: int, marks: list[int]) -> int | None:
    """The closing mark of a short quotation nested inside an open one of the
    same marks, mid-sentence, as in Neil Burden said: "... the team described
    the progress as a "huge step forward" for the council and ...", or
    ‘... we are pleased the report confirms ‘strong leadership’ is now in place.’"""
    before = text[max(0, i - 2):i]
    if len(before) < 2 or not before[1].isspace() or not (before[0].islower() or before[0] == ","):
        return None
    later = [j for j in marks if j > i and not (text[j - 1].isalnum() and text[j + 1:j + 2].isalnum())]
    if not later:
        return None  # (apostrophes between letters are passed over: ‘children’s services’)
    j = later[0]
    _, closes = _flanks(text, j)
    if not closes or word_count(text[i + 1:j]) > _NESTED_MAXIMUM:
        return None
    return j


def _closer_after(text: str, start: int, end: int, mark: str) -> bool:
    return _closer_at(text, start, end, mark) < end


def _closer_at(text: str, start: int, end: int, mark: str) -> int:
    """Where the next ``mark`` that could close a quote stands (``end`` if none)."""
    for i in range(start, end):
        if text[i] == mark and not (i + 1 < len(text) and text[i + 1].isalnum()):
            return i
    return end


def find_quotes(text: str) -> list[Quote]:
    """Every pair of quotation marks in ``text`` (scare quotes included), in order."""
    paras = paragraphs(text)
    para_starts = [start for start, _ in paras]
    found: list[Quote] = []
    masked: list[tuple[int, int]] = []
    all_marks = [m.start() for m in _MARK_RE.finditer(text)]
    for family, marks_of_family, openers, closers in _FAMILIES:
        by_paragraph: dict[int, list[int]] = {}
        for pos in all_marks:
            if text[pos] in marks_of_family and not _inside(masked, pos):
                index = bisect.bisect_right(para_starts, pos) - 1
                if index >= 0 and pos < paras[index][1]:
                    by_paragraph.setdefault(index, []).append(pos)
        own: list[Quote] = []
        state: tuple[int, int] | None = None  # (opening mark, its paragraph)
        previous_index = -1
        for index, marks in sorted(by_paragraph.items()):
            p_start, p_end = paras[index]
            if state is not None:
                if (index == previous_index + 1 and marks[0] == p_start
                        and text[p_start] in _OPENERS[family]):
                    marks = marks[1:]  # the mark that re-opens a quote's next paragraph
                elif index == previous_index + 1 and _wrapped(text, paras[previous_index][1], p_start):
                    pass  # a sentence broken by a stray paragraph break runs on
                elif index == previous_index + 1 and family == "double" and text[marks[0]] == "”":
                    # A speech whose next paragraph lost its re-opening mark but closes it:
                    # Richard said that “my office has had concerns ... / Meanwhile I will be
                    # looking at any outstanding cases ... for a surgery appointment.”
                    pass
                else:
                    _unterminated(text, paras, state, previous_index, family, own)
                    state = None
            nested: set[int] = set()
            for i in marks:
                if i in nested:
                    continue
                role = _role(text, i, family, openers, closers, state is not None, p_end)
                if role == "open" and state is not None and family != "straight":
                    inner = _nested_close(text, i, marks)
                    if inner is not None:
                        nested.add(inner)
                        continue
                    if _SENTENCE_BEFORE.search(text, max(p_start, i - 4), i):
                        # A speech re-opened after a full stop, as where a paragraph
                        # break was lost: the words so far are one quote.
                        _add(text, own, state[0], i, None, family, state[1], index)
                if role == "open":
                    state = (i, index)
                elif role == "close" and state is not None:
                    _add(text, own, state[0], i, i, family, state[1], index)
                    state = None
            if state is not None and family == "double":
                foreign = _FOREIGN_CLOSER.search(text, max(state[0], p_start), p_end)
                if foreign is not None and "‘" not in text[state[0]:foreign.start()]:
                    # A double quotation closed by a single mark where its paragraph ends:
                    # “... significantly improving children’s services’. (Hackney), "... is
                    # inadequate''. (a typewriter's two single marks, the Yorkshire Post).
                    _add(text, own, state[0], foreign.start(), foreign.start(), family, state[1], index)
                    state = None
            if state is not None and family == "straight" and not _introduced(text, paras, state):
                state = None  # an apostrophe, not a speech running on into the next paragraph
            previous_index = index
        if state is not None:
            _unterminated(text, paras, state, previous_index, family, own)
        found.extend(own)
        masked = sorted(masked + [(q.open, (q.close if q.close is not None else q.end) + 1) for q in own])
    found.sort(key=lambda q: q.open)
    return found


def _wrapped(text: str, end: int, start: int) -> bool:
    """Whether a paragraph break at ``end``..``start`` falls inside a sentence, as in
    a saved page whose lines were broken mid-sentence ("I know that" / "they get a
    lot of grief ..."): the paragraph ends on a word and the next opens in lower case."""
    return text[end - 1:end].isalnum() and text[start:start + 1].islower()


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _add(text: str, out: list[Quote], open_mark: int, end: int, close: int | None, family: str,
         first: int, last: int) -> None:
    start, end = trimmed(text, open_mark + 1, end)
    if start < end:
        out.append(Quote(open_mark, close, start, end, family, first, last))


def _introduced(text: str, paras, state: tuple[int, int]) -> bool:
    """Whether a quote opens its paragraph or follows a colon or comma."""
    open_mark, first = state
    p_start = paras[first][0]
    return open_mark == p_start or bool(_INTRO_BEFORE.search(text, p_start, open_mark))


def _unterminated(text: str, paras, state: tuple[int, int], last: int, family: str, out: list[Quote]) -> None:
    """Keep a quote left open at its last paragraph's end if it was introduced.

    A saved excerpt of a page may stop in the middle of a quotation: where the
    quote runs to the end of a text that stops mid-sentence, only its whole
    paragraphs are kept (none: no quote).
    """
    open_mark, first = state
    if not _introduced(text, paras, state):
        return
    if last == len(paras) - 1 and text.rstrip()[-1:] not in _TEXT_END:
        last -= 1
        if last < first:
            return
    _add(text, out, open_mark, paras[last][1], None, family, first, last)


# --- speakers ---------------------------------------------------------------------


def _person_agents(text: str, mentions: tuple[Mention, ...]) -> list[_Agent]:
    """People, with two joined by "and" (a joint statement) as one plural agent."""
    agents: list[_Agent] = []
    group: list[Mention] = []
    for mention in mentions:
        if group and _GROUP_GAP.fullmatch(text, group[-1].extent[1], mention.extent[0]):
            group.append(mention)
            continue
        if group:
            agents.append(_group_agent(group))
        group = [mention]
    if group:
        agents.append(_group_agent(group))
    return agents


def _group_agent(group: list[Mention]) -> _Agent:
    start, end = group[0].extent[0], group[-1].extent[1]
    if len(group) == 1:
        m = group[0]
        return _Agent(start, end, _Speaker(m.name, m.role, m.organisation, "person", m.gender))
    names = [m.name for m in group]
    name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    roles = [m.role for m in group if m.role]
    orgs = list(dict.fromkeys(m.organisation for m in group if m.organisation))
    return _Agent(start, end, _Speaker(name, "; ".join(roles) or None, "; ".join(orgs) or None,
                                       "group", None, True))


def _scan(text: str, blocked: list[tuple[int, int]], ranges: list[tuple[int, int]]):
    """One pass over the words outside quotation marks in ``ranges``: (verbs, agent
    head words, passives: verb start -> where its "by" agent starts)."""
    verbs: list[tuple[int, int]] = []
    heads: list[tuple[int, int, str]] = []
    passives: dict[int, int] = {}
    folded = lowered(text)
    if len(folded) != len(text):  # a few characters lower-case to two ("İ"): keep positions
        folded = text.translate(_ASCII_LOWER)
    matches = sorted((m for start, end in ranges for pattern in (_KEY_WORD_RE, _GLUED_KEY_WORD_RE)
                      for m in pattern.finditer(folded, start, end)
                      if pattern is _KEY_WORD_RE or (text[m.start()].isupper() and text[m.start() - 1].islower())),
                     key=lambda m: m.start())
    for match in matches:
        word = match.group()
        if word in _VERBS:
            if _inside(blocked, match.start()) or _DETERMINER_BEFORE.search(folded, max(0, match.start() - 8),
                                                                              match.start()):
                continue  # a noun after its determiner: "his comments", "the findings", "its states"
            if _PASSIVE_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
                # "Inspectors were told": the subject is the listener; a passive's
                # speaker is its "by" agent ("has been criticised by Ofsted for “...”").
                by = _BY_AGENT.match(folded, match.end())
                if by is None:
                    continue
                passives[match.start()] = by.end()
            end = match.end()
            particle = _VERB_PARTICLES.get(word)
            if particle is not None:
                follow = particle.match(text, end)
                if not follow:
                    continue
                end = follow.end()
            verbs.append((match.start(), end))
        elif word in _AGENT_WORDS and not _inside(blocked, match.start()):
            heads.append((match.start(), match.end(), word))
    return verbs, heads, passives


def _agents(text: str, ctx, blocked: list[tuple[int, int]], verbs, heads) -> list[_Agent]:
    authority = getattr(ctx, "authority", None)
    ofsted = is_ofsted_context(text, getattr(ctx, "kind", None))
    agents = _person_agents(text, find_people(text, ctx))
    taken = sorted((a.start, a.end) for a in agents)
    verb_starts = {v[0] for v in verbs}
    others: list[_Agent] = []
    for start, end, word in heads:
        if _overlaps(taken, start, end):
            continue
        writer = _writer_before(text, start, agents) if word in _WRITINGS else None
        owner = _owner_before(text, start, agents) if word in _WRITINGS and writer is None else None
        if owner is not None:
            agent = owner
        elif writer is not None:
            agent = _Agent(_THE_BEFORE.search(text, max(0, start - 12), start).start(), end, writer.speaker)
        elif word in _WRITINGS and word != "letter":
            continue  # an email nobody is said to have written
        elif word in _GROUP_WORDS:
            agent = _group_of_people(text, start, end, verb_starts)
        elif word == "inspector" and (named := _the_inspector(text, start, agents)) is not None:
            agent = named
        elif word in _DOCUMENT_WORDS:
            agent = _document(text, start, end)
        elif word in _PARTY_WORDS:
            agent = _party(text, start, end)
        elif word.startswith("spokes"):
            agent = _spokesperson(text, start, end, word, authority, ofsted)
        elif word in ("council", "authority"):
            before = _THE_BEFORE.search(text, max(0, start - 12), start)
            if not before or _POSSESSIVE_AFTER.match(text, end):
                continue
            org = organisation_at(text, "the council", start, authority)
            agent = _Agent(before.start(), end, _Speaker(org, None, org, "org"))
        else:
            agent = (_report_part(text, start, end, ofsted) if word in _REPORT_PARTS
                     else _inspectorate(text, start, end, word, ofsted))
        if agent is not None:
            others.append(agent)
    for start, end, canonical in council_mentions(text):
        if _POSSESSIVE_AFTER.match(text, end):
            continue  # "the review of Gloucestershire County Council’s services ... questioned": not the subject
        if text[start:end] != canonical and not _overlaps(taken, start, end) and not _inside(blocked, start):
            org = organisation_at(text, canonical, start, authority)
            others.append(_Agent(start, end, _Speaker(org, None, org, "org")))
    for v_start, _ in verbs:
        match = _PRONOUN_BEFORE.search(text, max(0, v_start - 24), v_start)
        if match and not _inside(blocked, match.start()):
            others.append(_Agent(match.start(1), match.end(1), None, match.group(1).lower()))
        elif (statement := _STATEMENT_BEFORE.search(text, max(0, v_start - 160), v_start)) is not None:
            others.append(_statement_agent(text, statement, agents, authority, ofsted))
        elif (role := _role_subject(text, v_start, authority, agents)) is not None and not _overlaps(
                taken, role.start, role.end):
            others.append(role)
    others.sort(key=lambda a: (a.start, -a.end))
    # A spokesperson's phrase holds its council ("a spokeswoman for the council"): keep the outer.
    kept: list[_Agent] = []
    for agent in others:
        if kept and agent.start < kept[-1].end:
            continue
        kept.append(agent)
    agents.extend(kept)
    agents.sort(key=lambda a: (a.start, a.end))
    return agents


def _statement_agent(text: str, match: re.Match[str], people: list[_Agent], authority: str | None,
                     ofsted: bool) -> _Agent:
    """The statement of ``match`` as an agent, spoken by its maker."""
    start, end = match.span("who")
    return _Agent(match.start(), end, _maker(text, start, end, people, authority, ofsted))


def _maker(text: str, start: int, end: int, people: list[_Agent], authority: str | None,
           ofsted: bool) -> _Speaker:
    """Who made a statement named by ``text[start:end]``: a person named in it, a
    role ("the cabinet member for ..."), a council or Ofsted, else the words as
    written ("the three agencies"), a joint statement's makers spoken of as "they"."""
    speaker = next((a.speaker for a in people if start <= a.start and a.end <= end), None)
    if speaker is None:
        offset = max(0, start - 1)
        role = role_without_name(text[offset:end] + " ", end - offset + 1, authority)
        role = role and replace(role, start=role.start + offset, end=role.end + offset)
        if role is not None and role.start >= start:
            speaker = _Speaker(role.name, role.role, role.organisation, "person")
    if speaker is None:
        who = text[start:end]
        org = _organisation(text, who, start, authority, ofsted)
        name = org or _SPACES.sub(" ", _THE_OR_A.sub("", who))
        plural = " and " in who or who.rstrip().endswith("s")
        speaker = _Speaker(name, None, org, "group" if plural else "org", None, plural)
    return speaker


def _role_subject(text: str, v_start: int, authority: str | None, people: list[_Agent]) -> _Agent | None:
    """A speaker named by role alone as the subject of a verb of saying: "The chief
    executive of Kent County Council said", "Ofsted's Chief Operating Officer
    explained how ... He said"; the role as written is the speaker. Spokespeople and
    inspectors have rules of their own."""
    gap = _ROLE_VERB_GAP.search(text, max(0, v_start - 40), v_start)
    role = role_without_name(text, gap.start(), authority) if gap else None
    if role is None or _SPACES.split(role.role)[-1].casefold().startswith(("spokes", "inspector")):
        return None
    return _Agent(role.start, role.end, _holder(role, people))


# Words that make a role another one: a deputy chief executive is not the chief executive.
_OTHER_RANKS = frozenset("deputy assistant vice former shadow previous associate".split())


def _holder(role, people: list[_Agent]) -> _Speaker:
    """The one person the text names with ``role`` (a ``RoleOnly``), else the role as written:
    "executive director says" in a headline over "new executive director of the department
    Sara Tough" is Sara Tough; "the chief executive said" after "Chief executive Jane Smith"."""
    wanted = _WORD_RE.findall(role.role.casefold())
    holders = {a.speaker.name: a.speaker for a in people
               if a.speaker is not None and a.speaker.kind == "person" and a.speaker.role
               and _holds(_WORD_RE.findall(a.speaker.role.casefold()), wanted)}
    if len(holders) == 1:
        return next(iter(holders.values()))
    return _Speaker(role.name, role.role, role.organisation, "person")


def _holds(have: list[str], wanted: list[str]) -> bool:
    """Whether a role's words hold another's head and all its words in order ("new executive
    director of the department" holds "executive director", never "director of education")."""
    if not wanted or wanted[-1] not in have or any(w in _OTHER_RANKS and w not in wanted for w in have):
        return False
    head = have.index(wanted[-1])
    before = have[:head + 1]
    i = 0
    for word in before:
        if i < len(wanted) and word == wanted[i]:
            i += 1
    return i == len(wanted)


def _writer_before(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """The person the text names as the writer of "the letter" at ``start``: the
    nearest before it who "has written", "wrote" or "has emailed"."""
    if not _THE_BEFORE.search(text, max(0, start - 12), start):
        return None
    for agent in reversed(people):
        if agent.end <= start - _WRITER_REACH:
            break
        if agent.end <= start and agent.speaker.kind == "person" and _WROTE_AFTER.match(text, agent.end):
            return agent
    return None


def _owner_before(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """A letter or email in the possessive of a person, or of "his", "her", "their":
    its writer's words ("Mr Goodwill’s letter confirmed", "His letter says: “...”")."""
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner is None:
        return None
    if owner.group("pronoun"):
        pronoun = owner.group("pronoun").lower()
        return _Agent(owner.start(), start, None, {"his": "he", "her": "she"}.get(pronoun, "they"))
    person = next((a for a in reversed(people) if a.end == owner.start()), None)
    if person is None or person.speaker.kind not in ("person", "group"):
        return None
    return _Agent(person.start, start, person.speaker)


def _group_of_people(text: str, start: int, end: int, verb_starts: set[int]) -> _Agent | None:
    gap = _AGENT_VERB_GAP.match(text, end)
    if gap is None or gap.end() not in verb_starts:
        return None
    modifier = _GROUP_MODIFIER.search(text, max(0, start - 30), start)
    begin = modifier.start() if modifier else start
    name = _SPACES.sub(" ", text[begin:end]).lower()
    return _Agent(begin, end, _Speaker(name, None, None, "people", None, not name.endswith(_ONE_PERSON)))


def _the_inspector(text: str, start: int, people: list[_Agent]) -> _Agent | None:
    """"The inspector" after the text has named one inspector: that inspector ("Inspector
    Claire Beckingham discovered that ... The inspector found ... plans “did not progress
    ...”"); never where it has named none or several."""
    before = _THE_BEFORE.search(text, max(0, start - 12), start)
    if before is None:
        return None
    named = {a.speaker.name: a.speaker for a in people if a.end <= start and a.speaker.kind == "person"
             and "inspector" in (a.speaker.role or "").casefold()}
    if len(named) != 1:
        return None
    return _Agent(before.start(), start + len("inspector"), next(iter(named.values())))


def _document(text: str, start: int, end: int) -> _Agent | None:
    """A statement, review or motion after its determiner, named as written ("joint statement")."""
    before = _DOCUMENT_BEFORE.search(text, max(0, start - 30), start)
    if before is None or _POSSESSIVE_AFTER.match(text, end):
        return None
    name = _SPACES.sub(" ", text[before.start(1):end])
    return _Agent(before.start(), end, _Speaker(name, None, None, "org"))


def _party(text: str, start: int, end: int) -> _Agent | None:
    """A party named with a capital ("the Green Party", "the Lib Dems", "Tories"), never
    "the party"; its members in the plural are spoken of as "they"."""
    if not text[start:end].istitle():
        return None
    name = _PARTY_NAME_BEFORE.search(text, max(0, start - 40), start)
    if name is None and text[start:end].casefold() == "party":
        return None
    begin = name.start() if name else start
    written = _THE_OR_A.sub("", _SPACES.sub(" ", text[begin:end]))
    return _Agent(begin, end, _Speaker(written, None, written, "org", None, not written.endswith("Party")))


def _spokesperson(text: str, start: int, end: int, word: str, authority, ofsted) -> _Agent | None:
    """"a spokeswoman for the council", "a Department for Education spokesperson".

    The speaker is the spokesperson, named by the organisation they speak for
    ("Croydon Council spokesman"), else as written ("council spokesman")."""
    before = _SPOKES_BEFORE.search(text, max(0, start - 50), start)
    if not before:
        return None
    after = _SPOKES_AFTER.match(text, end)
    org_text = (after.group("org") if after else None) or before.group("pre") or ""
    org = _organisation(text, org_text, start, authority, ofsted)
    written = _SPACES.sub(" ", f"{before.group('pre') or ''} {word}").strip()
    # A spokesperson is a person: "A spokesman for the Conservative party ... said ... He said: “...”".
    gender = {"spokesman": "m", "spokeswoman": "f"}.get(word)
    return _Agent(before.start(), after.end() if after else end,
                  _Speaker(f"{org} {word}" if org else written, word, org, "person", gender))


def _inspectorate(text: str, start: int, end: int, word: str, ofsted: bool) -> _Agent | None:
    """Ofsted, its reports and its inspectors as the subject of a verb of saying."""
    if word == "ofsted" and text[end:end + 1] in ("'", "’"):
        return None  # "Ofsted's report": the report is the subject
    if word.startswith("report") and _OTHER_REPORT.search(text, max(0, start - 40), start):
        return None
    if word in ("ofsted", "watchdog", "inspectorate", "regulator"):
        role, plural = None, False
    elif word.startswith("inspector"):
        role, plural = "inspectors", word.endswith("s")
    else:
        role, plural = "inspection report", False
    words_before = _NOUN_PHRASE_BEFORE.search(text, max(0, start - 50), start)
    begin = words_before.start() if words_before else start
    # Where the text never names Ofsted, the inspectorate is named as the text names
    # it ("the report states", "inspectors said").
    name = "Ofsted" if ofsted else _SPACES.sub(" ", text[begin:end])
    return _Agent(begin, end, _Speaker(name, role, "Ofsted" if ofsted else None, "org", None, plural))


def _report_part(text: str, start: int, end: int, ofsted: bool) -> _Agent | None:
    """A part of the inspection report as the subject of a verb of saying."""
    before = _REPORT_PART_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _OTHER_REPORT.search(text, max(0, before.start() - 40), before.start() + 1):
        return None
    name = "Ofsted" if ofsted else _SPACES.sub(" ", text[before.start():end])
    return _Agent(before.start(), end, _Speaker(name, "inspection report", "Ofsted" if ofsted else None, "org"))


def _organisation(text: str, phrase: str, pos: int, authority: str | None, ofsted: bool) -> str | None:
    phrase = phrase.strip()
    if not phrase:
        return None
    if _OFSTED_WORDS.search(phrase):
        return "Ofsted" if ofsted else None
    if _COUNCIL_WORDS.fullmatch(phrase):
        return organisation_at(text, "the council", pos, authority)
    return organisation_at(text, phrase, pos, authority)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1))
    return any(s < end and start < e for s, e in spans[max(0, i - 3):i])


class _Attributor:
    """Finds and resolves the speaker of each quote of one document."""

    def __init__(self, text: str, ctx, quotes: list[Quote]) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        blocked = sorted((q.open, (q.close if q.close is not None else q.end) + 1) for q in quotes)
        self.blocked = blocked
        self.verbs, heads, self.passives = _scan(text, blocked, self._relevant(quotes))
        self.participles = {v_start for v_start, v_end in self.verbs if text[v_end - 3:v_end].lower() == "ing"}
        self.agents = _agents(text, ctx, blocked, self.verbs, heads)
        self.people = _person_agents(text, find_people(text, ctx))
        self.authority = getattr(ctx, "authority", None)
        self.ofsted = is_ofsted_context(text, getattr(ctx, "kind", None))
        self.agent_starts = [a.start for a in self.agents]
        self.verb_starts = [v[0] for v in self.verbs]
        self.ends: dict[int, list[int]] = {}
        # What was said by whom, for pronouns: (position, speaker).
        self.history: list[tuple[int, _Speaker]] = []
        for v_start, _ in self.verbs:
            s_start = self._sentence_start(v_start)
            agent = self._subject_of(v_start, s_start)
            if agent is not None and agent.speaker is not None and agent.speaker.name:
                self.history.append((v_start, agent.speaker))
            elif agent is not None and agent.pronoun in ("he", "she"):
                # A chain of pronouns ("In a letter, Inspector Pauline Higham said ...
                # She said ... But she raised ... She also said ‘...’") carries its
                # antecedent past the paragraphs read for a lone pronoun.
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    self.history.append((v_start, speaker))

    def _relevant(self, quotes: list[Quote]) -> list[tuple[int, int]]:
        """The text worth reading for speakers: each quote's paragraphs and the
        two before them (where a pronoun's antecedent is usually found)."""
        wanted: set[int] = set()
        for quote in quotes:
            first = max(0, quote.first_paragraph - _CONTEXT_PARAGRAPHS)
            wanted.update(range(first, quote.last_paragraph + 1))
        ranges: list[tuple[int, int]] = []
        for index in sorted(wanted):
            start, end = self.paras[index]
            if ranges and index - 1 in wanted:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges

    # sentences ---------------------------------------------------------------

    def _sentence_ends(self, index: int) -> list[int]:
        ends = self.ends.get(index)
        if ends is None:
            p_start, p_end = self.paras[index]
            ends = [e for e in sentence_ends(self.text, p_start, p_end) if not _inside(self.blocked, e - 1)]
            self.ends[index] = ends
        return ends

    def _paragraph(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def _sentence_start(self, pos: int) -> int:
        index = self._paragraph(pos)
        ends = self._sentence_ends(index) if self.paras else []
        i = bisect.bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 else self.paras[index][0] if self.paras else 0

    def _sentence_end(self, pos: int) -> int:
        index = self._paragraph(pos)
        ends = self._sentence_ends(index) if self.paras else []
        i = bisect.bisect_right(ends, pos)
        return ends[i] if i < len(ends) else self.paras[index][1] if self.paras else len(self.text)

    # agents and verbs --------------------------------------------------------

    def _agent_before(self, pos: int, floor: int) -> _Agent | None:
        """The agent ending nearest before ``pos`` and starting after ``floor``."""
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        best = None
        while i >= 0 and self.agents[i].start >= floor:
            agent = self.agents[i]
            if agent.end <= pos and (best is None or agent.end > best.end):
                best = agent
            i -= 1
        return best

    def _subject_of(self, v_start: int, floor: int) -> _Agent | None:
        """The agent before a verb of saying, passing over a relative clause set
        off by commas ("Jane Smith, who leads the council, said")."""
        if v_start in self.passives:
            agent = self._agent_after(self.passives[v_start], self.passives[v_start] + 1)
            return agent if agent is not None and agent.speaker is not None else None
        if (v_start in self.participles and _PARTICIPLE_AFTER_COMMA.search(
                self.text, max(floor, v_start - 3), v_start)) or _AND_BEFORE.search(
                self.text, max(floor, v_start - 12), v_start):
            # A participle after a comma, or a verb after "and" or "but" ("Coun Peter
            # McDonald slammed the findings and told the meeting ...", "The council
            # welcomed the report, but said it was “...”"), shares its sentence's
            # subject, never the object just before it.
            subject = self._sentence_subject(floor, v_start)
            if subject is not None:
                return subject
        clause = (_RELATIVE_CLAUSE_BEFORE.search(self.text, max(floor, v_start - 160), v_start)
                  or _PARENTHESIS_BEFORE.search(self.text, max(floor, v_start - 160), v_start))
        agent = self._agent_before(clause.start() if clause else v_start, floor)
        # A person set off from the verb by an apposition naming something else:
        # "Cllr Paul Brothwood, UKIP leader on Dudley Council, told the News",
        # "Ruth Love, a co-opted member of the council’s ... committee, told a meeting".
        apposition = _APPOSITION_BEFORE.search(self.text, max(floor, v_start - 160), v_start)
        if apposition is not None and (agent is None or agent.speaker is None or agent.speaker.kind != "person"):
            named = self._agent_before(apposition.start() + 1, floor)
            if (named is not None and named.speaker is not None and named.speaker.kind == "person"
                    and named.end >= apposition.start()):
                return named
        # A subject whose head is followed by what it is of: "The Ofsted inspection of
        # Stoke-on-Trent City Council’s children’s services has found", "A report into
        # the council said": the head speaks, not the council it is about.
        head = self._agent_before(agent.start, floor) if agent is not None else None
        if head is not None and head.speaker is not None and _OF_BETWEEN.fullmatch(self.text, head.end, agent.start):
            return head
        return agent

    def _subject_start(self, floor: int) -> int:
        lead = LEADING_CONJUNCTION.match(self.text, floor)
        return lead.end() if lead else floor

    def _sentence_subject(self, floor: int, pos: int) -> _Agent | None:
        """The agent that opens the sentence at ``floor``, perhaps after a
        conjunction ("And they commend ...", "The report praised ...")."""
        lead = LEADING_CONJUNCTION.match(self.text, floor, pos)
        start = lead.end() if lead else floor
        pronoun = _OPENING_PRONOUN.match(self.text, start, pos)
        if pronoun:
            return _Agent(pronoun.start(1), pronoun.end(1), None, pronoun.group(1).lower())
        agent = self._agent_after(start, pos)
        if agent is not None and agent.start == start:
            return agent
        # A sentence that opens on a role set off before its name: "Society of Local
        # Authority Chief Executives director, Graeme McDonald, said ... and pointed out".
        role = _ROLE_BEFORE_NAME.match(self.text, start, pos)
        agent = self._agent_after(role.end(), pos) if role else None
        if (agent is not None and agent.start == role.end() and agent.speaker is not None
                and agent.speaker.kind == "person" and self.text[agent.end:agent.end + 1] == ","):
            return agent
        return None

    def _agent_after(self, pos: int, limit: int) -> _Agent | None:
        i = bisect.bisect_left(self.agent_starts, pos)
        return self.agents[i] if i < len(self.agents) and self.agents[i].start < limit else None

    def _verbs_in(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.verb_starts, start)
        hi = bisect.bisect_left(self.verb_starts, end)
        return self.verbs[lo:hi]

    # resolution --------------------------------------------------------------

    def _resolve(self, agent: _Agent, sentence_start: int) -> _Speaker | None:
        if agent.speaker is not None:
            return agent.speaker if (agent.speaker.name or agent.speaker.role) else None
        pronoun = agent.pronoun
        # Who spoke before the agent, latest first; read back only as far as needed
        # (copying the whole history for every pronoun was quadratic in long texts).
        count = bisect.bisect_left(self.history, agent.start, key=lambda h: h[0])

        def earlier() -> Iterator[_Speaker]:
            return (self.history[i][1] for i in range(count - 1, -1, -1))

        if pronoun in ("he", "she"):
            gender = "f" if pronoun == "she" else "m"
            # A speaker of that sex, else a person of that sex named just before, in
            # this paragraph or the two above ("X presented the report. She said: ...";
            # a speech quoted over paragraphs that names "Lord Norman Warner" and goes
            # on "He also says"), before anyone whose sex the text never gives (a
            # speaker named only by role).
            # A person who opens a sentence after the last such speaker spoke is the one
            # meant ("But Coun Box was heavily critical of press coverage ... Addressing
            # councillors, he said: ...", after an earlier speaker).
            floor = self._context_floor(agent.start)
            genders = (gender, None)
            spoke, speaker = next(((self.history[i][0], self.history[i][1]) for i in range(count - 1, -1, -1)
                                   if self.history[i][1].kind == "person" and self.history[i][1].gender in genders),
                                  (floor, None))
            subject = self._nearest_subject(max(floor, spoke), agent.start, genders)
            if subject is not None:
                return subject
            if speaker is not None and self._paragraph(agent.start) - self._paragraph(spoke) <= 1:
                # The speaker of this paragraph or the one before goes on ("Graeme McDonald,
                # said Sir Michael was ‘...' ... He added: ‘...'"), whatever sex an earlier
                # speaker is known to be.
                return speaker
            for wanted in genders:
                match = next((s for s in earlier() if s.kind == "person" and s.gender == wanted), None)
                match = match or self._nearest(
                    floor, agent.start, lambda s: s.kind == "person" and s.gender == wanted)
                if match:
                    return match
            return None
        if pronoun == "they":
            # The nearest plural, or an organisation spoken of in the plural as
            # British English does ("Ofsted state that ... They go on to comment that").
            # Before anyone has spoken, the plural named in this paragraph or the two
            # above ("Ofsted inspectors trawled records ... This early involvement,
            # they say, ‘...’").
            near = self._nearest(sentence_start, agent.start, lambda s: s.plural)
            return near or next((s for s in earlier() if s.plural or s.kind == "org"), None) or self._nearest(
                self._context_floor(agent.start), agent.start, lambda s: s.plural)
        if pronoun == "it":
            # Before any organisation has spoken, the one named in this paragraph or the two
            # above: "... throughout former chief inspector Denise Platt’s report. “...,” it said."
            near = self._nearest(sentence_start, agent.start, lambda s: s.kind == "org" and not s.plural)
            return near or next((s for s in earlier() if s.kind == "org" and not s.plural), None) or self._nearest(
                self._context_floor(agent.start), agent.start, lambda s: s.kind == "org" and not s.plural)
        return next(earlier(), None)

    def _nearest_subject(self, floor: int, pos: int, genders: tuple[str | None, ...]) -> _Speaker | None:
        """The last person of one of ``genders`` between ``floor`` and ``pos`` who opens
        a sentence (perhaps after "But", "And")."""
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        while i >= 0 and self.agents[i].start >= floor:
            agent = self.agents[i]
            speaker = agent.speaker
            if (speaker is not None and speaker.name and speaker.kind == "person" and speaker.gender in genders
                    and agent.start == self._subject_start(self._sentence_start(agent.start))):
                return speaker
            i -= 1
        return None

    def _context_floor(self, pos: int) -> int:
        """Where the paragraphs read for a pronoun's antecedent start."""
        above = max(0, self._paragraph(pos) - _CONTEXT_PARAGRAPHS)
        return self.paras[above][0] if self.paras else 0

    def _nearest(self, floor: int, pos: int, wanted) -> _Speaker | None:
        i = bisect.bisect_left(self.agent_starts, pos) - 1
        while i >= 0 and self.agents[i].start >= floor:
            speaker = self.agents[i].speaker
            if speaker is not None and speaker.name and wanted(speaker):
                return speaker
            i -= 1
        return None

    def attribute(
        self, quote: Quote, previous_end: int | None, previous: tuple[Quote, _Speaker | None] | None,
    ) -> tuple[_Speaker | None, bool]:
        """(speaker or None, whether the attribution is adjacent to the quote).

        ``previous_end`` is where the quote before this one ended, so a quote
        broken by its attribution reads the words between the two halves;
        ``previous`` is the last quote kept, with its speaker, for speeches
        that run on into the next paragraph.
        """
        text = self.text
        s_start = self._sentence_start(quote.open)
        s_end = self._sentence_end(quote.close if quote.close is not None else quote.end)
        window_start = max(s_start, previous_end or 0)
        # 1. A verb of saying before the quote, in its sentence.
        said = self._said_before(window_start, quote.open, s_start)
        if said is not None:
            return said
        # 2. The attribution right after it: "“...,” she said", "“...,” said X".
        after = (quote.close + 1) if quote.close is not None else quote.end
        gap = _PUNCT_GAP.match(text, after, s_end)
        pos = gap.end() if gap else after
        verb = self._verbs_in(pos, pos + 1)
        if verb:
            speaker = self._named_after(verb[0][1], s_start, s_end)
            if speaker is not None:
                return speaker, True
        agent = self._agent_after(pos, pos + 1)
        if agent is not None:
            follow = _AGENT_VERB_GAP.match(text, agent.end)
            if follow and self._verbs_in(follow.end(), follow.end() + 1):
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    return speaker, True
        # 2b. A quote opening its paragraph, then a dash and who said it: a caption's or
        # standfirst's "‘An unwavering commitment to ...’ – Ofsted inspectors have rated our
        # children’s services outstanding", "“...” - council leader Jane Smith".
        dash = _DASH_AFTER.match(text, after) if self._opens_paragraph(quote) else None
        if dash is not None:
            agent = self._agent_after(dash.end(), dash.end() + 1)
            speaker = self._resolve(agent, s_start) if agent is not None else None
            if speaker is not None:
                return speaker, True
        # 3. The speaker named right before the quote: a caption's or a transcript's
        # "Sir Michael Wilshaw: ‘The combination ...’", or a quote that opens on the
        # verb of saying of its subject: The report “identified widespread weaknesses ...”.
        agent = self._agent_before(quote.open, s_start)
        if agent is not None:
            gap = text[agent.end:quote.open]
            caption = _CAPTION_GAP.fullmatch(gap) and not text[s_start:agent.start].strip()
            if caption or (not gap.strip() and _first_word(text, quote) in _VERBS):
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    return speaker, True
        # 4. Any attribution in the sentence.
        end = quote.close if quote.close is not None else quote.end
        speaker = self._sentence_speaker(s_start, s_end, quote.open - _ATTRIBUTION_REACH, end + _ATTRIBUTION_REACH)
        if speaker is not None:
            return speaker, False
        opens_paragraph = self._opens_paragraph(quote)
        # 5. A quote opening the paragraph after one that ends on a colon, as in
        # "Councillor Sue Ridney, cabinet member for children’s services, said:",
        # "Ofsted concluded:", or a list's "In their report inspectors say that:".
        index = quote.first_paragraph
        before = self._paragraph_before(index)
        # A heading naming the statement below it: "Statement from Deputy Chief
        # Constable Simon Nickless:", "Response from the cabinet member for ...".
        if opens_paragraph and before is not None:
            for above in range(index - 1, before - 1, -1):
                heading = _STATEMENT_HEADING.fullmatch(text, *self.paras[above])
                if heading is not None:
                    return _maker(text, *heading.span("who"), self.agents, self.authority, self.ofsted), False
        if opens_paragraph and before is not None:
            p_start, p_end = self.paras[before]
            if text[p_end - 1] == ":":
                intro_start = self._sentence_start(p_end - 1)
                said = self._said_before(intro_start, p_end, intro_start)
                if said is not None:
                    return said[0], False
        # 6. A speech running on: the next sentence of the paragraph, or a paragraph
        # (or list item) that opens with a quote after one that held a quote; a
        # statement set out in whole quoted paragraphs runs on past its sub-headings.
        if previous is not None and previous[1] is not None:
            prior, speaker = previous
            if prior.last_paragraph == quote.first_paragraph or (opens_paragraph and (
                    prior.last_paragraph == quote.first_paragraph - 1
                    or (self._opens_paragraph(prior) and prior.last_paragraph == before))):
                return speaker, False
        # 7. A report carried on from the sentence before, in the same paragraph,
        # where this one names no other speaker: "Ofsted found that ... . One of the
        # most heartening findings was that staff are ‘rightly proud of the work they do’".
        if (s_start > self.paras[index][0] and not self._verbs_in(s_start, s_end)
                and not _NAME_INSIDE.search(text, s_start, quote.open)):
            speaker = self._sentence_speaker(self._sentence_start(s_start - 1), s_start)
            # Another speaker is named only by the sentence's subject or an agent right
            # before the quote, never by a noun inside a phrase ("Senior managers and
            # elected members in the authority also ‘regularly scrutinise ...’").
            named = agent is not None and (
                agent.start == self._subject_start(s_start) or not text[agent.end:quote.open].strip(" \t:,"))
            named = named and self._resolve(agent, s_start)
            if speaker is not None and (not named or named.name == speaker.name):
                return speaker, False
        # 8. A paragraph of quotation with no attribution of its own, after a paragraph
        # of reported speech: "She praised ... and said more staff had been engaged."
        # then "“We are now on the right track. ...”" (the news convention: the quote
        # keeps the speaker of the paragraph before it).
        # A sub-heading may name the speaker itself: "WHAT INSPECTORS SAID".
        if opens_paragraph and before is not None:
            for above in range(index - 1, before - 1, -1):
                speaker = self._last_speaker_in(*self.paras[above])
                if speaker is not None:
                    return speaker, False
        # 9. Mid-paragraph, where the inspectorate is the only speaker the paragraph
        # has named so far, in an earlier sentence, however it was named: "...
        # condemned as 'inadequate' by an Ofsted report ... . Politicians ... are
        # criticised for "..."" (never a headline's own words).
        p_start = self.paras[index][0]
        if not opens_paragraph and s_start > p_start:
            reach = max(p_start, quote.open - _ATTRIBUTION_REACH)
            earlier = self.agents[bisect.bisect_left(self.agent_starts, reach):
                                  bisect.bisect_left(self.agent_starts, quote.open)]
            named = {a.speaker for a in earlier if a.speaker is not None}
            if (any(a.start < s_start for a in earlier) and not self._verbs_in(s_start, quote.open)
                    and len(named) == 1 and (only := next(iter(named))).organisation == "Ofsted"
                    and only.kind == "org"):
                return only, False
        return None, False

    def _named_after(self, v_end: int, s_start: int, s_end: int) -> _Speaker | None:
        """The speaker right after a verb of saying: "said Jane Smith", "she said";
        after a role set off by a comma, "said Ofsted’s national director for social
        care, Yvette Stanley"; or a role alone, "said the chief executive of X."."""
        text = self.text
        agent = self._agent_after(v_end, s_end)
        if agent is not None and (_AGENT_VERB_GAP.fullmatch(text, v_end, agent.start) or (
                agent.speaker is not None and agent.speaker.kind == "person"
                and (comma := _APPOSITION_GAP.fullmatch(text, v_end, agent.start)) is not None
                and role_phrase(text, comma.start(1), comma.end(1), self.authority) is not None)):
            return self._resolve(agent, s_start)
        end = _PHRASE_END.search(text, v_end, s_end)
        role = role_phrase(text, v_end, end.start() if end else s_end, self.authority)
        if role is not None and not text[v_end:role.start].strip():
            return _holder(role, self.people)
        return None

    def _said_before(self, window_start: int, pos: int, s_start: int) -> tuple[_Speaker, bool] | None:
        """The speaker of the verb of saying nearest before ``pos``, and whether
        only the verb stands between them ("X said: “...”")."""
        text = self.text
        for v_start, v_end in reversed(self._verbs_in(window_start, pos)):
            agent = self._subject_of(v_start, s_start)
            verb = text[v_start:v_end].lower()
            if (agent is None and verb not in _LISTENER_VERBS) or verb.startswith("according"):
                # The speaker after its verb ("said Jane Smith", "according to the
                # report"), never a noun further on ("... branded inadequate by Ofsted").
                after = self._agent_after(v_end, pos)
                agent = after if after is not None and (
                    verb.startswith("according") or _AGENT_VERB_GAP.fullmatch(text, v_end, after.start)
                    or self._named_after(v_end, s_start, pos) is not None) else None
            if agent is not None:
                speaker = self._resolve(agent, s_start)
                direct = bool(_DIRECT_BEFORE.fullmatch(text, max(v_end, agent.end), pos))
                if speaker is not None and (direct or verb not in _OPENING_VERBS):
                    return speaker, direct
        return None

    def _last_speaker_in(self, start: int, end: int) -> _Speaker | None:
        """The subject of the last verb of saying between ``start`` and ``end`` that
        stands right before its verb ("She praised ..."; never "the report" in "since
        the report was published, the Local Democracy Reporting Service said")."""
        for v_start, v_end in reversed(self._verbs_in(start, end)):
            if self.text[v_start:v_end].lower() in _OPENING_VERBS:
                continue
            s_start = self._sentence_start(v_start)
            agent = self._subject_of(v_start, s_start)
            if agent is None or not (_SUBJECT_AT_VERB.fullmatch(self.text, agent.end, v_start)
                                     or _RELATIVE_CLAUSE_BEFORE.match(self.text, agent.end, v_start)):
                continue
            speaker = self._resolve(agent, s_start)
            if speaker is not None:
                return speaker
        return None

    def _sentence_speaker(self, s_start: int, s_end: int, near_start: int = 0,
                          near_end: int | None = None) -> _Speaker | None:
        """The subject of any verb of saying in the sentence (within ``near_start``
        .. ``near_end`` of it: a "sentence" of thousands of quotes and verbs, a list
        run together, made reading all of its verbs for each quote quadratic)."""
        near_end = s_end if near_end is None else near_end
        for v_start, v_end in self._verbs_in(max(s_start, near_start), min(s_end, near_end)):
            if self.text[v_start:v_end].lower() in _OPENING_VERBS:
                continue
            agent = self._subject_of(v_start, s_start)
            if agent is not None:
                speaker = self._resolve(agent, s_start)
                if speaker is not None:
                    return speaker
        return None

    def _paragraph_before(self, index: int) -> int | None:
        """The paragraph before ``index``, passing over sub-headings ("On social care")
        set between a statement's introduction and its quoted paragraphs."""
        before = index - 1
        while before >= 0 and index - before <= _HEADINGS_PASSED:
            start, end = self.paras[before]
            words = self.text[start:end]
            if (word_count(words) > _HEADING_WORDS and not _LINK_LABEL.match(words)) or words[-1] in _HEADING_END:
                return before
            before -= 1
        return before if before >= 0 else None

    def _opens_paragraph(self, quote: Quote) -> bool:
        """Whether the quote opens its paragraph, or its list item ("- ‘...’")."""
        p_start = self.paras[quote.first_paragraph][0]
        return quote.open == p_start or bool(BULLET_RE.fullmatch(self.text, p_start, quote.open))

    def remember(self, pos: int, speaker: _Speaker) -> None:
        bisect.insort(self.history, (pos, speaker), key=lambda h: h[0])


def _first_word(text: str, quote: Quote) -> str:
    match = _WORD_RE.match(text, quote.start, quote.end)
    return match.group() if match else ""


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
        if speaker is None and count < _UNATTRIBUTED_MINIMUM:
            continue  # a name or slogan in quotes: "a ‘challenge and impact log’"
        if _is_title(words) or normalise_rating(words.strip(" ,.;:!?")) or _names_area(words):
            continue  # a title, a rating or an area's name in quotation marks (the judgements rule reads those)
        said = _SPACES.sub(" ", words.strip(_EDGE_PUNCTUATION)).casefold()
        if said in seen:
            continue  # a repeat: a caption or headline printing the words of the story below it
        seen.add(said)
        if speaker is not None:
            attributor.remember(quote.open, speaker)
        previous = (quote, speaker)
        facts.append(Fact("quote", (quote.start, quote.end), {
            "text": words,
            "speaker": speaker.name if speaker else None,
            "role": speaker.role if speaker else None,
            "organisation": speaker.organisation if speaker else None,
        }))
    return facts


# How far from a quote, in characters, an attribution elsewhere in its sentence is looked for.
_ATTRIBUTION_REACH = 1000
