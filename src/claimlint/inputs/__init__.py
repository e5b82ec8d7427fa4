"""Bytes to prose: decoding, discovery, the readers with exact positions, and suppressions.

Pure Python (no spaCy): everything here can be imported and tested without the NLP layer.
"""
