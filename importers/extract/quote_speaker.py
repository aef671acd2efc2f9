"""Quoted speech: a speaker, an agent (who stands in the text as the subject of a verb of
saying), and the patterns the speaker rules share.

The lowest of the speaker modules (``quote_roles``, ``quote_agents``, ``quote_reading``
and ``quote_attribution`` import from here, never the other way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.extract.people import SPEECH_VERBS

# Verbs that attribute words to a speaker: the verbs people speak with (shared
# with ``people``), and those a report or its inspectors "speak" with, in the
# present for British English's plural organisations ("Ofsted state that",
# "they go on to comment that").
_VERBS = SPEECH_VERBS | frozenset(
    """saying adding commenting noting welcoming describing continued continues found finds
    find concluded concludes conclude highlighted highlights highlight praised praises observes
    criticised criticises recognised recognises identified identifies judged outlined outlines
    state comment note describe write according pointed praise believe believes argue
    commended commends commend applauded applauds attributed attributes credited credits cited cites
    congratulated congratulates discovered discovers revealed reveals called calls
    blasted blasts slammed slams defines define""".split()
) | frozenset(
    # Participles that carry their sentence's subject on to the words after a comma:
    # "Ofsted gave an overall rating of ‘good’, highlighting “...”" (Sefton Council's news),
    # "it did have some criticisms, stating that “...”" (Yorkshire Evening Post), or name
    # the noun they follow: "a damning Ofsted report highlighting "serious failures""
    # (Ludlow Advertiser). The other participles of saying after a comma read the same way:
    # "Inspectors raised concerns about ..., concluding that there are ‘...’" (LiverpoolWorld),
    # "Rachel Andrew also hit out at Ofsted’s current inspection regime, claiming: “...”"
    # (Community Care).
    "highlighting stating claiming concluding warning insisting explaining arguing".split()
)
# Verbs that attribute only the words set right after them: "The damning report from
# OFSTED began “There are serious failures ...”", "The report read: “...”" (never
# "The inspection began in May, and ... ‘...’").
_OPENING_VERBS = frozenset("began begins opens opened read reads".split())
_VERBS = _VERBS | _OPENING_VERBS
# What may stand between a subject and its verb: "she also said", "it has found",
# "they go on to comment".
# "it does, however, argue", "Ofsted, however, said".
# Two such words may stand there: "She has also said", "it has previously found".
_SUBJECT_VERB_GAP = (r"(?:(?:(?:\w+ly|also|then|later|further|has|have|had|does|did|will|would"
                     r"|(?:go|goes|went)\s+on\s+to)(?:\s*,\s*however\s*,)?\s+){1,2}|,\s*however\s*,\s*)?")
# A statement named by who made it: "A joint statement from the agencies said:",
# "The response from Kent County Council stated"; as a heading over the quoted
# paragraphs: "Statement from Deputy Chief Constable Simon Nickless:",
# "Response from the cabinet member for children and family services".
_STATEMENT = (r"(?:(?:a|an|the|in\s+a)\s+)?(?:joint\s+|short\s+|brief\s+|written\s+|full\s+)?"
              r"(?:statement|response|comment|message)s?\s+(?:(?:issued|released|published|sent)\s+)?"
              r"(?:from|by|on\s+behalf\s+of)\s+(?P<who>[^.,;:!?“”\"\n()]{2,100}?)")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:local\s+)?$")
_THE_OR_A = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_AGENT_VERB_GAP = re.compile(rf"\s*{_SUBJECT_VERB_GAP}")
# A relative clause between a subject and its verb: "Jane Smith, who leads the council, said".
_RELATIVE_CLAUSE_BEFORE = re.compile(rf",\s*(?:who|which|whose)\b[^,.;:!?“”\"]*,\s*{_SUBJECT_VERB_GAP}$")
_SPACES = re.compile(r"\s+")
_WORD_RE = re.compile(r"[a-z]+")


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
