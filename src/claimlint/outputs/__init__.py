"""Diagnostics to text: the text, concise and JSON formats, the CI formats and the HTML report."""
