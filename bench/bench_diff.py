"""Benchmark `draftroom diff` against difflib and `git diff --no-index --word-diff`, in the same run.

Cases: the real pair (2012 draft -> 2019 successor, Chinese, parsed by draftroom), an English draft
against its adopted resolution, and a synthetic 200-paragraph English pair built from the English
corpus (edits, rewrites, deletions, insertions, moves).
Every tool gets the same texts: title, paragraphs, then footnotes (one per line for git). Figures: time
(best of several runs, the tools taking turns) as a ratio to draftroom's, and redline size = characters marked inserted or deleted.

  difflib: SequenceMatcher over the paragraph lists; in each replaced block, paragraphs pair when their
           SequenceMatcher ratio reaches 0.75 (difflib.ndiff's rule) and are diffed over the same
           units as draftroom (characters for Chinese, words otherwise); the rest are deleted/inserted.
  git:     git diff --no-index --word-diff=porcelain on one-paragraph-per-line files, with words split
           at whitespace (git's default) and, for Chinese, also one character per word.

Run: python bench/bench_diff.py   (from the repository root)
"""

import difflib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine import machine  # noqa: E402  (the machine line every benchmark prints)

from draftroom.diff.inline import units  # noqa: E402
from draftroom.diff.result import compare, units_of  # noqa: E402
from draftroom.model import Document, Paragraph  # noqa: E402
from draftroom.parse import parse_file  # noqa: E402


def shared(sub: str) -> Path:
    for base in (ROOT, *ROOT.parents):
        if (base / "shared" / sub).is_dir():
            return base / "shared" / sub
    raise SystemExit(f"no shared/{sub} folder above {ROOT}")


def texts(doc: Document) -> list[str]:
    """What every tool compares: the title, each paragraph, each footnote."""
    return [doc.title, *(u.text for u in units_of(doc)), *(f.text for f in doc.footnotes)]


# ---- the synthetic pair ---------------------------------------------------------------------------
OPENINGS = [
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Noting with concern",
    "Welcoming",
    "Recognizing",
    "Requests the Secretary-General to",
    "Encourages Member States to",
    "Urges States to",
    "Decides to",
    "Invites",
    "Calls upon all States to",
]


def synthetic_pair(n: int = 200, seed: int = 7) -> tuple[Document, Document]:
    """Paragraphs cut from real English resolutions, then edited the way negotiators edit."""
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(shared("corpus-en").glob("*.txt"))).split()
    rng = random.Random(seed)

    def paragraph() -> str:
        start = rng.randrange(len(words) - 90)
        return f"{rng.choice(OPENINGS)} {' '.join(words[start : start + rng.randint(25, 80)])},"

    def edit(text: str, share: float) -> str:
        toks = text.split()
        for _ in range(max(1, int(len(toks) * share / 3))):
            k = rng.randrange(len(toks))
            kind = rng.random()
            if kind < 0.4:
                toks[k : k + rng.randint(1, 3)] = rng.sample(words, rng.randint(1, 3))
            elif kind < 0.7:
                toks[k:k] = rng.sample(words, rng.randint(1, 4))
            else:
                del toks[k : k + rng.randint(1, 3)]
        return " ".join(toks)

    old = [paragraph() for _ in range(n)]
    new: list[str] = []
    for text in old:
        r = rng.random()
        if r < 0.05:
            continue  # deleted
        if r < 0.10:
            new.append(paragraph())  # a new paragraph where one was dropped
        if r < 0.30:
            new.append(edit(text, 0.08))
        elif r < 0.35:
            new.append(edit(text, 0.5))  # rewritten
        else:
            new.append(text)
    for _ in range(3):  # moves
        new.insert(rng.randrange(len(new)), new.pop(rng.randrange(len(new))))

    def doc(paras: list[str]) -> Document:
        half = len(paras) // 2
        return Document(
            title="Synthetic resolution",
            preamble=[Paragraph(f"p{k}", t) for k, t in enumerate(paras[:half])],
            operative=[Paragraph(f"o{k}", t, k + 1) for k, t in enumerate(paras[half:])],
        )

    return doc(old), doc(new)


