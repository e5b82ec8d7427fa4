"""`check --fix`: insert the required statements a document is missing, and nothing else.

Only document-level findings of the disclaimer categories are fixed (CL301 not-FDA-approved
statement for ketamine, CL303 for compounded drugs, CL302 crisis resource): the fix is a
sentence the site owner has approved (config `fix-texts`), never a rewrite of someone's copy.
Safety first:

- a file is fixed only if its bytes decode exactly as the linter decoded them and re-encode to
  the very same bytes (encoding, BOM), so nothing but the insertion can change;
- line endings follow the file's (CRLF, LF or CR);
- the fixed text is linted before it is written: the finding must be gone and no new one may
  appear, otherwise the file is left alone with a warning;
- writes are atomic (temporary file in the same folder, then os.replace) and keep the mode bits
  and extended attributes; read-only files and files with several hard links are refused.
"""

from __future__ import annotations

import codecs
import difflib
import html
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from claimlint.diagnostics import Diagnostic, FileError
from claimlint.inputs.decoding import (
    DecodeError,
    declared_charset,
    decode,
    sniff_bom,
    sniff_utf16_without_bom,
)
from claimlint.inputs.sources import format_of
from claimlint.run.fix_paths import MAX_FIX_BYTES, fixable_by_path, replace_paths, too_big

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.api import Result

# Which document-level categories --fix can repair, and the fix-texts key of each; a rule
# listed in FIXABLE_RULES has its own statement within its category (CL303: compounded drugs).
FIXABLE: dict[str, str] = {"disclaimer-fda": "fda", "disclaimer-crisis": "crisis"}
FIXABLE_RULES: dict[str, str] = {"CL303": "compounded"}
ORDER = ("fda", "compounded", "crisis")

# Chosen to satisfy the fda-disclaimer, compounded-not-approved and crisis-resource lexicons
# (rules/lexicons/) without triggering any other rule (tests/test_fix.py checks).
DEFAULT_TEXTS: dict[str, str] = {
    "fda": (
        "Ketamine is FDA-approved only as an anesthetic. Its use for depression, anxiety, "
        "PTSD or chronic pain is off-label, and compounded or at-home ketamine is not "
        "FDA-approved for any of these uses."
    ),
    "compounded": (
        "Compounded drugs are not FDA-approved. The FDA does not review compounded drugs for "
        "safety, effectiveness or quality before they are sold."
    ),
    "crisis": (
        "If you are thinking about suicide or self-harm, call or text 988 (Suicide & Crisis "
        "Lifeline) in the US, or call 911 or go to the nearest emergency room."
    ),
}


class FixError(Exception):
    """A file that cannot be fixed safely; the message is the user-facing reason."""


@dataclass(frozen=True)
class Decoded:
    """A file's text as the linter sees it, and how to turn an edited text back into bytes."""

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as err:
            raise FixError(
                f"the inserted statement contains {text[err.start : err.end]!r}, which "
                f"{self.encoding} cannot represent; file left unchanged"
            ) from None


def _codec(data: bytes, encoding: str | None, html_doc: bool) -> tuple[str, bytes]:
    """The codec and BOM bytes decoding.decode() used for these bytes (mirrors its choices)."""
    if encoding:
        name = codecs.lookup(encoding).name
        if name in ("utf-16", "utf-32"):  # BOM-consuming codecs: pin the byte order found
            bom_encoding, bom_len = sniff_bom(data)
            if bom_encoding and bom_encoding.startswith(name):
                return bom_encoding, data[:bom_len]
            return name + "-le", b""
        if name == "utf-8-sig":
            return "utf-8", codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
        full = data.decode(name)
        return name, "\ufeff".encode(name) if full.startswith("\ufeff") else b""
    bom_encoding, bom_len = sniff_bom(data)
    if bom_encoding:
        return bom_encoding, data[:bom_len]
    if b"\x00" in data:
        utf16 = sniff_utf16_without_bom(data)
        if utf16:
            return utf16, b""
    if html_doc:
        charset = declared_charset(data)
        if charset and charset not in ("utf-8", "utf_8"):
            return charset, b""
    return "utf-8", b""


