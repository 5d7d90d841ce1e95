"""Who said it: the speaker a sentence or its paragraph names, for recommendations and outlook."""

from __future__ import annotations

import re

_NAME = r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|de|van|bin|binti)\s+|\s+)){0,6}[A-Z][\w'’.-]*"
_VERB = (
    r"(?:said|says|stressed|warned|urged|urges|called on|calls on|noted|added|told|stated|"
    r"recommended|recommends|argued|argues|emphasi[sz]ed|reiterated|insisted)"
)
_PATTERNS = [
    # "Dr. Lynn Wei-Ling, Director of …, said": the subject, not the last name before "said".
    re.compile(rf"^(?P<who>{_NAME}),[^.;]{{0,200}}?,\s+{_VERB}\b"),
    re.compile(rf"\baccording to (?:the\s+)?(?P<who>{_NAME})"),
    re.compile(rf"(?P<who>{_NAME})\s*,?\s+(?:\w+\s+)?{_VERB}\b"),
    re.compile(rf"\b{_VERB}\s+(?P<who>{_NAME})\s*[.,]"),
]
_NOT_WHO = {
    "The",
    "This",
    "That",
    "It",
    "We",
    "They",
    "He",
    "She",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "I",
    "A",
    "An",
    "There",
}
RECOMMENDS = re.compile(
    r"\b(?:should|must|needs? to|ought to|calls? (?:on|for)|called (?:on|for)|urged?|urges|"
    r"urging|recommend\w*|warn(?:s|ed|ing)?|appeal(?:s|ed)? to)\b",
    re.IGNORECASE,
)


def speaker(sentence: str) -> str | None:
    """The person or body ``sentence`` names as its speaker, or None when it names none."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            who = m.group("who").strip(" ,.")
            words = who.split()
            while words and words[0] in _NOT_WHO:
                words = words[1:]
            if words and len(" ".join(words)) > 2:
                return " ".join(words)
    return None


def _names_a_need(before: str) -> bool:
    """Is "need" after ``before`` the noun ("the need to", "an urgent need to")?"""
    from briefs.extract.counted import word_kinds

    if before in ("a", "an", "the", "no", "any", "this", "that", "its", "their", "our"):
        return True
    kinds = word_kinds(before)
    return "ADJ" in kinds and not kinds & {"NOUN", "PRON", "VERB"}


_MODAL = frozenset(("should", "must", "need to", "needs to", "ought to"))
# A modal inside a relative clause or an indirect question describes ("obstacles that must be
# overcome", "reviewing whether Boeing should get the contract", "suggested where he ought to
# send it").
_RELATIVE = frozenset(
    ("that", "which", "who", "what", "whatever", "whether", "where", "how", "why", "when")
)
# Verbs whose "that" opens what is said, not a relative clause: "said that ASEAN must act".
_REPORTS = frozenset(
    "said says say stressed urged insisted added noted warned agreed argued argues believe "
    "believes believed recommended recommends suggested suggests stated declared reiterated "
    "emphasised emphasized underlined concluded hoped hopes think thinks thought".split()
)
# A modal in a question a verb asks or answers ("to assess what more the US needs to do",
# "decide whether ASEAN should act"), however far the question word is from it.
_ASKED = re.compile(
    r"\b(?:assess\w*|ask\w*|know\w*|decid\w*|determin\w*|consider\w*|discuss\w*|"
    r"examin\w*|explain\w*|see|seeing|wonder\w*|review\w*|stud(?:y|ied|ies|ying)|"
    r"understand\w*|learn\w*|unclear|clear)\s+(?:what|how|whether|which|where|who|when|why)\b",
    re.IGNORECASE,
)
# "Should cost be higher, …": a condition put first, not advice.
_INVERTED = re.compile(r"Should\s+[^,;?]{1,80},")
# "I must say", "we must ask": a speaker telling of their own speaking.
_SPEAKING = re.compile(
    r"\s+(?:however\s+|also\s+|first\s+|now\s+)?(?:ask|say|admit|confess|note|point out|"
    r"remind|recall|tell|add)\b"
)
# "What ASEAN must do is …": the thing to do, put first.
_CLEFT = re.compile(r"\s+(?:do|be done)\s+(?:now\s+|next\s+)?(?:is|are|was)\b")
# "should have been", "must have known": a judgment of what was, not what to do.
_JUDGED = re.compile(r"\s+(?:not\s+)?have\s+[a-z]+(?:ed|en|wn|ne|t)\b")
# "did not need to" tells what was so, not what must be done.
_PAST = frozenset(("did", "didn't", "didn’t"))
_NOTED = re.compile(r"\s+(?:be|been)\s+(?:noted|said|remembered|recalled|emphasi[sz]ed|stressed)")
# What must be so by definition (accounts that balance, sums that match): no advice.
_IDENTITY = re.compile(
    r"\s+(?:always\s+|necessarily\s+)?(?:equal|match(?:es)?|sum to|add up|correspond)\b"
)
# Recommendations named as what something was done on or after: the basis of an action told.
_BASIS = re.compile(
    r"\b(?i:upon|on|following|per|under|after|implementing|implemented|accordance with|"
    r"line with|according to)\s+(?:the|these|those|its|their|our|his|her|this|that|[A-Z]\w*['’]s)"
    r"(?:\s+[\w'’-]+)?\s+$"
)
# What a definition, an accounting identity or a law of the field holds must be true: "A
# fundamental requirement of the balance of payments is that net capital inflows must boost
# the gap between investment and savings" states a necessity, it advises no one.
_NECESSITY = re.compile(
    r"\b(?:requirement|condition|identity|definition|law|property|consequence)\b"
    r"(?:\s+of\s+[^,;:]{1,60}?)?\s+is\s+that\s+[^,;:]{1,80}$"
)
# What a form or a regulation requires of whoever it applies to: a rule, not advice.
_FILING = re.compile(
    r"\s+(?:also\s+)?(?:be\s+)?(?:file[ds]?|submit(?:ted)?|attach(?:ed)?)\b"
    r"(?=.*\b(?:[Ff]orms?|[Ss]chedule|[Ss]tatement|[Rr]eturn|application|by|with(?:in)?)\b)"
)
FORECASTS = re.compile(
    r"\b(?:expect(?:s|ed)? (?:to|that)|is expected|are expected|forecasts?|projected to|"
    r"(?:is|are) likely to|will likely|predicts?)\b",
    re.IGNORECASE,
)


# An e-mail's header, as a record quotes it: "From: Dr. Marvin Sambur To: James Roche Sent: …".
_LETTER_HEAD = re.compile(r"\bFrom: .{1,120}?\b(?:To|Sent|Date|Subject|Cc): ")


def in_correspondence(passage: str, quote: str) -> bool:
    """Whether ``quote`` comes after an e-mail's header in ``passage``: a letter a record
    quotes ("We should vector hill support for tankers") is evidence of what was written, not
    the source's advice."""
    at = passage.find(quote)
    head = _LETTER_HEAD.search(passage, 0, at if at >= 0 else len(passage))
    return head is not None


def recommends(sentence: str) -> bool:
    """True when ``sentence`` recommends, urges, calls on, warns or forecasts.

    A modal inside a relative clause describes, it does not recommend ("Myanmar is aware of
    the many obstacles that must be overcome"), and "it should be noted" notes.
    """
    if sentence.rstrip().rstrip("\"'”’)`").endswith("!"):
        return False  # an outburst ("… and Wynne needs to pay the appropriate price!")
    for m in RECOMMENDS.finditer(sentence):
        if _names_a_thing(sentence, m):
            continue
        word = " ".join(m.group(0).lower().split())
        if word.startswith("recommendation") and _BASIS.search(sentence, 0, m.start()):
            continue  # "Based upon the recommendations of the Board, I accelerated …": a basis
        if word in _MODAL:
            clause = re.split(r"[,;:—–]", sentence[: m.start()])[-1]
            if _ASKED.search(clause):
                continue  # "to assess what more the United States needs to do": a question
            if m.start() == 0 and _INVERTED.match(sentence):
                continue  # "Should cost be higher, Boeing bears the risk": a condition
            if _SPEAKING.match(sentence, m.end()) and clause.split()[-1:] in (["I"], ["we"]):
                continue  # "I must however ask: where is the accountability": speaking
            if word != "need to" and word != "needs to" and _JUDGED.match(sentence, m.end()):
                continue  # "was not tailored, as it should have been": a judgment of the past
            words = [w.strip(",;'`\"’”").lower() for w in sentence[: m.start()].split()[-3:]]
            before = words[-2:]
            if len(words) == 3 and words[1] == "that" and words[0] in _REPORTS:
                before = before[1:]  # "said that ASEAN must act": what was said, urged
            if _CLEFT.match(sentence, m.end()) and "what" in before:
                pass  # "What ASEAN must do is engage the junta": what to do, said first
            elif _RELATIVE.intersection(before) or _NOTED.match(sentence, m.end()):
                continue
            if _FILING.match(sentence, m.end()):
                continue  # "taxpayers who claim treaty benefits must file Form 8833": a rule
            if _IDENTITY.match(sentence, m.end()):
                continue  # "the capital and current accounts must always match": a necessity
            if _NECESSITY.search(sentence, 0, m.start()):
                # "A requirement of the balance of payments is that … must boost …, and if …
                # they must cause …": the rest of the sentence goes on stating it.
                return False
            if word in ("need to", "needs to") and _PAST.intersection(before):
                continue
            if word == "need to" and before and _names_a_need(before[-1]):
                continue  # "an urgent need to recapitalize": a need described, not urged
        return True
    return any(not _names_a_thing(sentence, m) for m in FORECASTS.finditer(sentence))


def _names_a_thing(sentence: str, m: re.Match[str]) -> bool:
    """Is the matched word part of a name or a compound, not a verb of the sentence?

    A capital inside the sentence makes it a name ("Dan Hess of Merchant Forecast"); a hyphen
    or "early" before it a compound noun ("a missile-warning satellite", "early warning"), and
    "without warning" tells how something happened.
    """
    start = m.start()
    if start > 0 and m.group(0)[0].isupper():
        return True
    if start > 0 and sentence[start - 1] == "-":
        return True
    before = sentence[:start].split()[-1:]
    return bool(before) and before[0].lower() in ("early", "without", "no")