# ---- the peers ---------------------------------------------------------------------------------
def difflib_redline(old: list[str], new: list[str]) -> int:
    """Characters marked by a difflib pipeline over the same paragraphs and units."""
    marked = 0

    def inline(a: str, b: str) -> int:
        cjk = None if a and b else False
        ua, ub = units(a, cjk), units(b, cjk)
        sm = difflib.SequenceMatcher(None, ua, ub, autojunk=False)
        return sum(
            len("".join(ua[i1:i2])) + len("".join(ub[j1:j2]))
            for tag, i1, i2, j1, j2 in sm.get_opcodes()
            if tag != "equal"
        )

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        used: set[int] = set()
        for a in old[i1:i2]:
            best, best_j = 0.74, None
            for j in range(j1, j2):
                if j in used:
                    continue
                sm = difflib.SequenceMatcher(None, a, new[j], autojunk=False)
                if sm.real_quick_ratio() > best and sm.quick_ratio() > best and sm.ratio() > best:
                    best, best_j = sm.ratio(), j
            if best_j is None:
                marked += len(a)
            else:
                used.add(best_j)
                marked += inline(a, new[best_j])
        marked += sum(len(new[j]) for j in range(j1, j2) if j not in used)
    return marked


def git_redline(old: list[str], new: list[str], regex: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "old.txt"), Path(tmp, "new.txt")
        a.write_text("\n".join(old) + "\n", encoding="utf-8")
        b.write_text("\n".join(new) + "\n", encoding="utf-8")
        cmd = ["git", "diff", "--no-index", "--word-diff=porcelain", "--unified=0"]
        cmd += [f"--word-diff-regex={regex}"] if regex else []
        out = subprocess.run([*cmd, str(a), str(b)], capture_output=True).stdout.decode("utf-8", "replace")
    body = out.split("\n@@", 1)[-1]
    return sum(
        len(line) - 1 for line in body.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    )


def best_times(tools: dict[str, object], repeat: int) -> dict[str, float]:
    """Best wall time of each tool, running them in turn so a busy machine slows all alike."""
    best = dict.fromkeys(tools, float("inf"))
    for _ in range(repeat):
        for name, fn in tools.items():
            t = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t)
    return best


def run_case(name: str, old: Document, new: Document, cjk: bool, repeat: int) -> None:
    a, b = texts(old), texts(new)
    char = "[^\\x80-\\xbf][\\x80-\\xbf]*"  # one UTF-8 character
    tools = {
        "draftroom": lambda: compare(old, new),
        "difflib": lambda: difflib_redline(a, b),
        "git --word-diff": lambda: git_redline(a, b, None),
    }
    sizes = {
        "draftroom": compare(old, new).marked,
        "difflib": difflib_redline(a, b),
        "git --word-diff": git_redline(a, b, None),
    }
    if cjk:
        tools["git --word-diff (1 char/word)"] = lambda: git_redline(a, b, char)
        sizes["git --word-diff (1 char/word)"] = git_redline(a, b, char)
    times = best_times(tools, repeat)
    ours_t, ours_s = times["draftroom"], sizes["draftroom"]
    print(f"\n{name}: {len(a)} -> {len(b)} paragraphs, {sum(map(len, a))} -> {sum(map(len, b))} characters")
    print(f"  draftroom: {compare(old, new).summary()}")
    print(
        f"  {'tool':32} {'time ms':>9} {'time / draftroom':>17} {'redline chars':>14} {'size / draftroom':>17}"
    )
    for tool, t in times.items():
        size = sizes[tool]
        print(f"  {tool:32} {t * 1000:9.1f} {t / ours_t:16.1f}x {size:14d} {size / max(ours_s, 1):16.2f}x")


def main() -> None:
    print(f"machine: {machine()}")
    seeds = shared("seeds")
    old = parse_file(seeds / "002_e512e5138112a4f1.txt")
    new = parse_file(seeds / "001_334a0e47d0d674b7.txt")
    run_case("real pair (zh, 2012 draft -> 2019 revised draft)", old, new, True, 20)
    corpus = shared("corpus-en")
    en_old, en_new = parse_file(corpus / "A_C.3_80_L.3.txt"), parse_file(corpus / "A_RES_80_229.txt")
    run_case("real pair (en, A/C.3/80/L.3 draft -> A/RES/80/229 adopted)", en_old, en_new, False, 10)
    s_old, s_new = synthetic_pair()
    run_case("synthetic pair (en, 200 paragraphs)", s_old, s_new, False, 8)


if __name__ == "__main__":
    main()