def decode_for_fix(data: bytes, *, encoding: str | None = None, fmt: str = "text") -> Decoded:
    """Decode exactly as the linter does; refuse unless re-encoding gives back the same bytes."""
    text = decode(data, encoding=encoding, html=fmt == "html")  # raises DecodeError
    try:
        codec, bom = _codec(data, encoding, fmt == "html")
        decoded = Decoded(text, codec, bom)
        same = decoded.encode(text) == data
    except (LookupError, UnicodeError, FixError):
        same = False
    if not same:
        raise DecodeError("its bytes do not survive a decode/encode round trip; not fixed")
    return decoded


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def detect_newline(text: str) -> str:
    """The file's dominant line ending (LF when it has none)."""
    counts = Counter(_LINE_BREAKS.findall(text))
    if not counts:
        return "\n"
    return max(("\n", "\r\n", "\r"), key=lambda nl: counts[nl])


# Two line breaks at the end; a CRLF is one break, never a CR and then an LF.
_ENDS_WITH_BLANK_LINE = re.compile(r"(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|(?<!\r)\n|\r)\Z")


def _append(text: str, block: str, newline: str) -> str:
    """Add a block at the end as its own paragraph; keep a missing final newline missing."""
    if not text.strip():
        return text + block + newline
    if _ENDS_WITH_BLANK_LINE.search(text):
        return text + block + newline
    if text.endswith(("\n", "\r")):
        return text + newline + block + newline
    return text + newline + newline + block


# A footnote definition ([^1]: ...) or a link reference definition ([label]: url).
_DEFINITION = re.compile(r"^ {0,3}\[(?:\^[^\]]+|[^\]^][^\]]*)\]:")


def insert_markdown(text: str, statements: Sequence[str], newline: str) -> str:
    """At the end of the document, but before a trailing block of footnote / link definitions."""
    paragraphs = (newline + newline).join(statements)
    lines = text.splitlines(keepends=True)
    block_start: int | None = None
    k = len(lines)
    while k > 0:
        line = lines[k - 1]
        if _DEFINITION.match(line):
            block_start = k - 1
        elif not (line.strip() == "" or line.startswith(("    ", "\t"))):
            break
        k -= 1
    if block_start is not None and (block_start == 0 or lines[block_start - 1].strip() == ""):
        offset = sum(len(line) for line in lines[:block_start])
        return text[:offset] + paragraphs + newline + newline + text[offset:]
    return _append(text, paragraphs, newline)


class _CloseTags(HTMLParser):
    """Finds where </main> and </body> start (scripts, styles and comments are skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: dict[str, tuple[int, int]] = {}

    def handle_endtag(self, tag: str) -> None:
        if tag in ("main", "body"):
            self.found[tag] = self.getpos()


def _close_tag_offset(text: str) -> int | None:
    parser = _CloseTags()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 - a page the parser chokes on: fall back to the end
        return None
    where = parser.found.get("main") or parser.found.get("body")
    if where is None:
        return None
    line, column = where
    starts = [0] + [m.end() for m in re.finditer("\n", text)]  # HTMLParser counts \n only
    return starts[line - 1] + column


def insert_html(text: str, statements: Sequence[str], newline: str) -> str:
    """A <p> per statement before </main>, or else </body>, or else at the end."""
    paragraphs = [f"<p>{html.escape(s, quote=False)}</p>" for s in statements]
    pos = _close_tag_offset(text)
    if pos is None:
        return _append(text, newline.join(paragraphs), newline)
    line_start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    indent = text[line_start:pos]
    if indent.strip() == "":  # the closing tag starts its line: one line per paragraph
        inner = indent + ("\t" if "\t" in indent else "  ")
        block = "".join(inner + p + newline for p in paragraphs)
        return text[:line_start] + block + text[line_start:]
    return text[:pos] + "".join(paragraphs) + text[pos:]


def insert_statements(text: str, fmt: str, statements: Sequence[str]) -> str:
    """The text with the statements added where a reader of that format will see them."""
    if not statements:
        return text
    newline = detect_newline(text)
    if fmt == "markdown":
        return insert_markdown(text, statements, newline)
    if fmt == "html":
        return insert_html(text, statements, newline)
    return _append(text, (newline + newline).join(statements), newline)


def fix_kind(diag: Diagnostic) -> str | None:
    """The fix-texts key of the statement this finding asks for (None: not fixable)."""
    return FIXABLE_RULES.get(diag.rule) or FIXABLE.get(diag.category)


def fixable(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """fix-texts keys of the missing statements among these findings, in insertion order."""
    keys = {fix_kind(d) for d in diagnostics}
    return [k for k in ORDER if k in keys]


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff with the file's own line endings shown as plain newlines."""
    return "".join(difflib.unified_diff(_diff_lines(old), _diff_lines(new), path, path))


