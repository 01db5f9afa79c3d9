"""Reading real resolution texts (plain text as extracted from PDF, PDF, .docx) into a Document."""

from draftroom.parse.source import parse_file, parse_text

__all__ = ["parse_file", "parse_text"]
