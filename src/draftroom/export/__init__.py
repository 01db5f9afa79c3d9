"""UN-formatted output: Word documents with real footnotes, text, Markdown, HTML."""
