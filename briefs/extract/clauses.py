"""Whether a sentence states something: a subject and a tensed verb, not a label or a list.

A brief quotes sentences that say what happened or what is so. A regulation's applicability
clause ("Model 737–8 and 737–9 airplanes, certificated in any category, as identified in …,
dated June 12, 2020."), a reference-book field ("Khmer (official) 95.8%, minority languages
2.9% …") or a caption has no finite verb: it names things without saying anything of them.

Without a part-of-speech tagger the test leans towards keeping: a sentence passes as soon as
one word could be a finite verb where it stands. Evidence, strongest first:

- an auxiliary or modal ("is", "was", "has", "will", "must"…), lower case;
- a past form ("killed", "met") unless it opens a reduced clause: after a comma, "as", "if",
  "when", "once", or at the start (a participle there modifies what follows);
- a present form ("says", "agree") after a word that can be its subject: a pronoun, a name,
  a noun, an adjective standing for people ("the rich want"), an adverb ("also agree"), or
  the comma that closes an aside ("Indonesia, with other developing countries, embraces").

Which words can be verbs, and which forms are past forms, comes from LemmInflect's lexicon
(``counted.word_kinds`` and its lemmas), the same one the figure extractor uses.

``instructs`` finds the other kind of sentence a brief must not quote as a finding: advice
to the reader ("Please read our privacy policy…", "Only call NHS 111 if…").
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefs.extract.counted import lemmas_of, word_kinds

_AUXILIARIES = frozenset(
    "is are was were am has have had do does did will would shall should can could may might "
    "must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't "
    "can't cannot couldn't shouldn't mustn't 's 're 've 'd 'll".split()
)
_PRONOUNS = frozenset("i we you they he she it who which that there this these those".split())
# After these a past form opens a reduced clause ("…, dated June 12", "as identified in").
_REDUCING = frozenset(", as if when once unless though although than being been be having".split())
_NOT_SUBJECT = frozenset(
    "the a an to of in on at for from by with and or but any all each every no some its their "
    "his her our your my".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|,")


@lru_cache(maxsize=8192)
def _past(word: str) -> bool:
    """A past form of a verb: "killed", "met", "held" (not "need", not "bed")."""
    verbs = lemmas_of(word).get("VERB", ())
    return bool(verbs) and word not in verbs and not word.endswith(("s", "ing"))


def _can_be_subject(words: list[str], i: int) -> bool:
    """Can what ends at ``words[i]`` be the subject of the verb after it?"""
    word = words[i]
    if word == ",":
        # "Indonesia, along with other developing countries, embrace …": the verb after an
        # aside; a comma after an article or preposition closes nothing.
        return i > 0 and words[i - 1].lower() not in _NOT_SUBJECT
    low = word.lower()
    if low in _PRONOUNS:
        return True
    if low in _NOT_SUBJECT:
        return False
    if word[:1].isupper():
        return True  # a name
    kinds = word_kinds(low)
    # An adjective standing for people ("the rich want …") or an adverb ("also agree").
    return not kinds or bool(kinds & {"NOUN", "ADV", "ADJ"})


# "number of seats: 125 (all directly elected) electoral system: …": a table row written out.
# "From: James Roche To: William Bodie Date: August 07, 2002 Subject: …": a mail's header.
_MAIL_FIELD = re.compile(r"\b(?:From|To|Cc|CC|Bcc|Date|Sent|Subject|Subj|Re|RE):\s")
_FIELD = re.compile(r"(?:^|[\s;,)])[a-z][a-z() %/-]{1,40}:\s")


# A sentence opening on a share and a comma: a table's row of shares if no verb comes first.
_SHARE_ROW = re.compile(r"([^,;%]{1,60}?)\d+(?:\.\d+)?%\s*(?:\([^)]*\))?\s*,")


def states_something(sentence: str) -> bool:
    """Does ``sentence`` have a word that can be its finite verb? (See the module's notes.)

    A run of two or more "label: value" fields is a record written out, whatever its words."""
    if len(_FIELD.findall(sentence)) >= 2 or len(_MAIL_FIELD.findall(sentence)) >= 2:
        return False
    shares = _SHARE_ROW.match(sentence)
    if shares and sentence.count("%") >= 2 and not states_something(shares.group(1)):
        return False  # "Thai (official) only 90.7%, Thai and other languages 6.4%, …": a row
    words = [w.replace("’", "'") for w in _TOKEN.findall(sentence)]
    for i, word in enumerate(words):
        low = word.lower()
        if low in _AUXILIARIES or (low.endswith(("n't", "'s")) and i > 0):
            return True
        if i == 0 or word == "," or word[:1].isupper() or low.endswith("ing"):
            continue
        if "VERB" not in word_kinds(low):
            continue
        before = words[i - 1].lower()
        if _past(low):
            if before not in _REDUCING:
                return True
            continue
        if _names_one(words, i - 1) and not low.endswith("s"):
            continue  # "Delta IV program manager": one name takes "programs", not "program"
        if before != "to" and _can_be_subject(words, i - 1):
            return True
    return False


def _names_one(words: list[str], i: int) -> bool:
    """Does ``words[i]`` end a name of one thing ("Boeing", "Delta IV") that a verb after it
    would have as subject? Not a pronoun, a plural name ("the Philippines"), the last of two
    joined by "and", or a name after a preposition ("officials in Bangkok want")."""
    word = words[i]
    if not word[:1].isupper() or word.lower() in _PRONOUNS or word.endswith("s"):
        return False
    start = i
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    if start == i == 0:
        return False  # a sentence's first word: "People need…" is a noun, not a name
    before = words[start - 1].lower() if start > 0 else ""
    return before not in _JOINING


# Words before a name that make it something other than the subject of the verb after it.
_JOINING = frozenset("and or of in on at from with for by to into near than".split())


# The reader addressed outside a quotation: service text, not reporting ("you" inside quotes
# is a speaker's).
_TO_READER = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’(?!\w)")
# Verbs that open instructions on web pages and in forms, and rarely open a report's sentence.
_COMMANDS = frozenset(
    "click tap read call contact visit subscribe sign register download share follow "
    "check enter select submit".split()
)
# Verbs a form's instructions give after the case they apply to ("If married, enter …").
_FORM_COMMANDS = frozenset(
    "attach check complete enter file give include leave list mark print provide report see "
    "show skip state use write".split()
)
# Words that may stand before an instruction's verb: "Please read …", "Only call NHS 111 …".
_BEFORE_COMMAND = frozenset("please only always never do don't kindly".split())


_PLEASE = re.compile(r"\b[Pp]lease\s+([a-z]+)")


# A pointer to another part of the document as its main clause: "…, see table A-10 on page 104".
_SEE_TABLE = re.compile(
    r"(?:^|[,;]\s*)see (?:also )?(?:the )?(?:tables?|figures?|charts?|pages?|sections?|"
    r"appendix|appendices|annex(?:es)?|box|chapters?)\b",
    re.IGNORECASE,
)


def instructs(sentence: str) -> bool:
    """Is ``sentence`` an instruction to the reader ("Please read our privacy policy…",
    "Only call NHS 111 if…", "Click the link…")? A base-form verb opening it, alone or after
    "Please", "Only", "Always", "Never", or the reader addressed as "you" outside a quotation:
    advice on a page, not a finding."""
    words = [w.replace("’", "'") for w in _TOKEN.findall(sentence) if w != ","]
    if len(words) < 2:
        return False
    unquoted = _QUOTED.sub("", sentence)
    if _TO_READER.search(unquoted):
        return True  # "you will need to use London Underground": a notice to the reader
    if _SEE_TABLE.search(unquoted):
        return True  # "For a list of MAPEs by state, see tables A-7 through A-9": a pointer
    please = _PLEASE.search(unquoted)
    if please and _base_verb(please.group(1)):
        return True  # "For further information, please see our press release …"
    head, comma, tail = unquoted.rpartition(", ")
    verb = tail.split(" ", 1)[0]
    if comma and "," not in head and verb in _FORM_COMMANDS and not states_something(head + "."):
        return True  # "Residents of Canada or Mexico …, give name of country only": a form's
        # instruction after its condition; with no verb before it, the verb is a command
    first = words[0].lower()
    if first in _BEFORE_COMMAND:
        verb = words[1]
        if first == "please":
            return True
        return verb.islower() and _base_verb(verb)
    if first not in _COMMANDS:
        return False
    # "Contact tracing has been expanded": the word is the subject's noun, with its verb near.
    return not any(w.lower() in _AUXILIARIES for w in words[1:4])


def _base_verb(word: str) -> bool:
    verbs = lemmas_of(word.lower()).get("VERB", ())
    return word.lower() in verbs
