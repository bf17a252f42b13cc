"""Bytes to text: find the page's real encoding, so that no article arrives as mojibake.

The order follows what browsers trust, with one exception: a byte-order mark, then
UTF-8 when the bytes hold non-ASCII text that is valid UTF-8, then the charset the
server declared, then the one the page declares in its first bytes, and only then
statistical detection. UTF-8 comes before the declarations because servers and
templates label UTF-8 pages iso-8859-1 all the time, while text in a legacy
encoding is practically never valid UTF-8 by accident (its accented letters and
CJK bytes do not form UTF-8's lead and continuation byte patterns).
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that browsers read as a wider encoding (WHATWG Encoding Standard); pages
# labelled Latin-1 routinely hold cp1252 quotes and dashes, GB2312 pages GBK characters.
_WIDER = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
    "tis_620": "cp874",
    "iso8859_9": "cp1254",
}
# the legacy encodings most used on the web, most common first
_COMMON = ("cp1252", "gb18030", "gbk", "gb2312", "cp1251", "shift_jis", "cp932", "euc_kr", "big5")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_TAG = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SNIFF_BYTES = 4096
_BINARY_SNIFF = 8192
# control bytes that text files do not contain (tab, newlines, form feed and escape are fine)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode a page or text file, replacing undecodable bytes only as a last resort."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if not data.isascii():  # 7-bit data may be ISO-2022-JP: its declaration decides
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for declared in (_header_charset(content_type), _meta_charset(data)):
        if declared is not None:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common: fall through to detection
    if data.isascii():
        return data.decode("ascii")
    detected = _detect(data)
    if _mostly_ascii(data):
        # Too few non-ASCII bytes for statistics to tell cp1252 from its cousins;
        # browsers assume windows-1252 for undeclared pages, and so do we.
        detected = "cp1252"
    if detected is not None:
        try:
            return data.decode(detected)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")


def _mostly_ascii(data: bytes) -> bool:
    text = _TAG.sub(b" ", data)
    high = len(text) - len(text.translate(None, bytes(range(128, 256))))
    return high <= max(8, 0.03 * len(text))


def looks_binary(data: bytes) -> bool:
    """Whether data is not text: NULs or many control bytes near the start.

    UTF-16 and UTF-32 are full of NULs, so a byte-order mark makes data text.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:_BINARY_SNIFF]
    if not head:
        return False
    if b"\x00" in head or head.startswith(b"%PDF-"):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > 0.05 * len(head)


def _header_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type, as a Python codec name."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def _meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return _codec(match.group(1).decode("ascii", errors="ignore")) if match else None


def _codec(label: str) -> str | None:
    """The Python codec for a charset label, widened as browsers do; None if unknown."""
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    # a page that says UTF-16 without a BOM is in practice ASCII-compatible: trust the bytes
    if name.startswith(("utf_16", "utf_32")):
        return None
    return _WIDER.get(name, name)


def _detect(data: bytes) -> str | None:
    """Statistical detection on the page's text; markup is stripped so ASCII tags don't drown it.

    charset_normalizer is imported here, as the last resort it is, not at start-up.
    """
    from charset_normalizer import from_bytes

    text = _TAG.sub(b" ", data)
    matches = list(from_bytes(text if len(text) >= 64 else data))
    if not matches:
        return None
    best = matches[0]
    # Short texts often tie (cp1250 vs cp1252 read French alike): take the more common one.
    tied = {
        name
        for m in matches
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01
        for name in m.could_be_from_charset
    }
    for name in _COMMON:
        if name in tied:
            return _codec(name)
    return _codec(best.encoding)
