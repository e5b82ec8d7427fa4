"""WARC and WARC.gz files: find the HTML and text response records, read one back by offset.

The main process scans an archive once for the records worth linting (their offsets, target
URIs, statuses and content types); a worker re-reads just its records' payloads by offset, so
no document travels between processes.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimlint.audit.fetch import LINTABLE_TYPES, media_type
from claimlint.audit.units import WARC, Unit

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


class WarcError(Exception):
    """An archive that cannot be read; the message names the reason."""


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def _iterator(handle, arc: bool = False):  # noqa: ANN001, ANN202 - warcio's types
    from claimlint.audit.needs import need

    need("warcio", "read WARC files")
    from warcio.archiveiterator import ArchiveIterator

    return ArchiveIterator(handle, arc2warc=arc)


def _starts_like_warc(path: str) -> bool:
    """A WARC (plain, or gzip member by member) begins with its version line."""
    import gzip

    with open(path, "rb") as handle:
        head = handle.read(64)
        if head[:2] == b"\x1f\x8b":
            handle.seek(0)
            try:
                head = gzip.GzipFile(fileobj=handle).read(8)
            except (OSError, EOFError):
                return False
    return head.startswith(b"WARC/")


def scan_warc(path: str, source: str) -> Iterator[Unit]:
    """A Unit for each response (or resource) record whose content is HTML or text."""
    arc = path.lower().endswith((".arc", ".arc.gz"))
    try:
        if not arc and not _starts_like_warc(path):
            raise WarcError(f"{path}: not a readable WARC file (it does not start with WARC/)")
        with open(path, "rb") as handle:
            records = _iterator(handle, arc)
            seen = 0
            for record in records:
                seen += 1
                unit = _unit_of(record, path, source, records.get_record_offset())
                if unit is not None:
                    yield unit
            if not seen:
                raise WarcError(f"{path}: not a readable WARC file (no WARC records found)")
    except WarcError:
        raise
    except OSError as err:
        raise WarcError(f"{path}: {err.strerror or err}") from None
    except Exception as err:  # warcio raises plain exceptions on a damaged archive
        if type(err).__name__ == "MissingDependency":
            raise
        raise WarcError(f"{path}: not a readable WARC file ({err})") from None


def _unit_of(record, path: str, source: str, offset: int) -> Unit | None:  # noqa: ANN001
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    date = record.rec_headers.get_header("WARC-Date") or ""
    status: int | None = None
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
        try:
            status = int(record.http_headers.get_statuscode())
        except (TypeError, ValueError):
            status = None
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if record.rec_type == "response" and record.http_headers is None:
        return None  # a response record of a non-HTTP protocol
    if media_type(content_type) not in LINTABLE_TYPES:
        return None
    return Unit(source, WARC, path, offset, uri, status, content_type, date)


def read_payload(unit: Unit, limit: int) -> bytes | None:
    """The record's payload (content and transfer encodings undone), None past `limit`."""
    with open(unit.location, "rb") as handle:
        handle.seek(unit.offset)
        record = next(iter(_iterator(handle, unit.location.lower().endswith((".arc", ".arc.gz")))))
        data = record.content_stream().read(limit + 1)
    return None if len(data) > limit else data
