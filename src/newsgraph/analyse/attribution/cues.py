"""Attribution cues: which words report speech or thought, and which words the cue spans.

The words that can introduce an attribution ("said", "told", "according to",
"claim", "believes", "calls for") and how often each really does were mined
from PolNeAR train by `train/quotes.py` into `models/quotes.json`: a lexicon
of cue heads with their counts, the neighbours that join a cue ("has said",
"called for", "also said"), and a small boosted-tree classifier that decides
from the parse whether one occurrence of a lexicon word heads an attribution.
The features are computed here, so training and running share one definition.
A predicate adjective or noun heads its cue, which starts at the linking verb
("has been acutely aware that", "is no fan of").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from newsgraph.clean.trees import load_model, predict_proba

MODEL_NAME = "quotes"
THRESHOLD = 0.4  # used when a model has no "threshold"; train/quotes.py picks it by CV

_POS = {"VERB": "v", "AUX": "v", "NOUN": "n", "PROPN": "n", "ADP": "p", "ADJ": "a", "ADV": "r"}
_DEPS = (
    "ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "acl", "pcomp", "parataxis",
    "dobj", "pobj", "nsubj", "prep", "amod", "compound",
)  # fmt: skip
_CHILD_DEPS = ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "dative", "agent", "prep", "acomp")
_TAGS = ("VBD", "VBZ", "VBG", "VBN", "VBP", "VB", "NN", "NNS")
CONTENT_KINDS = (
    "ccomp", "xcomp", "dobj", "acl", "prep", "attr", "oprd", "advcl", "according", "host",
    "passage", "nsubjpass",
)  # fmt: skip
_PHRASE_WORDS = 5  # a prepositional phrase longer than this never joins a cue whole
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # entity types that can speak
_COPULAS = frozenset({"be", "remain", "seem", "become", "feel", "appear", "sound"})
_BETWEEN = frozenset({"advmod", "neg", "det", "npadvmod"})  # "is [well] aware", "is [no] fan"
_BESIDE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})  # "has [not] [also] said"
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})


def copula(tok: Token) -> Token | None:
    """The linking verb of a predicate adjective or noun ("[is] aware that", "[was] a critic of").

    PolNeAR marks such a cue from the linking verb to the predicate; the
    predicate is what says it is a cue, so it heads the cue here.
    """
    head = tok.head
    if tok.dep_ in ("acomp", "attr") and head.i < tok.i and head.lemma_.lower() in _COPULAS:
        return head
    return None


def misread_modal(tok: Token) -> bool:
    """Whether a capitalised "modal" before a verb no modal governs is a name ("Will described")."""
    if tok.tag_ != "MD" or not tok.text[:1].isupper():
        return False
    verb = tok.head
    others = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i != tok.i]
    return verb.tag_ in ("VBD", "VBZ") or (verb.tag_ == "VBN" and not others)


def cue_key(tok: Token) -> str:
    """The lexicon key of a word: lemma and coarse part of speech ("say/v", "claim/n")."""
    if tok.lower_ == "according":
        return "according/p"
    return f"{tok.lemma_.lower()}/{_POS.get(tok.pos_, 'x')}"


_FRAME_DEPS = ("ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "dative", "acl", "poss")


def frame_key(tok: Token) -> str:
    """The lexicon key with the argument slots the word fills ("say/v|ccomp nsubj")."""
    deps = sorted({c.dep_ for c in tok.children if c.dep_ in _FRAME_DEPS})
    return cue_key(tok) + "|" + " ".join(deps)


def role_key(tok: Token) -> str:
    """The lexicon key with the word's own place in the parse ("consider/v@advcl VBG").

    A word of saying can lose that sense in one syntactic role: "considering
    that ..." opening an adverbial clause, "talks on" as the object of a
    preposition.
    """
    return f"{cue_key(tok)}@{tok.dep_} {tok.tag_}"


def argument_key(tok: Token) -> str:
    """The frame key with the kind of each subject and object ("surprise/v#dobj:n nsubj:p").

    "p": a pronoun, name or entity that can speak; "n": any other noun
    phrase. "Putin surprised [his country]" is not a statement where "Trump
    told [reporters]" is, and the object's kind tells them apart.
    """
    deps = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass"):
            deps.add(f"{c.dep_}:{'p' if can_speak(c) else 'n'}")
        elif c.dep_ in _FRAME_DEPS:
            deps.add(c.dep_)
    return cue_key(tok) + "#" + " ".join(sorted(deps))


def can_speak(tok: Token) -> bool:
    """Whether a word can name a speaker: a pronoun, a name, or an entity that speaks."""
    return tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in SPEAKER_ENTS


def subject_key(tok: Token) -> str:
    """The lexicon key with the kind of the word's subject ("show/v~poll", "say/v~PERSON").

    Whether a word reports depends on who does it: "a poll shows" is an
    attribution where "the map shows" is not. A subject that names someone is
    kept as its entity type, a pronoun as "pron", a common noun as its lemma.
    """
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        kind = "-"
    elif subj.pos_ == "PRON":
        kind = "pron"
    elif subj.ent_type_ in SPEAKER_ENTS:
        kind = subj.ent_type_
    elif subj.pos_ == "PROPN":
        kind = "name"
    else:
        kind = subj.lemma_.lower()
    return f"{cue_key(tok)}~{kind}"


KEYS = (cue_key, frame_key, role_key, argument_key, subject_key)  # the lexicon's keys, mined alike
KEY_MARKS = "|@#~"  # what follows the lemma key in the others


@cache
def model() -> dict[str, Any]:
    """The committed cue model (lexicon, cue neighbours, classifier)."""
    return load_model(MODEL_NAME)


def lexicon_score(counts: dict[str, list[int]], key: str) -> tuple[float, float]:
    """Smoothed share of a key's occurrences that head a cue, and its log frequency."""
    cue, total = counts.get(key, (0, 0))
    return (cue + 0.1) / (total + 1.0), float(len(str(total)))


