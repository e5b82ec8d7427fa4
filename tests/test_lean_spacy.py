"""console/lean_spacy.py: the console script imports spaCy without its command line, and
anything that asks for the command line still gets the real one. Each check runs in a fresh
interpreter, since the stand-ins only apply before spaCy's first import."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_spacy_imports_without_its_command_line_modules() -> None:
    out = _run(
        """
        import sys
        from claimlint.console.lean_spacy import skip_spacy_cli
        assert skip_spacy_cli()
        import spacy
        spacy.blank("en")
        print("jinja2" in sys.modules, "spacy.cli.download" in sys.modules)
        """
    )
    assert out == "False False"


def test_the_command_line_loads_when_asked_for() -> None:
    out = _run(
        """
        from claimlint.console.lean_spacy import skip_spacy_cli
        skip_spacy_cli()
        import spacy
        details = spacy.info()
        from spacy.cli import download
        import spacy.cli.init_config
        print(isinstance(details, dict), callable(download), spacy.cli.__name__)
        """
    )
    assert out == "True True spacy.cli"


def test_nothing_is_replaced_once_spacy_is_imported() -> None:
    out = _run(
        """
        import spacy
        from claimlint.console.lean_spacy import skip_spacy_cli
        print(skip_spacy_cli(), type(spacy.cli).__name__)
        """
    )
    assert out == "False module"
