"""Formal amendments documents ("Lithuania: amendments to draft resolution A/C.3/68/L.75"):
their instructions turned into amendments, and amendments turned back into instructions.

Instructions cite paragraphs by label in the text they amend (PP14, OP3, OP1(a)); amendments cite
them by stable id. A move has no instruction of its own: it is written as a deletion and an
insertion, as formal amendments documents do.
"""

from draftroom.errors import DraftroomError
from draftroom.model import Document, Instruction, labels, locate
from draftroom.model.amendment import Amendment
from draftroom.workflow.rules import Proposal, propose
from draftroom.workflow.tree import paragraph

_SPACELESS = ("zh", "ja")


def proposal_for(ins: Instruction, doc: Document) -> Proposal:
    """The proposal an instruction makes; the labels it cites are resolved in `doc`, once."""
    op = ins.op
    if op == "insert":
        if not (ins.after or ins.before):
            raise DraftroomError("an insertion needs the paragraph it goes after or before")
        where = "after" if ins.after else "before"
        return Proposal("insert", anchor=_id(doc, ins.after or ins.before), position=where, text=ins.text)
    target = _id(doc, ins.target)
    if op in ("delete", "replace"):
        return Proposal(op, target=target, text=ins.text)
    if op == "delete-words":
        return Proposal("edit", target=target, find=ins.words, replace="")
    if op == "replace-words":
        return Proposal("edit", target=target, find=ins.words, replace=ins.text or "")
    if op == "insert-words":
        words, added = ins.words or "", (ins.text or "").strip()
        glue = "" if doc.language in _SPACELESS or added[:1] in ",;.:)" else " "
        return Proposal("edit", target=target, find=words, replace=f"{words}{glue}{added}")
    raise DraftroomError(f"unknown instruction {op!r} in the amendments document")


def _id(doc: Document, label: str | None) -> str | None:
    return locate(doc, label).paragraph.id if label else None


def from_instructions(
    doc: Document,
    instructions: list[Instruction],
    base: str,
    proposers: list[str],
    id_prefix: str,
    rationale: str = "",
) -> list[Amendment]:
    """One amendment per instruction; the first bad instruction stops everything."""
    if not instructions:
        raise DraftroomError("the amendments document has no instructions to record")
    out = []
    for n, ins in enumerate(instructions, 1):
        try:
            p = proposal_for(ins, doc)
            out.append(propose(doc, base, proposers, p, id_prefix, rationale))
        except DraftroomError as e:
            raise DraftroomError(f"instruction {n}: {e}") from None
    return out


def to_instructions(doc: Document, amendments: list[Amendment]) -> list[Instruction]:
    """The amendments as a formal document's instructions, labels as in `doc`."""
    names = labels(doc)
    out: list[Instruction] = []
    for a in amendments:
        target, anchor = names.get(a.target or ""), names.get(a.anchor or "")
        side = {"after": anchor} if a.position == "after" else {"before": anchor}
        if a.kind == "insert":
            out.append(Instruction("insert", text=a.text, **side))
        elif a.kind in ("delete", "replace"):
            out.append(Instruction(a.kind, target=target, text=a.text if a.kind == "replace" else None))
        elif a.kind == "edit":
            out.append(_words(a, target))
        elif a.kind == "move":
            moved = paragraph(doc, a.target or "")
            out.append(Instruction("delete", target=target))
            out.append(Instruction("insert", text=moved.text if moved else a.base_text, **side))
    return out


def _words(a: Amendment, target: str | None) -> Instruction:
    find, new = (a.find or "").strip(), a.replace or ""
    if not find:
        return Instruction("replace", target=target, text=a.text)
    if not new:
        return Instruction("delete-words", target=target, words=find)
    if new.startswith(find) and len(new) > len(find):
        return Instruction("insert-words", target=target, words=find, text=new[len(find) :].strip())
    return Instruction("replace-words", target=target, words=find, text=new)
