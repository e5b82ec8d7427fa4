"""The version, at the ground of the package: the cache key and `--version` read it."""

__version__ = "0.1.0"
