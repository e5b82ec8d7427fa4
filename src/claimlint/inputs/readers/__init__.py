"""Readers turn a decoded document into prose blocks that map back to exact source positions."""
