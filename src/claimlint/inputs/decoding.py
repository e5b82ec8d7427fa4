"""Bytes to text: BOMs, declared HTML charsets, explicit --encoding, and honest refusals."""

from __future__ import annotations

import codecs
import re


class DecodeError(Exception):
    """The file's bytes are not text we can lint; the message is the user-facing reason."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """Return (encoding, BOM length) when the data starts with a byte order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def sniff_utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 without a BOM has a NUL in every other byte; name its byte order."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(text: str) -> bool:
    """Text sniffed as UTF-16 from NUL bytes alone may be any binary file; real text has
    almost no control characters (tab, line breaks and form feed aside)."""
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > len(sample) // 100


def nul_bytes_in_text(data: bytes) -> bool:
    """A stray NUL in valid UTF-8 text (html5lib's tests are full of them) is still text;
    binaries are invalid UTF-8, or, like a file of zeros, mostly control characters."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    sample = text[:4096]
    return len(sample) < 64 or len(_CONTROL.findall(sample)) <= len(sample) // 4


def implausible(data: bytes, text: str, encoding: str) -> str | None:
    """Why a decode the user asked for is garbage, or None: UTF-8 or ASCII bytes read as UTF-16
    become CJK and unassigned characters with no NUL byte in sight; UTF-16 read as a one-byte
    encoding is full of NULs. Real text has almost no control, unassigned or surrogate
    characters."""
    import unicodedata

    sample = text[:8192]
    if not sample:
        return None
    odd = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Cc", "Cn", "Cs", "Co") and ch not in "\t\n\r\f\v"
    )
    if odd * 20 > len(sample):
        share = round(100 * odd / len(sample))
        return f"{share}% of the decoded characters are NULs, controls or unassigned"
    head = data[:65536]
    if encoding.startswith(("utf-16", "utf-32")) and len(head) >= 16 and b"\x00" not in head:
        ascii_bytes = sum(1 for b in head if 9 <= b <= 126)
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as err:
            valid_utf8 = err.start > len(head) - 4  # a character cut at the sample's end
        else:
            valid_utf8 = True
        if valid_utf8 and ascii_bytes * 10 >= len(head) * 9:
            return "its bytes are plain UTF-8 text with no NUL byte, so not " + encoding
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, encoding: str | None = None, html: bool = False) -> str:
    """Decode a file's bytes; raise DecodeError with a reason a writer can act on."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise DecodeError(
                f"cannot be decoded as {encoding}: {err.reason} at byte {err.start}"
            ) from None
        reason = implausible(data, text, codecs.lookup(encoding).name)
        if reason:
            raise DecodeError(f"does not look like {encoding} text ({reason}); check --encoding")
        return text[1:] if text.startswith("\ufeff") else text
    bom_encoding, bom_len = sniff_bom(data)
    if bom_encoding:
        try:
            return data[bom_len:].decode(bom_encoding)
        except UnicodeDecodeError as err:
            raise DecodeError(
                f"starts with a {bom_encoding} byte order mark but is not valid {bom_encoding}"
                f" ({err.reason} at byte {err.start + bom_len})"
            ) from None
    if b"\x00" in data:
        utf16 = sniff_utf16_without_bom(data)
        if utf16:
            try:
                text = data.decode(utf16)
            except UnicodeDecodeError:
                pass
            else:
                if not looks_binary(text):
                    return text
        if not nul_bytes_in_text(data):
            raise DecodeError("looks like a binary file (it contains NUL bytes); not linted")
    if html:
        charset = declared_charset(data)
        if charset and charset not in ("utf-8", "utf_8"):
            try:
                return data.decode(charset)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"declares charset {charset} but is not valid {charset}"
                    f" ({err.reason} at byte {err.start})"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise DecodeError(
            f"is not valid UTF-8 (byte 0x{bad} at offset {err.start}); "
            "if it is in another encoding, pass --encoding NAME (for example --encoding latin-1)"
        ) from None
