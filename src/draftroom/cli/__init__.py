"""The command line: thin verbs that call the workflow functions. One module per group of verbs."""
