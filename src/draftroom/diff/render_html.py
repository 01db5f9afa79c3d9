"""The redline as one self-contained HTML page a reviewer can mail: no scripts, no external files."""

from html import escape

from draftroom.diff.labels import collapsed, pair_name, summary_line
from draftroom.model.redline import Change, Redline

_CSS = """
body { font-family: "Times New Roman", "Noto Serif CJK SC", "SimSun", serif; max-width: 52em;
       margin: 2em auto; line-height: 1.5; color: #222; }
h1 { font-size: 1.2em; } h2 { font-size: 1.05em; margin-top: 2em; }
.pair { margin: 1em 0; } .label { font: bold 0.85em sans-serif; }
.status { font: 0.8em sans-serif; padding: 0 0.4em; border-radius: 3px; margin-left: 0.5em; }
.changed .status { background: #fff3bf; } .moved .status { background: #e5dbff; }
.inserted .status { background: #d3f9d8; } .deleted .status { background: #ffe3e3; }
.unchanged .status { background: #eee; }
ins { color: #0b6e2e; background: #ebfbee; text-decoration: underline; }
del { color: #b02a37; background: #fff0f0; text-decoration: line-through; }
details { color: #666; margin: 0.5em 0; } .summary { font: 0.9em sans-serif; }
.warning { color: #b02a37; font: 0.9em sans-serif; }
"""


def _text(c: Change) -> str:
    parts = []
    for op, text in c.segments:
        t = escape(text)
        parts.append(t if op == "equal" else f"<ins>{t}</ins>" if op == "insert" else f"<del>{t}</del>")
    return "".join(parts)


def _pair(c: Change) -> str:
    head = f'<span class="label">{escape(pair_name(c))}</span><span class="status">{c.status}</span>'
    return f'<div class="pair {c.status}">{head}<div class="text">{_text(c)}</div></div>'


def _section(changes: list[Change]) -> list[str]:
    out: list[str] = []
    run: list[Change] = []

    def flush() -> None:
        if run:
            inner = "".join(_pair(c) for c in run)
            out.append(f"<details><summary>{escape(collapsed(run))}</summary>{inner}</details>")
            run.clear()

    for c in changes:
        if c.status == "unchanged":
            run.append(c)
        else:
            flush()
            out.append(_pair(c))
    flush()
    return out


def render_html(r: Redline) -> str:
    title = f"{r.old_name} → {r.new_name}"
    lang = r.new_language or r.old_language or "en"
    body = [f"<h1>{escape(title)}</h1>", f'<p class="summary">{escape(summary_line(r))}</p>']
    body += [f'<p class="warning">{escape(w)}</p>' for w in r.warnings]
    body += _section(r.pairs)
    if r.footnotes:
        body.append("<h2>Footnotes</h2>")
        body += _section(r.footnotes)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
