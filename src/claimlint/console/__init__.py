"""What the check command shows a person at a terminal: colour, source excerpts, progress, the
output file, and the --show-files / --show-settings views. Pure click, no spaCy."""
