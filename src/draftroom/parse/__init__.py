"""Reading real resolution texts (plain text as extracted from PDF, PDF, .docx) into a Document."""

from draftroom.parse.source import file_text, parse_file, parse_text

__all__ = ["file_text", "parse_file", "parse_text"]
