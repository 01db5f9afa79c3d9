"""Pair the paragraphs of two texts: by id inside one negotiation, by content across documents.

Content similarity is a weighted Dice overlap of features (word stems and stem pairs for spaced
scripts, character pairs for Chinese and Japanese). Features are weighted by rarity across both texts,
and the opening phrase a paragraph shares with its siblings ("Requests the Secretary-General to",
"请秘书长", "重申") counts for little, so paragraphs that merely share boilerplate are never paired.
Pairs are chosen best first, one to one; the longest run in the same order stays in place, the rest
are moves if they clear a higher bar. Paragraphs left alone between two in-place pairs may then pair
in order: at the full bar, then at a lower one when each is the other's best match (a paragraph
rewritten where it stood).
"""

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from draftroom.diff.inline import REF, is_cjk

PAIR_AT = 0.3  # similarity at which two paragraphs are counterparts
MOVE_AT = 0.4  # a higher bar for counterparts out of their order (moves)
GAP_PAIR_AT = 0.16  # lower bar for two paragraphs alone in the same gap between in-place pairs
OPENING_WEIGHT = 0.2  # weight of features inside a shared opening phrase
COMMON_SHARE = 0.2  # features in more than this share of all paragraphs carry no weight
LEARN_FROM = 120  # paragraphs at least that rarity is learnt from
RARE_DF, RARE_SHARE = 3, 0.01  # candidates for pairing share at least one feature this rare
_STEM = 5  # word stems: the first letters of a word, enough across inflections

_WORD_TOKEN = re.compile(r"\d+(?:[./-]\d+)*|\w+")
_NOT_CONTENT = re.compile(r"\[\^\d+\]|[\W_]+")
_CHAR_PAIR = re.compile(r"(?=(..))", re.S)


