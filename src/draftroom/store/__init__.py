"""The git-backed negotiation store and its rebuildable SQL index."""
