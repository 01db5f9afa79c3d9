"""Pair the paragraphs of two texts: by id inside one negotiation, by content across documents.

Content similarity is a weighted Dice overlap of features (word stems and word pairs for spaced
scripts, character pairs for Chinese and Japanese). Features are weighted by rarity across both texts,
and the opening phrase a paragraph shares with its siblings ("Requests the Secretary-General to",
"请秘书长", "重申") counts for little, so paragraphs that merely share boilerplate are never paired.
Pairs are chosen best first, one to one; the longest run in the same order stays in place, the rest
are moves if they clear a higher bar; a paragraph left alone between two in-place pairs may still pair, at a lower bar, with one
left alone in the same gap on the other side (a paragraph rewritten where it stood).
"""

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from draftroom.diff.inline import REF, is_cjk

PAIR_AT = 0.3  # similarity at which two paragraphs are counterparts
MOVE_AT = 0.4  # a higher bar for counterparts out of their order (moves)
GAP_PAIR_AT = 0.16  # lower bar for two paragraphs alone in the same gap between in-place pairs
OPENING_WEIGHT = 0.2  # weight of features inside a shared opening phrase
COMMON_SHARE = 0.5  # features in more than this share of all paragraphs carry no weight
_STEM = 5  # word stems: the first letters of a word, enough across inflections

_CJK_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]|\d+(?:[./-]\d+)*|[^\W\d_]+"
)
_WORD_TOKEN = re.compile(r"\d+(?:[./-]\d+)*|\w+")


@dataclass
class Alignment:
    """Index pairs (old, new). `moved` holds the pairs out of their order."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    moved: set[tuple[int, int]] = field(default_factory=set)


def tokens(text: str) -> list[str]:
    """Content tokens of a paragraph: characters for CJK, word stems otherwise; no references."""
    text = REF.sub(" ", text).lower()
    if is_cjk(text):
        return _CJK_TOKEN.findall(text)
    return [t if t[0].isdigit() else t[:_STEM] for t in _WORD_TOKEN.findall(text)]


def _openings(docs: Sequence[list[str]]) -> list[int]:
    """For each paragraph (token list) the length of the opening it shares with a sibling.

    The longest common prefix with any other paragraph of the same text, at most half its tokens.
    """
    order = sorted(range(len(docs)), key=lambda k: docs[k])
    shared = [0] * len(docs)
    for a, b in itertools.pairwise(order):
        x, y = docs[a], docs[b]
        n = 0
        while n < min(len(x), len(y)) and x[n] == y[n]:
            n += 1
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    return [min(s, len(d) // 2) for s, d in zip(shared, docs, strict=True)]


def _features(toks: list[str], opening: int) -> dict[str, float]:
    """Feature -> discount (1, or OPENING_WEIGHT inside the shared opening)."""
    out: dict[str, float] = {}
    for k, t in enumerate(toks):
        if len(t) > 1:
            out.setdefault(t, OPENING_WEIGHT if k < opening else 1.0)
        if k:
            out.setdefault(toks[k - 1] + " " + t, OPENING_WEIGHT if k < opening else 1.0)
    return out


def similarities(old: Sequence[str], new: Sequence[str], at_least: float) -> dict[tuple[int, int], float]:
    """Similarity of every (old, new) pair reaching `at_least`, computed through an inverted index."""
    old_toks = [tokens(t) for t in old]
    new_toks = [tokens(t) for t in new]
    feats = [
        _features(t, o) for toks in (old_toks, new_toks) for t, o in zip(toks, _openings(toks), strict=True)
    ]
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for k in f:
            df[k] += 1
    total = len(feats)
    idf = {k: math.log((total + 1) / d) for k, d in df.items() if d <= max(2, COMMON_SHARE * total)}
    weighted = [{k: w * idf[k] for k, w in f.items() if k in idf} for f in feats]
    mass = [sum(w.values()) for w in weighted]
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, w in enumerate(weighted[: len(old)]):
        for k, v in w.items():
            index[k].append((i, v))
    out: dict[tuple[int, int], float] = {}
    for j, w in enumerate(weighted[len(old) :]):
        acc: dict[int, float] = defaultdict(float)
        for k, v in w.items():
            for i, u in index.get(k, ()):
                acc[i] += min(u, v)
        for i, common in acc.items():
            score = 2 * common / (mass[i] + mass[len(old) + j])
            if score >= at_least:
                out[i, j] = score
    return out


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of pairs increasing on both sides (pairs are one to one)."""
    pairs = sorted(pairs, key=lambda p: p[1])
    tails: list[int] = []  # old index ending the best chain of each length
    tail_at: list[int] = []  # position in `pairs` of that end
    back: list[int] = []
    for k, (i, _) in enumerate(pairs):
        n = bisect.bisect_left(tails, i)
        if n == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[n], tail_at[n] = i, k
        back.append(tail_at[n - 1] if n else -1)
    chain: set[tuple[int, int]] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.add(pairs[k])
        k = back[k]
    return chain


