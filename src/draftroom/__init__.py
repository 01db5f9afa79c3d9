"""draftroom: a workflow engine for drafting and negotiating United Nations resolutions."""

__version__ = "0.1.0"
