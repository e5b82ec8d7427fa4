"""Prose to diagnostics: sentences, lexicon matching, context, claim analysis and the engine.

The only package that imports spaCy; it compiles what claimlint.packs loads.
"""
