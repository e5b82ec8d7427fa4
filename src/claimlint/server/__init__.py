"""`claimlint server`: a Language Server Protocol server, so editors show findings as you type.

Layout: positions (claimlint columns <-> LSP positions), linting (one warm linter per server,
configuration as the CLI finds it), render (LSP diagnostics and hover text), actions (code
actions), app (the pygls server), command (the click command), client (a small stdio client
for tests, benchmarks and smoke checks).
"""
