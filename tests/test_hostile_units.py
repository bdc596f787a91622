"""Unit tests of the command line's defences against hostile inputs (issue 12): page bytes to text
(`html/decode.py`) against hostile declarations, the time budget, the id of a record too long or
too broken to parse, and lines over the size limit. `test_hostile_cli.py` runs the whole command."""

from __future__ import annotations

import time

import pytest

from cleanarticle import Pipeline, io
from cleanarticle.deadline import TimeLimitExceeded, time_limit
from cleanarticle.document import Format, Job, line_id, process
from cleanarticle.html.decode import declared_charset, decode, wide_encoding

PAGE = "<html><head><meta charset='{}'><title>Café</title></head><body><p>Café owners said so.</p></body></html>"


@pytest.mark.parametrize(
    "codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "unicode_escape", "idna", "utf-7"]
)
def test_a_declared_codec_that_is_no_page_encoding_is_ignored(codec: str) -> None:
    data = PAGE.format(codec).encode("cp1252")
    assert declared_charset(data) is None
    assert decode(data) == PAGE.format(codec)  # read as the cp1252 it is, by detection


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_a_byte_order_mark_is_recognised(codec: str) -> None:
    page = PAGE.format("utf-8")
    assert wide_encoding(page.encode(codec)) == codec
    assert decode(page.encode(codec)) == page


def test_mostly_cjk_utf16_is_recognised_and_other_encodings_are_not_taken_for_it() -> None:
    page = "<html><body><p>日本語のテキスト、これは記事の本文です。</p></body></html>"
    assert decode(page.encode("utf-16-le")) == page
    for codec in ("utf-8", "gb18030", "shift_jis", "cp1252"):
        assert wide_encoding(page.encode(codec, "replace")) is None
    assert wide_encoding(bytes(range(256)) * 8) is None


def test_the_time_limit_interrupts_and_then_is_gone() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        time.sleep(30)
    with time_limit(0.05):
        pass
    time.sleep(0.2)  # past the limit of the block left early: its timer was disarmed


def test_a_slow_document_fails_alone_with_its_text_kept() -> None:
    class Slow:
        def run(self, text: str, url: str | None, limits: object = None) -> None:
            time.sleep(30)

    done = process(Slow(), Job(b'{"id": 1, "text": "x"}', Format(time_limit=0.05)))  # type: ignore[arg-type]
    assert done.error == "over the time limit of 0.05 s (--time-limit)"
    assert done.output == '{"id": 1, "text": "x", "error": "over the time limit of 0.05 s (--time-limit)"}\n'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"id": "doc-7", "text": "aaaa', "doc-7"),
        (b'{"url": "u", "id": 42, "text": "aaaa', 42),
        (b'{"id": "say \\"hi\\"", "text"', 'say "hi"'),
        (b'{"text": "no id here', None),
        (b'{"id": 12', None),  # the number may go on past the cut
    ],
)
def test_the_id_of_a_line_that_cannot_be_parsed_whole(head: bytes, expected: object) -> None:
    assert line_id(head, "id") == expected


def test_a_record_json_cannot_convert_keeps_its_id_and_the_run_its_pipeline() -> None:
    line = b'{"id": "big", "n": ' + b"9" * 5000 + b', "text": "x"}'
    done = process(Pipeline.default(), Job(line, Format()))
    assert done.error.startswith("unreadable JSON: ValueError")
    assert done.output.startswith('{"id": "big", "error": "unreadable JSON: ValueError')


def test_lines_longer_than_the_limit_come_as_oversize_with_their_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1}\n' + b'{"id": 2, "text": "' + b"x" * 5000 + b'"}\n{"id": 3}')
    item = io.find_inputs([str(path)]).inputs[0]
    parts = list(io.documents([item], raw=True, max_bytes=100))
    assert [type(part).__name__ for part in parts] == ["RecordLine", "Oversize", "RecordLine", "End"]
    oversize = parts[1]
    assert isinstance(oversize, io.Oversize) and oversize.size == 5021 and oversize.head.startswith(b'{"id": 2')
    assert isinstance(parts[2], io.RecordLine) and parts[2].data == b'{"id": 3}'
