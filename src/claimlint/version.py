"""The version, at the ground of the package: the cache key and `--version` read it, and the
documentation links of the reports point at this version's tag of the repository."""

__version__ = "0.2.0"
# The distribution is `claimlint-health` (the name `claimlint` on PyPI is another project);
# the import package and the command are `claimlint`.
DISTRIBUTION = "claimlint-health"
REPOSITORY = "https://github.com/claimlint-health/claimlint"