def _greedy(scores: dict[tuple[int, int], float], n_old: int, n_new: int) -> list[tuple[int, int]]:
    """One-to-one pairs, best first; near ties go to the pair closer in relative position."""

    def rank(item: tuple[tuple[int, int], float]) -> float:
        (i, j), s = item
        return s - 0.02 * abs(i / max(n_old, 1) - j / max(n_new, 1))

    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for (i, j), _ in sorted(scores.items(), key=rank, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return pairs


def _fill_gaps(
    anchors: set[tuple[int, int]], scores: dict[tuple[int, int], float], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs at the lower bar between unpaired paragraphs lying in the same gap between anchors."""
    ends = sorted(anchors)
    olds = [i for i, _ in ends]
    news = [j for _, j in ends]
    old_used = {i for i, _ in taken}
    new_used = {j for _, j in taken}

    def gap(i: int, j: int) -> int | None:
        gi = bisect.bisect(olds, i)
        return gi if gi == bisect.bisect(news, j) else None

    candidates = {
        (i, j): s
        for (i, j), s in scores.items()
        if i not in old_used and j not in new_used and gap(i, j) is not None
    }
    found = _greedy(candidates, 1, 1)
    return sorted(_in_order(found))


def align_by_content(old: Sequence[str], new: Sequence[str]) -> Alignment:
    """Counterparts across two documents; exact copies pair first, in order."""
    exact: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(old):
        exact[text.strip()].append(i)
    pairs: list[tuple[int, int]] = []
    for j, text in enumerate(new):
        if exact.get(text.strip()):
            pairs.append((exact[text.strip()].pop(0), j))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    scores = {
        p: s
        for p, s in similarities(old, new, GAP_PAIR_AT).items()
        if p[0] not in paired_old and p[1] not in paired_new
    }
    strong = _greedy({p: s for p, s in scores.items() if s >= PAIR_AT}, len(old), len(new))
    anchors = _in_order(pairs + strong)
    pairs += [p for p in strong if p in anchors or scores[p] >= MOVE_AT]
    pairs += _fill_gaps(anchors, scores, pairs)
    anchors = _in_order(pairs)
    return Alignment(sorted(pairs, key=lambda p: p[1]), {p for p in pairs if p not in anchors})


def align_by_key(old: Sequence[Hashable], new: Sequence[Hashable]) -> Alignment:
    """Pairs with the same key (paragraph ids of one negotiation, or labels)."""
    where = {k: i for i, k in enumerate(old)}
    pairs = [(where[k], j) for j, k in enumerate(new) if k in where]
    anchors = _in_order(pairs)
    return Alignment(pairs, {p for p in pairs if p not in anchors})


def reading_order(alignment: Alignment, n_old: int, n_new: int) -> list[tuple[int | None, int | None]]:
    """(old, new) in the new text's order; an unpaired old paragraph follows the in-place pair of
    the old paragraph before it (or opens the text), as a redline shows a deletion where it stood."""
    old_of = {j: i for i, j in alignment.pairs}
    paired_old = set(old_of.values())
    in_place = {i for i, j in alignment.pairs if (i, j) not in alignment.moved}
    out: list[tuple[int | None, int | None]] = []

    def deletions_from(i: int) -> None:
        while i < n_old and i not in in_place:
            if i not in paired_old:
                out.append((i, None))
            i += 1

    deletions_from(0)
    for j in range(n_new):
        i = old_of.get(j)
        out.append((i, j))
        if i is not None and i in in_place:
            deletions_from(i + 1)
    return out
