"""Reading real resolution texts (plain text as extracted from PDF, PDF, .docx) into a Document."""

from draftroom.parse.source import SourceText, parse_file, parse_source, parse_text, read_source

__all__ = ["SourceText", "parse_file", "parse_source", "parse_text", "read_source"]
