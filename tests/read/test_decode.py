from __future__ import annotations

import codecs

import pytest

from newsgraph.read.decode import decode_bytes, looks_binary

FRENCH = (
    "Le président a déclaré mercredi que l’économie française était « très solide », "
    "malgré la crise. Les élèves ont été très déçus. Où est-il allé ? Ça m’étonne."
)
CHINESE = (
    "国务院总理李克强主持召开国务院常务会议，部署进一步做好稳就业工作，确定支持民营企业发展的措施。"
    "会议指出，今年以来，各地区各部门认真贯彻落实党中央、国务院决策部署。"
)
RUSSIAN = "Президент России заявил в среду, что экономика страны растёт быстрее, чем ожидалось."


def _page(body: bytes, head: bytes = b"") -> bytes:
    return (
        b"<!DOCTYPE html><html><head>" + head + b"<title>x</title>"
        b"<script>var a = 1;</script></head><body><div class='story'><p>"
        + body
        + b"</p><p>"
        + body
        + b"</p></div></body></html>"
    )


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_a_byte_order_mark_wins_over_everything(bom: bytes, codec: str) -> None:
    data = bom + FRENCH.encode(codec)
    assert decode_bytes(data, "text/html; charset=iso-8859-1") == FRENCH


def test_the_http_charset_comes_before_the_page_declaration() -> None:
    data = _page(RUSSIAN.encode("cp1251"), b'<meta charset="koi8-r">')
    assert RUSSIAN in decode_bytes(data, "text/html; charset=windows-1251")


@pytest.mark.parametrize(
    "meta",
    [
        b'<meta charset="windows-1251">',
        b"<meta charset=cp1251>",
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_the_page_declaration_is_read(meta: bytes) -> None:
    assert RUSSIAN in decode_bytes(_page(RUSSIAN.encode("cp1251"), meta))


def test_latin1_label_is_read_as_cp1252_like_browsers_do() -> None:
    data = _page(FRENCH.encode("cp1252"), b'<meta charset="iso-8859-1">')
    assert FRENCH in decode_bytes(data)


@pytest.mark.parametrize("text", [FRENCH, CHINESE, RUSSIAN])
@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1251", "gb2312"])
def test_a_utf8_page_labelled_as_a_legacy_encoding_is_read_as_utf8(text: str, label: str) -> None:
    data = _page(text.encode("utf-8"), f'<meta charset="{label}">'.encode())
    assert text in decode_bytes(data)
    assert text in decode_bytes(_page(text.encode("utf-8")), f"text/html; charset={label}")


def test_seven_bit_pages_follow_their_declaration() -> None:
    japanese = "東京で会議が開かれた。"
    data = _page(japanese.encode("iso-2022-jp"), b'<meta charset="iso-2022-jp">')
    assert data.isascii() and japanese in decode_bytes(data)


def test_valid_utf8_needs_no_declaration() -> None:
    assert decode_bytes(_page(FRENCH.encode("utf-8"))).count(FRENCH) == 2


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_undeclared_western_european_html_is_detected(codec: str) -> None:
    text = FRENCH.replace("’", "'").replace("«", '"').replace("»", '"')
    assert text in decode_bytes(_page(text.encode(codec)))
    assert FRENCH in decode_bytes(_page(FRENCH.encode("cp1252")))


@pytest.mark.parametrize("codec", ["gb2312", "gbk"])
def test_undeclared_chinese_html_is_detected(codec: str) -> None:
    assert CHINESE in decode_bytes(_page(CHINESE.encode(codec)))


def test_a_wrong_declaration_falls_through_to_detection() -> None:
    data = _page(FRENCH.encode("cp1252"), b'<meta charset="utf-8">')
    assert FRENCH in decode_bytes(data, "text/html; charset=utf-8")


def test_an_unknown_label_is_ignored() -> None:
    data = _page(FRENCH.encode("utf-8"), b'<meta charset="no-such-charset">')
    assert FRENCH in decode_bytes(data, "text/html; charset=x-nonsense")


def test_any_bytes_decode_without_error() -> None:
    assert isinstance(decode_bytes(bytes(range(1, 256)) * 4), str)
    assert decode_bytes(b"") == ""


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"GIF89a\x01\x00\x01\x00\x00\xff\x00",
        bytes(range(1, 32)) * 20,
    ],
)
def test_binary_data_is_recognised(data: bytes) -> None:
    assert looks_binary(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html><body><p>Hello</p></body></html>",
        "Плain text\twith\ttabs\r\n".encode(),
        b"\x1b[1mterminal colours\x1b[0m are text\n",
        codecs.BOM_UTF16_LE + "UTF-16 is full of NULs".encode("utf-16-le"),
        FRENCH.encode("cp1252"),
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert not looks_binary(data)
