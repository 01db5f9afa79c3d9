"""Plain text, Markdown and HTML renderings of a Layout (the same page as the .docx, without Word).

The plain text is the canonical form `draftroom parse` reads: paragraphs separated by blank lines,
numbers and markers in front ("1. ", "(a) "), footnote references `[^N]` inline and each note as a
line `[^N]: text` at the end.
"""

import html

from draftroom.export.blocks import REF, Block, Layout, note_numbers
from draftroom.export.typography import Typography

BOLD = {
    "session",
    "committee",
    "agenda-title",
    "sponsors",
    "adopted",
    "council-number",
    "title",
    "part",
    "part-title",
    "annex-title",
    "annex-heading",
}


def _renumbered(text: str, numbers: dict[int, int]) -> str:
    return REF.sub(
        lambda m: f"[^{numbers[int(m.group(1))]}]" if int(m.group(1)) in numbers else m.group(0), text
    )


def _masthead_lines(layout: Layout) -> list[str]:
    m = layout.masthead
    return [line for line in (m.united_nations, m.symbol, m.organ, *m.right) if line]


def _notes(layout: Layout, numbers: dict[int, int]) -> list[tuple[int, str]]:
    return sorted((shown, layout.footnotes[n]) for n, shown in numbers.items())


_TEXT_MARKS = {"del": ("[-", "-]"), "ins": ("{+", "+}")}
_MD_MARKS = {
    "del": ("~~", "~~"),
    "ins": ("[", "]{.underline}"),
    "who": ("**", "**"),
    "status": ("*", "*"),
    "bracket": ("**", "**"),
}
_HTML_TAGS = {"del": "del", "ins": "ins", "who": "b", "status": "i", "bracket": "b"}


def _plain(block: Block) -> str:
    """The block's text; a compilation line with its deletions and insertions marked [-…-] {+…+}."""
    if not block.spans:
        return block.text
    return "".join(
        _TEXT_MARKS.get(kind, ("", ""))[0] + text + _TEXT_MARKS.get(kind, ("", ""))[1]
        for kind, text in block.spans
    )


def _line(block: Block, text: str) -> str:
    return f"{block.label} {text}" if block.label else text


def write_text(layout: Layout, _typo: Typography) -> bytes:
    numbers = note_numbers(layout)
    parts = ["\n".join(_masthead_lines(layout))]
    parts += [_line(b, _renumbered(_plain(b), numbers)) for b in layout.blocks if b.text or b.spans]
    notes = "\n".join(f"[^{n}]: {text}" for n, text in _notes(layout, numbers))
    if notes:
        parts.append(notes)
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def _md_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in "*_`<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_text(block: Block, numbers: dict[int, int]) -> str:
    opener, rest = block.text[: block.opener], block.text[block.opener :]
    body = (f"*{_md_escape(opener)}*" if opener.strip() else _md_escape(opener)) + _md_escape(rest)
    if block.spans:
        body = "".join(
            _MD_MARKS.get(kind, ("", ""))[0] + _md_escape(text) + _MD_MARKS.get(kind, ("", ""))[1]
            for kind, text in block.spans
        )
    body = _renumbered(body, numbers)
    if block.style in BOLD:
        body = f"**{body}**"
    label = block.label.replace(".", "\\.") if block.label else ""
    return f"{label} {body}" if label else body


def write_markdown(layout: Layout, _typo: Typography) -> bytes:
    numbers = note_numbers(layout)
    parts = ["  \n".join(_md_escape(line) for line in _masthead_lines(layout))]
    for block in layout.blocks:
        if block.style == "end":
            parts.append("---")
        elif block.text or block.spans:
            parts.append(_md_text(block, numbers))
    parts += [f"[^{n}]: {_md_escape(text)}" for n, text in _notes(layout, numbers)]
    return ("\n\n".join(parts) + "\n").encode("utf-8")


_CSS = """body{font-family:"Times New Roman",SimSun,serif;max-width:42em;margin:2em auto;line-height:1.35}
.masthead{border-bottom:3px solid #000;padding-bottom:.5em}.masthead .symbol{float:right;font-size:1.3em}
.organ{font-weight:bold;font-size:1.6em}p{text-align:justify;margin:.4em 0 .4em 3em}
p.preamble,p.operative,p.item,p.body,p.instruction{text-indent:3em}p.quoted{margin-left:6em;text-indent:3em}
.session,.committee,.agenda,.agenda-title{margin-left:0}.closing{text-align:right;font-style:italic}
.part,.part-title{text-align:center;margin-left:0}.bold{font-weight:bold}.title{font-size:1.15em}.end{width:8em;margin:1.5em auto;border-top:1px solid #000}
.newpage{margin-top:3em}.opener{font-style:italic}.opener.kaiti{font-style:normal;font-family:KaiTi,serif}
.opener.bold{font-style:normal;font-weight:bold}.opener.none{font-style:normal}
section.footnotes{border-top:1px solid #000;width:100%;font-size:.85em;margin-top:2em}"""


def _html_text(text: str, numbers: dict[int, int]) -> str:
    out, pos = [], 0
    for m in REF.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        n = numbers.get(int(m.group(1)))
        out.append(f'<sup><a href="#fn{n}" id="ref{n}">{n}</a></sup>' if n else html.escape(m.group(0)))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _html_block(block: Block, numbers: dict[int, int], opener_class: str) -> str:
    classes = (
        [block.style] + (["bold"] if block.style in BOLD else []) + (["newpage"] if block.new_page else [])
    )
    if block.style == "end":
        return '<div class="end"></div>'
    opener = block.text[: block.opener]
    inner = (
        f'<span class="opener {opener_class}">{html.escape(opener)}</span>' if opener else ""
    ) + _html_text(block.text[block.opener :], numbers)
    if block.spans:
        inner = "".join(
            f"<{_HTML_TAGS[kind]}>{_html_text(text, numbers)}</{_HTML_TAGS[kind]}>"
            if kind in _HTML_TAGS
            else _html_text(text, numbers)
            for kind, text in block.spans
        )
    label = f"{html.escape(block.label)} " if block.label else ""
    return f'<p class="{" ".join(classes)}">{label}{inner}</p>'


def write_html(layout: Layout, typo: Typography) -> bytes:
    numbers = note_numbers(layout)
    m = layout.masthead
    direction = "rtl" if typo.rtl else "ltr"
    head = (
        f'<div class="masthead"><span class="symbol">{html.escape(m.symbol)}</span>'
        f'<div>{html.escape(m.united_nations)}</div><div class="organ">{html.escape(m.organ)}</div>'
        + "".join(f"<div>{html.escape(r)}</div>" for r in m.right)
        + "</div>"
    )
    body = [
        _html_block(b, numbers, typo.opener) for b in layout.blocks if b.text or b.spans or b.style == "end"
    ]
    notes = "".join(
        f'<li id="fn{n}">{html.escape(text)} <a href="#ref{n}">↩</a></li>'
        for n, text in _notes(layout, numbers)
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{layout.language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{html.escape(m.symbol)}</title><style>{_CSS}</style></head><body>{head}"
        + "\n".join(body)
        + (f'<section class="footnotes"><ol>{notes}</ol></section>' if notes else "")
        + "</body></html>\n"
    )
    return page.encode("utf-8")
