"""The public Python API: lint text or paths and get diagnostics back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.nlp.engine import Linter, Options

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.run.resolver import Resolver
from claimlint.inputs.discovery import expand_paths
from claimlint.inputs.sources import Source
from claimlint.packs import RuleSet, lazy_rules, load_rules


class Progress(Protocol):
    """Told how many files a run will lint, then of each one done (a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@dataclass
class Result:
    """Diagnostics, the files that could not be linted, and the texts (for excerpts).

    `diagnostics` is a sorted list, unless a big document's findings were kept in a temporary
    file: then a read-only Sequence that reads them back (run/spill.py). Likewise a big UTF-8
    document's text in `texts` is a StoredText (inputs/stored.py: len, [i], [a:b] and str()
    as a str), kept as its bytes."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    texts: dict[str, str] = field(default_factory=dict)
    linted: list[str] = field(default_factory=list)  # display paths of the files linted


def lint_text(
    text: str, *, path: str = "<text>", fmt: str | None = None, linter: Linter | None = None
) -> list[Diagnostic]:
    """Lint a string; the format follows the path's extension unless `fmt` names one of
    FORMATS ("md" or "markdown", "html", "text"); any other name is a ValueError."""
    from claimlint.inputs.sources import format_of

    if fmt is not None and fmt not in FORMATS:
        known = ", ".join(repr(name) for name in FORMATS)
        raise ValueError(f"unknown document format {fmt!r} (known: {known})")
    from claimlint.run.chunked import lint_source  # a big text is linted piece by piece

    linter = linter or default_linter()
    return lint_source(linter, Source(path, text, FORMATS[fmt] if fmt else format_of(path)))


# The document formats lint_text accepts, as the command line names them.
FORMATS = {"md": "markdown", "markdown": "markdown", "html": "html", "text": "text"}


_DEFAULT: Linter | None = None


def default_linter() -> Linter:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Linter(load_rules())
    return _DEFAULT


def lint_paths(
    paths: Iterable[str],
    *,
    ruleset: RuleSet | None = None,
    options: Options | None = None,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    keep_texts: bool = False,
    stdin_data: bytes | None = None,
    resolver: Resolver | None = None,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> Result:
    """Lint files and folders; unreadable inputs become FileErrors, never exceptions.

    With a config.Resolver, each file gets the Linter of its closest configuration (and the
    resolver's include/exclude/extensions); a ConfigError or PackError is raised before any
    file is linted. `jobs` > 1 lints in that many processes when there is enough to do;
    with `cache_dir`, unchanged files are answered from the result cache there, and a run
    that the cache answers entirely never parses the rule packs. `progress` (a progress bar)
    is started with the number of files and advanced as each is done.
    """
    linter = Linter(ruleset or lazy_rules(), options) if resolver is None else None
    files, errors = expand_paths(paths) if resolver is None else resolver.expand(paths)
    if resolver is not None:
        for path in files:
            resolver.linter_for(path, stdin_filename if path == "-" else None)
    result = Result(errors=list(errors))

    def ready() -> None:
        """Parse the packs and check the selectors, here and not in a worker (PackError,
        ConfigError)."""
        if resolver is not None:
            resolver.check()
        elif linter is not None:
            linter.ruleset.load()

    def linter_of(path: str) -> Linter:
        return linter or resolver.linter_for(path, stdin_filename if path == "-" else None)

    from claimlint.run.parallel import lint_files

    cache = None
    if cache_dir is not None:
        from claimlint.run.cache import ResultCache

        cache = ResultCache(Path(cache_dir))
    if progress is not None:
        progress.start(len(files))
    outcomes = lint_files(
        files,
        linter_of,
        encoding=encoding,
        stdin_filename=stdin_filename,
        stdin_data=stdin_data,
        keep_texts=keep_texts,
        jobs=jobs,
        cache=cache,
        ready=ready,
        progress=None if progress is None else progress.advance,
    )
    from claimlint.run import spill as spill_module
    from claimlint.run.spill import Segment, SpilledFindings, combine, spill_listed

    listed: list[Diagnostic] = []
    spilled: list[SpilledFindings | Segment] = []
    run_file: SpilledFindings | None = None  # small documents' findings past RUN_SPILL_FROM
    for outcome in outcomes:
        if outcome.error is not None:
            result.errors.append(outcome.error)
            continue
        result.files += 1
        result.linted.append(outcome.display)
        if isinstance(outcome.diagnostics, SpilledFindings):
            spilled.append(outcome.diagnostics)  # a big document's, in a temporary file
        else:
            listed.extend(outcome.diagnostics or ())
            if len(listed) >= spill_module.RUN_SPILL_FROM:
                run_file = run_file or SpilledFindings(None)
                spilled.extend(spill_listed(run_file, listed))
        if keep_texts and outcome.text is not None:
            result.texts[outcome.display] = outcome.text
    result.diagnostics = combine(listed, spilled)  # type: ignore[assignment]
    return result