def features(
    tok: Token,
    in_quote: bool,
    near_quote: int,
    counts: dict[str, list[int]],
    content: Content | None = None,
) -> list[float]:
    """The classifier's view of one candidate cue word.

    `in_quote`: the word is inside a quoted passage; `near_quote`: tokens from
    the word to the nearest quoted passage of its sentence (99: none);
    `content`: what the parse offers as the reported content (`content.py`
    finds it), so the classifier can weigh a "that" clause above an object.
    """
    share, freq = lexicon_score(counts, cue_key(tok))
    frame_share, frame_freq = lexicon_score(counts, frame_key(tok))
    role_share, role_freq = lexicon_score(counts, role_key(tok))
    arg_share, arg_freq = lexicon_score(counts, argument_key(tok))
    head_share, _ = lexicon_score(counts, cue_key(tok.head)) if tok.head.i != tok.i else (0.0, 0.0)
    children = {c.dep_ for c in tok.children}
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    ccomp_that = any(
        m.dep_ == "mark" and m.lower_ in ("that", "if", "whether")
        for c in tok.children
        if c.dep_ == "ccomp"
        for m in c.children
    )
    sent = tok.sent
    row = [
        share,
        freq,
        frame_share,
        frame_freq,
        role_share,
        role_freq,
        arg_share,
        arg_freq,
        head_share,
        float(in_quote),
        float(min(near_quote, 99)),
        float(ccomp_that),
        float(subj is not None and subj.lower_ in _PRONOUNS),
        float(subj is not None and subj.ent_type_ in SPEAKER_ENTS),
        float(subj is not None and subj.pos_ == "PROPN"),
        float(any(t.lower_ in ("would", "will", "could", "might") for t in tok.children)),
        float(any(t.dep_ == "neg" for t in tok.children)),
        (tok.i - sent.start) / max(1, len(sent)),
        float(tok.i > 0 and tok.nbor(-1).text == ","),
        float(tok.i + 1 < len(tok.doc) and tok.nbor(1).text in (",", ":")),
    ]
    row += [float(tok.pos_ == p) for p in ("VERB", "AUX", "NOUN", "ADP", "ADJ")]
    row += [float(tok.dep_ == d) for d in _DEPS]
    row += [float(d in children) for d in _CHILD_DEPS]
    row += [float(tok.tag_ == t) for t in _TAGS]
    row += _content_features(tok, content)
    row += _frame_features(tok, counts)
    return row