@dataclass
class Alignment:
    """Index pairs (old, new). `moved` holds the pairs out of their order."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    moved: set[tuple[int, int]] = field(default_factory=set)


def tokens(text: str) -> list[str]:
    """Word stems of a paragraph in a spaced script; numbers whole; no footnote references."""
    return [t if t[0].isdigit() else t[:_STEM] for t in _WORD_TOKEN.findall(REF.sub(" ", text).lower())]


def _opening_chars(texts: Sequence[str]) -> list[int]:
    """For each paragraph, how many leading characters it shares with a sibling (the longest
    common prefix with any other paragraph of the same text)."""
    order = sorted(range(len(texts)), key=texts.__getitem__)
    shared = [0] * len(texts)
    for a, b in itertools.pairwise(order):
        x, y = texts[a], texts[b]
        n = next((k for k, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), min(len(x), len(y)))
        shared[a], shared[b] = max(shared[a], n), max(shared[b], n)
    return shared


def _opening_tokens(text: str, chars: int, toks: list[str]) -> int:
    """The shared opening in tokens (a word cut in the middle is not shared), at most half of them."""
    if not chars:
        return 0
    n = len(tokens(text[:chars]))
    if n and 0 < chars < len(text) and text[chars - 1].isalnum() and text[chars].isalnum():
        n -= 1
    return min(n, len(toks) // 2)


def _features(text: str, opening: int, cjk: bool) -> dict[str, float]:
    """Feature -> discount: OPENING_WEIGHT when it first occurs inside the shared opening
    (`opening` characters long), else 1.

    Chinese and Japanese: overlapping pairs of characters, punctuation and spaces left out.
    Spaced scripts: word stems of two letters or more, and pairs of stems."""
    if cjk:
        pairs = _CHAR_PAIR.findall(_NOT_CONTENT.sub("", text.lower()))
        out = dict.fromkeys(pairs, 1.0)
        shared = max(len(_NOT_CONTENT.sub("", text[:opening])) - 1, 0)
        out.update(dict.fromkeys(pairs[: min(shared, len(pairs) // 2)], OPENING_WEIGHT))
        return out
    toks = tokens(text)
    head_tokens = _opening_tokens(text, opening, toks)
    pairs = list(map(" ".join, itertools.pairwise(toks)))
    head = {t for t in set(toks[:head_tokens]) if len(t) > 1} | set(pairs[: max(head_tokens - 1, 0)])
    out = dict.fromkeys([t for t in set(toks) if len(t) > 1] + pairs, 1.0)
    out.update(dict.fromkeys(head, OPENING_WEIGHT))
    return out


def similarities(
    old: Sequence[str],
    new: Sequence[str],
    at_least: float,
    among: tuple[set[int], set[int]] | None = None,
    cjk: bool | None = None,
) -> dict[tuple[int, int], float]:
    """Similarity of every (old, new) pair reaching `at_least` that shares a rare feature (found
    through an inverted index; pairs sharing only common words score below any bar anyway).

    Scores are computed only for the old and new indexes in `among` when given. Shared openings
    are found among all paragraphs; rarity is learnt from the paragraphs to score, topped up to
    LEARN_FROM with others spread through the texts."""
    if cjk is None:
        cjk = is_cjk("".join([*old, *new]))
    old_ids, new_ids = among or (set(range(len(old))), set(range(len(new))))
    texts = [*old, *new]
    opening = _opening_chars(old) + _opening_chars(new)
    wanted = [*sorted(old_ids), *(len(old) + j for j in sorted(new_ids))]
    others = sorted(set(range(len(texts))) - set(wanted))
    need = LEARN_FROM - len(wanted)
    learn = wanted + (others[:: math.ceil(len(others) / need)] if need > 0 and others else [])
    feats: dict[int, dict[str, float]] = {}
    for n in learn:
        feats[n] = _features(texts[n], opening[n], cjk)
    df: Counter[str] = Counter()
    for f in feats.values():
        df.update(f.keys())
    total = len(feats)
    too_common = max(2, COMMON_SHARE * total)
    idf = [math.log((total + 1) / d) if 0 < d <= too_common else 0.0 for d in range(total + 1)]
    weighted = {n: {k: w * idf[df[k]] for k, w in feats[n].items() if df[k] <= too_common} for n in wanted}
    mass = {n: sum(w.values()) for n, w in weighted.items()}
    limit = max(RARE_DF, RARE_SHARE * total)
    rare = {k for k, d in df.items() if d <= limit}
    index: dict[str, list[int]] = defaultdict(list)
    for i in sorted(old_ids):
        for k in weighted[i].keys() & rare:
            index[k].append(i)
    out: dict[tuple[int, int], float] = {}
    for j in sorted(new_ids):
        b = weighted[len(old) + j]
        for i in set().union(*map(index.__getitem__, b.keys() & index.keys())):
            a = weighted[i]
            shared = sum([min(a[k], b[k]) for k in a.keys() & b.keys()])
            score = 2 * shared / (mass[i] + mass[len(old) + j])
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
    anchors: set[tuple[int, int]],
    pairs: list[tuple[int, int]],
    scores: dict[tuple[int, int], float],
    at_least: float,
    mutual: bool,
) -> list[tuple[int, int]]:
    """More pairs between unpaired paragraphs lying in the same gap between in-place pairs
    (`anchors`), best first, keeping the order. `mutual`: only pairs where each is the other's best
    match among all unpaired paragraphs (so a weak pair is never a leftover)."""
    ends = sorted(anchors)
    olds = [i for i, _ in ends]
    news = [j for _, j in ends]
    old_used = {i for i, _ in pairs}
    new_used = {j for _, j in pairs}
    free = {(i, j): s for (i, j), s in scores.items() if i not in old_used and j not in new_used}
    best_old: dict[int, float] = defaultdict(float)
    best_new: dict[int, float] = defaultdict(float)
    for (i, j), s in free.items():
        best_old[i], best_new[j] = max(best_old[i], s), max(best_new[j], s)
    found = []
    for (i, j), s in sorted(free.items(), key=lambda item: item[1], reverse=True):
        if s < at_least or i in old_used or j in new_used:
            continue
        if mutual and not s == best_old[i] == best_new[j]:
            continue
        k = bisect.bisect(olds, i)
        if k == bisect.bisect(news, j):
            olds.insert(k, i)
            news.insert(k, j)
            old_used.add(i)
            new_used.add(j)
            found.append((i, j))
    return found


def align_by_content(old: Sequence[str], new: Sequence[str], cjk: bool | None = None) -> Alignment:
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
    among = set(range(len(old))) - paired_old, set(range(len(new))) - paired_new
    scores = similarities(old, new, GAP_PAIR_AT, among, cjk)
    strong = _greedy({p: s for p, s in scores.items() if s >= PAIR_AT}, len(old), len(new))
    anchors = _in_order(pairs + strong)
    moved = {p for p in pairs if p not in anchors}  # exact copies are moves at any distance
    moved |= {p for p in strong if p not in anchors and scores[p] >= MOVE_AT}
    pairs = [p for p in pairs + strong if p in anchors or p in moved]
    for at_least, mutual in ((PAIR_AT, False), (GAP_PAIR_AT, True)):
        found = _fill_gaps(anchors, pairs, scores, at_least, mutual)
        anchors.update(found)
        pairs += found
    return Alignment(sorted(pairs, key=lambda p: p[1]), moved)


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
