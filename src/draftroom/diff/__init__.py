"""Paragraph alignment and redlines between two drafts."""