def _frame_features(tok: Token, counts: dict[str, list[int]]) -> list[float]:
    """How often words like this one with this subject report, and how often its clause does.

    The subject key's share (`subject_key`) and the share of the verb the word
    governs ("seemed to [blame]", "wants to [say]", "knew [that it] mattered").
    """
    subj_share, subj_freq = lexicon_score(counts, subject_key(tok))
    governed = next(
        (c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")),
        None,
    )
    gov_share = lexicon_score(counts, cue_key(governed))[0] if governed is not None else 0.0
    return [subj_share, subj_freq, gov_share]


@dataclass(slots=True, frozen=True)
class Content:
    """The content candidate of a cue word: its token ids, how it was found, its quoted share."""

    ids: frozenset[int]
    kind: str  # a dependency of `CONTENT_KINDS`
    quoted: float  # share of its words inside quotation marks


def _content_features(tok: Token, content: Content | None) -> list[float]:
    """How the content was found, its size, quoting and position, and the subject's kind."""
    kind = content.kind if content is not None else ""
    ids = content.ids if content is not None else frozenset()
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = min(ids) if ids else tok.i
    row = [float(kind == k) for k in CONTENT_KINDS]
    row += [
        float(len(ids)),
        content.quoted if content is not None else 0.0,
        float(first > tok.i),
        float(bool(ids) and tok.doc[first].lower_ in ("that", "to", "if", "whether")),
        float(subj is not None and subj.lower_ in ("it", "this", "that", "there")),
        float(subj is not None and subj.pos_ == "NOUN"),
        float(subj is not None and subj.ent_type_ == "PERSON"),
        float(subj is not None and subj.ent_type_ in ("ORG", "GPE", "NORP")),
        float(subj is not None and subj.dep_ == "nsubjpass"),
        float(len(list(tok.sent))),
    ]
    return row


_NOUN_ENDINGS = (("ment", ""), ("ing", ""), ("ation", ""), ("ation", "e"), ("ion", ""),
                 ("ion", "e"), ("ial", "y"), ("al", "e"))  # fmt: skip
VERB_FORM_SHARE = 0.4  # how often the verb must head a cue for its noun to count as one


def verb_form_share(tok: Token, counts: dict[str, list[int]]) -> float:
    """How often the verb a noun names heads a cue ("boast" → "boast/v", "warning" → "warn/v").

    0.0 when no verb form of the noun is in the lexicon.
    """
    lemma = tok.lemma_.lower()
    forms = [lemma] + [
        lemma[: -len(end)] + add for end, add in _NOUN_ENDINGS if lemma.endswith(end)
    ]
    shares = [lexicon_score(counts, f"{f}/v")[0] for f in forms if f"{f}/v" in counts]
    return max(shares, default=0.0)


def possessive_cue(tok: Token, counts: dict[str, list[int]]) -> Token | None:
    """The "that" clause of a noun of saying with a possessor that can speak, outside the lexicon.

    "Putin's boast that Russia helped ...": PolNeAR train never has "boast"
    as a noun cue, but the verb heads one most of the time; the possessor is
    the speaker and the clause the content. Nouns in the lexicon are left to
    the classifier, which knows how often each is one.
    """
    if tok.pos_ != "NOUN" or cue_key(tok) in counts:
        return None
    if not any(c.dep_ == "poss" and can_speak(c) for c in tok.children):
        return None
    clause = next(
        (c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i
         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
        None,
    )  # fmt: skip
    if clause is None or verb_form_share(tok, counts) < VERB_FORM_SHARE:
        return None
    return clause


SEEMING = frozenset({"appear", "seem"})
REPORTING_SHARE = 0.25  # how often a verb must head a cue to report what "seemed to" governs


def seeming_verb(tok: Token, counts: dict[str, list[int]]) -> Token | None:
    """The word of saying or thinking a "seem"/"appear" governs ("seemed [to blame]"), if any.

    PolNeAR train takes such a verb into the cue and the subject as the
    source ("[Cruz] seemed to blame ...", "appeared to imply"), where a bare
    "seemed" governing any other verb ("seemed to be shrinking") has no
    source. A verb that heads a cue at least `REPORTING_SHARE` of the time
    counts as one.
    """
    if tok.lemma_.lower() not in SEEMING:
        return None
    verb = next(
        (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i <= tok.i + 3),
        None,
    )
    if verb is None or lexicon_score(counts, cue_key(verb))[0] < REPORTING_SHARE:
        return None
    return verb


NEVER_CUE = 5  # a role seen this often in train, never as a cue, vetoes its word
OBJECT_SHARE = 0.15  # below this lemma share, an unquoted object alone is not reported content


def never_here(tok: Token, counts: dict[str, list[int]], content: Content) -> bool:
    """Whether PolNeAR train says this word is not a cue in the way it is used here.

    The classifier weighs a role key that never heads a cue ("consider/v@advcl
    VBG": "considering that ..." opening an adverbial clause, 0 of 5) against
    the lemma's own share and often keeps it; so does it for a rarely-reporting
    verb whose only content is its object ("surprised [his country]": emotion
    and causation verbs take the experiencer as object, and no clause follows).
    Both are vetoes here, from counts mined in train; frame and argument keys
    never seen as cues vetoed too many real ones in cross-validation.
    """
    cue, total = counts.get(role_key(tok), (1, 1))
    if cue == 0 and total >= NEVER_CUE:
        return True
    rare = lexicon_score(counts, cue_key(tok))[0] < OBJECT_SHARE
    return content.kind == "dobj" and content.quoted == 0.0 and rare


def is_candidate(tok: Token, counts: dict[str, list[int]]) -> bool:
    """Whether a word is in the lexicon at all (so the classifier looks at it)."""
    return cue_key(tok) in counts


def score(rows: list[list[float]], cue_model: dict[str, Any] | None = None) -> list[float]:
    """P(heads an attribution cue) for feature rows, under `cue_model` (default: the committed)."""
    if not rows:
        return []
    return predict_proba((cue_model or model())["classifier"], rows)


def cue_tokens(tok: Token, joiners: dict[str, float]) -> list[Token]:
    """The words of the cue headed by `tok`: auxiliaries, negation, particles, learned joiners.

    `joiners` maps the keys of `joiner_keys` ("call|prep for", "@a|prep of",
    "advmod also", "prep") to the share of the time such a child joined a cue in PolNeAR, and
    "phrase prep noun" to the share a short phrase joined whole ("said [in a
    statement]"); above one half it joins.
    """
    doc = tok.doc
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return [tok, doc[tok.i + 1]]
    words = [tok, *_linking_words(tok)]
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt"):
            if not (misread_modal(child) or _set_apart(tok, child)):
                words.append(child)
            continue
        phrase = phrase_key(child)
        if phrase is not None and joiners.get(phrase, 0.0) > 0.5 and child.i > tok.i:
            words.extend(t for t in child.subtree if not (t.is_punct or t.is_space))
            continue
        if _joins(joiners, tok.lemma_.lower(), child) and abs(child.i - tok.i) <= 3:
            words.append(child)
            if child.dep_ == "xcomp":  # "continued [not to] affirm"
                words.extend(c for c in child.children if c.dep_ in ("aux", "neg"))
            if child.dep_ == "dobj":  # "repeated [his] claim", "expressed concern [about]"
                words.extend(
                    c
                    for c in child.children
                    if c.i < child.i
                    or (c.i == child.i + 1 and c.dep_ == "prep")
                    or (c.dep_ == "acl" and c.tag_ == "VBG" and c.i <= child.i + 2)
                )  # fmt: skip   "issued a statement [saying]"
    words.sort(key=lambda t: t.i)
    # keep a contiguous run around the head: "has also said", not "has ... said ... to"
    lo = hi = words.index(tok)
    while lo > 0 and words[lo - 1].i >= words[lo].i - 2:
        lo -= 1
    while hi + 1 < len(words) and words[hi + 1].i <= words[hi].i + 2:
        hi += 1
    return words[lo : hi + 1]


def _set_apart(tok: Token, child: Token) -> bool:
    """Whether another word (a subject: "did [they] note") stands between a cue and its auxiliary.

    PolNeAR never takes such an auxiliary into the cue (none of 48 in train).
    """
    lo, hi = sorted((tok.i, child.i))
    return any(
        not (t.is_punct or t.is_space) and t.dep_ not in _BESIDE_VERB for t in tok.doc[lo + 1 : hi]
    )


def _linking_words(tok: Token) -> list[Token]:
    """For a predicate cue: the linking verb, its auxiliaries, the modifiers up to the predicate."""
    link = copula(tok)
    if link is None:
        return []
    words = [link, *(c for c in link.children if c.dep_ in ("aux", "auxpass", "neg"))]
    return words + [t for t in tok.doc[link.i + 1 : tok.i] if t.dep_ in _BETWEEN]


def phrase_key(child: Token) -> str | None:
    """The joiner key of a short prepositional phrase ("phrase in statement"), else None."""
    if child.dep_ != "prep" or len(list(child.subtree)) > _PHRASE_WORDS:
        return None
    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
    return f"phrase {child.lower_} {obj.lemma_.lower()}" if obj is not None else None


def _joins(joiners: dict[str, float], lemma: str, child: Token) -> bool:
    """Whether the most specific joiner statistic known for this child says it joins."""
    for key in joiner_keys(lemma, child):
        if key in joiners:
            return joiners[key] > 0.5
    return False


def joiner_keys(lemma: str, child: Token) -> tuple[str, ...]:
    """The joiner keys of a cue head's child, most specific first.

    "call|prep for" (this word), "continue|xcomp" (a verb or object this cue governs),
    "@a|prep of" (any adjective: "critical of", "aware of"), "prep for", "prep".
    """
    pos = _POS.get(child.head.pos_, "x")
    word = f"{child.dep_} {child.lower_}"
    if child.dep_ in ("xcomp", "dobj"):  # "continue|xcomp": "continued to affirm", "to warn"
        return (f"{lemma}|{word}", f"{lemma}|{child.dep_}", f"@{pos}|{word}", word, child.dep_)
    return (f"{lemma}|{word}", f"@{pos}|{word}", word, child.dep_)


def quote_index(tok_starts: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """For each token start offset, the index of the quoted passage holding it, or -1."""
    out = [-1] * len(tok_starts)
    k = 0
    for i, start in enumerate(tok_starts):
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] <= start:
            out[i] = k
    return out


def near_quote(tok: Token, inside: list[int]) -> int:
    """Tokens from `tok` to the nearest quoted word of its sentence outside `tok`'s own passage."""
    sent = tok.sent
    best = 99
    for i in range(sent.start, sent.end):
        if inside[i] >= 0 and inside[i] != inside[tok.i]:
            best = min(best, abs(i - tok.i))
    return best
