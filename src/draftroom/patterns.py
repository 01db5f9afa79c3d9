"""Regular expressions compiled on first use, not at import.

A command starts a new Python each time, and compiling the patterns of every module it imports (the
script ranges of six languages among them) once cost more than most commands' own work. A module
keeps its patterns where they belong, written `LazyPattern(r"...")` instead of `re.compile(r"...")`; each is
compiled the first time it is used, then kept. `.pattern` and `.flags` are there without compiling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any


class LazyPattern:
    """`re.compile(pattern, flags)`, done on the first match, search, substitution or split."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, string: str, *where: int) -> re.Match[str] | None:
        return self.compiled.match(string, *where)

    def fullmatch(self, string: str, *where: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, *where)

    def search(self, string: str, *where: int) -> re.Match[str] | None:
        return self.compiled.search(string, *where)

    def finditer(self, string: str, *where: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, *where)

    def findall(self, string: str, *where: int) -> list[Any]:
        return self.compiled.findall(string, *where)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)
