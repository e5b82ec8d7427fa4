"""Commands beside `check` that the CLI adds: the rule commands (rules, explain, test-rules)
and `schema` (where the JSON Schemas for editors are)."""
