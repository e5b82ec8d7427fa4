"""The output folder: result shards written atomically, and a manifest that makes a restart
skip what is finished.

    OUT/manifest.json          settings fingerprint, finished shards (index -> digest, counts)
    OUT/pages/part-00007.jsonl one row per page       (or .parquet)
    OUT/findings/part-00007.jsonl one row per finding (or .parquet)
    OUT/sitemaps.jsonl         each sitemap read, with its status or reason
    OUT/summary.html           the report

A shard counts as finished only once the manifest says so, and the manifest is updated after
both of its files are in place, so a crash at any point leaves either a finished shard or one
that the next run writes again under the same names: rows are never duplicated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimlint.audit.lint import FINDING_COLUMNS, PAGE_COLUMNS, ShardResult
from claimlint.inputs.files import atomic_write, remove_quietly

FORMATS = ("jsonl", "parquet")
MANIFEST = "manifest.json"
TABLES = {"pages": PAGE_COLUMNS, "findings": FINDING_COLUMNS}


class StoreError(Exception):
    """The output folder cannot be used; the message says why."""


class Store:
    """One audit's output folder."""

    def __init__(self, out: str | Path, fmt: str, fingerprint: str, *, fresh: bool = False):
        self.out = Path(out)
        self.fmt = fmt
        self.fingerprint = fingerprint
        if self.out.exists() and not self.out.is_dir():
            raise StoreError(f"{self.out}: exists and is not a folder")
        self.manifest = self._read_manifest()
        if self.manifest and (fresh or self.manifest.get("fingerprint") != fingerprint):
            if not fresh:
                raise StoreError(
                    f"{self.out} holds an audit of other sources or settings; "
                    "use another output folder, or --fresh to replace it"
                )
            self._clear()
            self.manifest = {}
        if not self.manifest:
            self.manifest = {"fingerprint": fingerprint, "format": fmt, "shards": {}}
        if fmt == "parquet":
            from claimlint.audit.needs import need

            need("pyarrow", "write Parquet")

    # -- manifest ----------------------------------------------------------------------------
    def _read_manifest(self) -> dict[str, Any]:
        path = self.out / MANIFEST
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise StoreError(f"{path}: cannot be read ({err}); use --fresh to start over") from None
        if not isinstance(data, dict) or not isinstance(data.get("shards"), dict):
            raise StoreError(f"{path}: is not a claimlint audit manifest")
        return data

    def _write_manifest(self) -> None:
        text = json.dumps(self.manifest, indent=1, sort_keys=True) + "\n"
        atomic_write(self.out / MANIFEST, text.encode("utf-8"))

    def _clear(self) -> None:
        for table in TABLES:
            for path in (self.out / table).glob("*"):
                remove_quietly(path)
        for name in (MANIFEST, "sitemaps.jsonl", "summary.html"):
            remove_quietly(self.out / name)

    def finished(self, index: int, digest: str) -> bool:
        entry = self.manifest["shards"].get(str(index))
        return (
            isinstance(entry, dict)
            and entry.get("digest") == digest
            and all(self.part(t, index).exists() for t in TABLES)
        )

    # -- writing -----------------------------------------------------------------------------
    def part(self, table: str, index: int) -> Path:
        return self.out / table / f"part-{index:05d}.{self.fmt}"

    def write(self, result: ShardResult) -> None:
        """Both tables of one shard, then the manifest entry that makes it count."""
        for table, rows in (("pages", result.pages), ("findings", result.findings)):
            atomic_write(self.part(table, result.index), encode(rows, TABLES[table], self.fmt))
        self.manifest["shards"][str(result.index)] = {
            "digest": result.digest,
            "pages": len(result.pages),
            "findings": len(result.findings),
        }
        self._write_manifest()

    def write_sitemaps(self, rows: list[dict]) -> None:
        text = "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows)
        atomic_write(self.out / "sitemaps.jsonl", text.encode("utf-8"))

    def finish(self, shard_count: int) -> None:
        """Forget shards beyond the plan (an earlier, longer sitemap) and stray temp files."""
        for key in list(self.manifest["shards"]):
            if int(key) >= shard_count:
                del self.manifest["shards"][key]
        for table in TABLES:
            for path in (self.out / table).glob("*"):
                index = _part_index(path.name)
                if path.name.startswith(".tmp-") or (index is not None and index >= shard_count):
                    remove_quietly(path)
        self.manifest["complete"] = True
        self._write_manifest()

    def start(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        self.manifest["complete"] = False
        self._write_manifest()

    # -- reading -----------------------------------------------------------------------------
    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a table, shard by shard in plan order."""
        return read_rows(self.out, table)


def _part_index(name: str) -> int | None:
    stem = name.split(".", 1)[0]
    if stem.startswith("part-") and stem[5:].isdigit():
        return int(stem[5:])
    return None


PARQUET_ROWS = 10_000  # rows of a Parquet row group (a shard's rows are never all listed)


def encode(
    rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str
) -> bytes | Iterator[bytes]:
    """A shard file's bytes: JSON Lines (a line at a time: a big page's findings are never
    all rows at once), or a Parquet table with the same columns."""
    if fmt == "jsonl":
        return (
            (json.dumps({c: row.get(c) for c in columns}) + "\n").encode("utf-8") for row in rows
        )
    import io
    from itertools import islice

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c, _arrow_type(c)) for c in columns])
    sink = io.BytesIO()
    rows = iter(rows)
    with pq.ParquetWriter(sink, schema) as writer:  # a row group at a time
        while batch := list(islice(rows, PARQUET_ROWS)):
            arrays = {
                c: pa.array([row.get(c) for row in batch], type=_arrow_type(c)) for c in columns
            }
            writer.write_table(pa.table(arrays, schema=schema))
    return sink.getvalue()


_INTS = {"line", "column", "end_line", "end_column", "status", "bytes", "fetch_ms", "findings"}


def _arrow_type(column: str):  # noqa: ANN202 - a pyarrow DataType
    import pyarrow as pa

    return pa.int64() if column in _INTS else pa.string()


def read_rows(out: str | Path, table: str) -> Iterator[dict[str, Any]]:
    """Rows of `table` from every finished part under OUT, in shard order."""
    folder = Path(out) / table
    parts = sorted(
        (p for p in folder.glob("part-*") if _part_index(p.name) is not None),
        key=lambda p: _part_index(p.name) or 0,
    )
    for path in parts:
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            for batch in pq.ParquetFile(path).iter_batches():  # never a whole part's rows
                yield from batch.to_pylist()
        else:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)


__all__ = ["FORMATS", "Store", "StoreError", "encode", "read_rows"]
