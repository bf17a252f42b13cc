"""People's titles, read from the parse around their names.

News names people with their role: "Kremlin spokesman Dmitry Peskov",
"Dmitry Peskov, the Kremlin spokesman", "former U.S. Secretary of State John
Kerry". This module finds those titles. It lives apart from `entities.py`
because it is a job of its own: entities decide *who* a mention is, titles only
read the words next to a name the entities stage has already settled on. Kept
separate, both stay under the ~400-line guideline and the title rules (role
nouns, which modifiers belong in a title) can be read and tuned in one place.

The approach: a short list of role *head* nouns (`ROLES`), and the parse for
the rest. A title is a role noun written right before a name, or in
apposition to it, together with the adjectives, nouns and names that modify
it ("Kremlin", "former U.S.", "Foreign"), up to `MAX_TITLE` tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx"})
# Head nouns of the roles news writes before a name. Only the head is listed:
# its modifiers ("Kremlin", "former U.S.", "Prime", "Foreign") come from the
# parse, so "Kremlin spokesman" and "Foreign Minister" need no entry of their own.
_ROLE_WORDS = """
president president-elect premier chancellor minister secretary secretary-general
spokesman spokeswoman spokesperson envoy ambassador diplomat official aide adviser
advisor lawmaker legislator senator sen congressman congresswoman representative rep
governor gov mayor leader chairman chairwoman chair chief director commander general gen
admiral adm colonel col lieutenant lt captain capt sergeant sgt judge justice attorney
prosecutor lawyer king queen prince princess emperor monarch sultan emir sheikh pope
cardinal archbishop bishop ayatollah imam rabbi patriarch pastor reverend rev journalist
reporter correspondent editor columnist commentator writer author host anchor analyst
expert economist scholar professor prof researcher scientist dr doctor activist
campaigner candidate nominee founder ceo executive manager speaker strategist pollster
consultant historian blogger dissident businessman businesswoman billionaire tycoon
oligarch coach
"""
ROLES = frozenset(_ROLE_WORDS.split())
MAX_TITLE = 6  # tokens; a longer run of modifiers is a sentence, not a title
_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def is_role(tok: Token) -> bool:
    """Whether a token is the head noun of a role ("President", "spokesman", "Sen.")."""
    return tok.lower_.rstrip(".") in ROLES or tok.lemma_.lower() in ROLES


def titles_of(name: Span) -> list[str]:
    """The titles written with one mention of a person: before the name, then in apposition."""
    return [title for title in (title_before(name), appos_title(name)) if title]


def title_before(name: Span) -> str | None:
    """The role written right before a name: "Kremlin spokesman", "former U.S. President"."""
    doc = name.doc
    head = _title_head(doc, name.start - 1)
    if head is None:
        return None
    first = _extend_left(doc, head, limit=name.start - MAX_TITLE)
    return doc[first : name.start].text


def appos_title(name: Span) -> str | None:
    """A role in apposition: "Dmitry Peskov, the Kremlin spokesman" or the reverse order."""
    doc = name.doc
    for tok in name:
        for child in tok.children:
            if child.dep_ == "appos" and child.i >= name.end and is_role(child):
                return doc[_extend_left(doc, child.i, child.i - MAX_TITLE) : child.i + 1].text
    root = name.root
    if root.dep_ == "appos" and root.head.i < name.start and is_role(root.head):
        head = root.head.i
        return doc[_extend_left(doc, head, head - MAX_TITLE) : head + 1].text
    return None


def tidy_titles(titles: list[str]) -> list[str]:
    """Drop a title that a longer one ends with: "President" under "Syrian President"."""
    folded = [" ".join(t.split()).casefold() for t in titles]
    return [
        " ".join(t.split())
        for t, f in zip(titles, folded, strict=True)
        if not any(o != f and o.endswith(" " + f) for o in folded)
    ]


def _title_head(doc: Doc, i: int) -> int | None:
    """The role noun ending at token `i`, directly or as "Secretary of State"."""
    if i < 0 or doc[i].is_space or doc[i].text.rstrip(".") in HONORIFICS:
        return None
    if is_role(doc[i]) and doc[i].tag_ not in {"NNS", "NNPS"}:
        return i
    for k in range(i, max(i - 3, 1), -1):
        if not all(t.text[:1].isupper() and not t.is_punct for t in doc[k : i + 1]):
            return None
        if doc[k - 1].lower_ == "of" and k >= 2 and is_role(doc[k - 2]):
            return k - 2
    return None


def _extend_left(doc: Doc, head: int, limit: int) -> int:
    """Walk left from a role noun over its modifiers; return the first title token."""
    first = head
    j = head - 1
    while j >= max(limit, 0) and _modifies(doc, j):
        first = j
        j -= 1
        if doc[first].text == "-" and j >= 0 and doc[j].is_alpha:  # "then-Secretary"
            first = j
            j -= 1
    return first


def _modifies(doc: Doc, j: int) -> bool:
    """Whether token `j` can sit inside a title: an adjective, a noun or name, an inner hyphen."""
    tok = doc[j]
    if tok.is_space or tok.ent_type_ in _NUMERIC or tok.like_num:
        return False
    if tok.text == "-":
        return not tok.whitespace_ and j > 0 and not doc[j - 1].whitespace_
    if tok.is_punct or tok.tag_ in {"NNS", "POS"} or tok.dep_ == "poss":
        return False
    if tok.pos_ == "NOUN" and tok.is_lower and not is_role(tok):
        return tok.dep_ in {"compound", "nmod", "amod"}  # "campaign manager", not "the way Sen."
    return tok.pos_ in {"ADJ", "PROPN", "NOUN"} or is_role(tok)