def _diff_lines(text: str) -> list[str]:
    lines, pos = [], 0
    for match in _LINE_BREAKS.finditer(text):
        lines.append(text[pos : match.start()] + "\n")
        pos = match.end()
    if pos < len(text):
        lines.append(text[pos:] + "\n\\ No newline at end of file\n")
    return lines


def write_atomic(path: str, data: bytes, original: bytes) -> None:
    """Replace the file's content in one step, keeping its mode bits, owner (when allowed) and
    extended attributes.

    Refuses a read-only file (--fix never overrides a lock), a file with several hard links
    (a rename would silently split them) and a file that changed since it was read. Symlinks
    are followed: the target is fixed. The temporary name is short, so a 255-character name
    can be fixed.
    """
    real = os.path.realpath(path)
    info = os.stat(real)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("is read-only; left unchanged (make it writable to let --fix add to it)")
    if info.st_nlink > 1:
        raise FixError(
            f"has {info.st_nlink} hard links, which replacing it would break; left unchanged "
            "(see the change with --fix --diff and apply it by hand)"
        )
    folder = os.path.dirname(real) or "."
    fd, tmp = tempfile.mkstemp(prefix=".claimlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        tmp_info = os.stat(tmp)
        if (tmp_info.st_uid, tmp_info.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give the file away: it keeps our ownership
        _copy_xattrs(real, tmp)
        with open(real, "rb") as handle:
            if handle.read() != original:
                raise FixError("changed while it was being fixed; left unchanged")
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _copy_xattrs(source: str, target: str) -> None:
    """Extended attributes (tags, quarantine flags...) travel to the replacement file where the
    platform has them; the kernel's own (security.*, system.*) are its business."""
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return  # the file system has none
    for name in names:
        try:
            os.setxattr(target, name, os.getxattr(source, name))
        except OSError as err:
            if name.startswith(("security.", "system.")):
                continue
            raise FixError(
                f"its extended attribute {name} could not be kept ({err.strerror}); left unchanged"
            ) from None


@dataclass
class Planned:
    """What fixing one document would do: the new bytes, or why it is left alone."""

    path: str
    old_text: str
    new_text: str
    new_bytes: bytes
    added: list[str]
    remaining: Result | None = None  # the linter's verdict on the fixed text
    warning: str | None = None


LintBytes = Callable[[str, bytes], "Result"]


def plan(
    path: str,
    data: bytes,
    diagnostics: Sequence[Diagnostic],
    *,
    lint_bytes: LintBytes,
    encoding: str | None = None,
    texts: Mapping[str, str] | None = None,
    before: Counter[str] | None = None,
) -> Planned | None:
    """Work out the fix for one document; None when there is nothing to fix.

    `before`: the rules of the document's findings outside the fixable categories, when
    `diagnostics` holds only its fixable ones. Raises DecodeError or FixError when the file
    cannot be fixed safely.
    """
    keys = fixable(diagnostics)
    if not keys:
        return None
    fmt = format_of(path)
    decoded = decode_for_fix(data, encoding=encoding, fmt=fmt)
    chosen = {**DEFAULT_TEXTS, **{k: v for k, v in (texts or {}).items() if v}}
    statements = [chosen[k] for k in keys if chosen[k] not in decoded.text]
    new_text = insert_statements(decoded.text, fmt, statements)
    new_bytes = decoded.encode(new_text)
    planned = Planned(path, decoded.text, new_text, new_bytes, [k for k in keys])
    if new_text == decoded.text:
        planned.warning = _not_recognised(path, keys, diagnostics)
        return planned
    after = lint_bytes(path, new_bytes)
    planned.remaining = after
    still = [k for k in fixable(after.diagnostics) if k in keys]
    if before is None:
        before = Counter(d.rule for d in diagnostics if d.category not in FIXABLE)
    new = Counter(d.rule for d in after.diagnostics if d.category not in FIXABLE) - before
    if after.errors or still or new:
        if still:
            planned.warning = _not_recognised(path, still, diagnostics)
        elif new:
            planned.warning = (
                f"{path}: the inserted statement would trigger "
                f"{', '.join(sorted(new))}; file left unchanged (adjust fix-texts)"
            )
        else:
            planned.warning = f"{path}: the fixed text could not be linted; file left unchanged"
        planned.new_text, planned.new_bytes, planned.remaining = decoded.text, data, None
    return planned


def _not_recognised(path: str, keys: Sequence[str], diagnostics: Sequence[Diagnostic]) -> str:
    rules = sorted({d.rule for d in diagnostics if fix_kind(d) in keys})
    return (
        f"{path}: --fix could not satisfy {', '.join(rules)}: the inserted statement is not "
        f"read as prose (does the file end inside a code block?) or fix-texts."
        f"{'/'.join(keys)} does not match the rule's lexicon; file left unchanged"
    )


@dataclass
class FixReport:
    """The outcome of --fix / --diff over a lint result."""

    result: Result
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stdout: bytes | None = None  # the fixed document when it came from stdin


def apply_fixes(
    result: Result,
    *,
    lint_bytes: LintBytes,
    write: bool = True,
    encoding: str | None = None,
    texts_for: Callable[[str], Mapping[str, str]] | None = None,
    stdin_name: str | None = None,
    stdin_data: bytes | None = None,
) -> FixReport:
    """Fix every document of `result` that misses a statement; return the remaining findings.

    `lint_bytes(path, data)` lints bytes as if they were the file at `path` (same configuration);
    with write=False only diffs are produced. The document read from stdin (stdin_name) is
    never written: its fixed bytes are returned in FixReport.stdout.
    """
    report = FixReport(result)
    if stdin_name is not None and stdin_data is not None:
        report.stdout = stdin_data
    failed = {e.path for e in result.errors}
    fixed: dict[str, Sequence[Diagnostic]] = {}
    for path, diags, before in fixable_by_path(result.diagnostics, fix_kind, FIXABLE):
        if path in failed:
            continue  # never touch a file that could not be fully read
        from_stdin = path == stdin_name and stdin_data is not None
        try:
            if from_stdin:
                data = stdin_data
            else:
                with open(path, "rb") as handle:
                    data = handle.read(MAX_FIX_BYTES + 1)
            if len(data) > MAX_FIX_BYTES:
                raise FixError(too_big())
            planned = plan(
                path,
                data,
                diags,
                lint_bytes=lint_bytes,
                encoding=encoding,
                texts=texts_for(path) if texts_for else None,
                before=before,
            )
        except DecodeError as err:
            result.errors.append(FileError(path, f"cannot be fixed: {err}"))
            continue
        except FixError as err:
            result.errors.append(FileError(path, str(err)))
            continue
        except OSError as err:
            result.errors.append(FileError(path, f"cannot be fixed: {err.strerror or err}"))
            continue
        if planned is None:
            continue
        if planned.warning:
            report.warnings.append(planned.warning)
        if planned.new_bytes == data:
            continue
        report.changed.append(path)
        if not write:
            report.diffs.append(unified_diff(path, planned.old_text, planned.new_text))
            continue
        if from_stdin:
            report.stdout = planned.new_bytes
        else:
            try:
                write_atomic(path, planned.new_bytes, data)
            except FixError as err:
                result.errors.append(FileError(path, str(err)))
                report.changed.remove(path)
                continue
            except OSError as err:
                reason = "permission denied" if isinstance(err, PermissionError) else err.strerror
                result.errors.append(FileError(path, f"fixed text could not be written: {reason}"))
                report.changed.remove(path)
                continue
        assert planned.remaining is not None
        fixed[path] = planned.remaining.diagnostics
        if path in result.texts:
            result.texts[path] = planned.new_text
    if fixed:
        result.diagnostics = replace_paths(result.diagnostics, fixed)
    elif isinstance(result.diagnostics, list):
        result.diagnostics.sort()
    return report


__all__ = ["DEFAULT_TEXTS", "FIXABLE", "FixReport", "apply_fixes", "insert_statements", "plan"]
