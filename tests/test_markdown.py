"""Markdown and JSON output (`--format`): structure shapes what stays, the filters decide what goes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleanarticle import cli, formats, markdown
from cleanarticle.blocks import CODE, HEADING, ITEM, QUOTE, ROW, Style
from cleanarticle.html import clean_html_and_explain
from cleanarticle.text import apply_removals

DATA = Path(__file__).parent / "cli_data"
PAGES = Path(__file__).parent / "html_pages"
STRUCTURE = DATA / "structure.html"

EXPECTED = """\
# Tide tables for the harbour, and how to read them

The harbour office publishes the tide tables every month, and sailors rely on them to plan each trip out of the bay.

## Reading the numbers

Each row gives the times of high and low water for one day, in local time, as measured at the harbour gauge.

- High water is the highest level the tide reaches on that day.
- Low water is the lowest, usually about six hours later.

> The tables are a forecast, not a promise: wind and pressure move the water too.

The office also publishes the same data as a small file that sailors can load into their own software:

```
day,high,low
monday,06:12,12:30
tuesday,06:58,13:14
```

## This week's tides

| Day | High water | Low water |
| --- | --- | --- |
| Monday | 06:12 | 12:30 |
| Tuesday | 06:58 | 13:14 |

Questions about the tables can be sent to the harbour office, which answers them within a week.

The next tables, for July, will be published on the last Friday of June.
"""


def test_a_page_keeps_its_headings_list_quote_code_and_table() -> None:
    result = clean_html_and_explain(STRUCTURE.read_bytes())
    assert "Share this article" not in result.text  # the filters still decide
    assert formats.body(result, formats.Output("markdown")) == EXPECTED


def test_links_and_images_are_kept_only_when_asked() -> None:
    page = STRUCTURE.read_bytes()
    result = clean_html_and_explain(page)
    both = formats.body(result, formats.Output("markdown", links=True, images=True), page)
    assert "[harbour gauge](https://example.org/gauge)" in both
    assert "![The harbour at low water](https://example.org/harbour.jpg)\n\nThe next tables" in both
    links = formats.body(result, formats.Output("markdown", links=True), page)
    assert "[harbour gauge](https://example.org/gauge)" in links and "![" not in links
    assert "](" not in formats.body(result, formats.Output("markdown"), page)


def test_a_code_block_of_a_test_page_comes_out_fenced() -> None:
    result = clean_html_and_explain((PAGES / "mdavis.xyz.supermarket.html").read_bytes())
    out = formats.body(result, formats.Output("markdown"))
    block = re.search(r"^```\n(.*?)\n```$", out, re.S | re.M)
    assert block is not None
    assert '"Name": "Matthew Davis",' in block.group(1) and block.group(1).startswith("{")


def _unmarked(line: str) -> str:
    """A Markdown line without the marks and escapes the renderer may add."""
    line = re.sub(r"^\s*(?:#{1,6} |> |- |1\. )", "", line)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", line).strip()


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_every_markdown_line_is_a_kept_line_of_the_clean_text(page: Path) -> None:
    result = clean_html_and_explain(page.read_bytes())
    assert apply_removals(result.source, result.removals) == result.text
    kept = {line.strip() for line in result.text.split("\n")}
    structural = re.compile(r"^(?:`{3,}|\| --- \|(?: --- \|)*|>)$")
    for line in formats.body(result, formats.Output("markdown")).split("\n"):
        if line and not structural.match(line):
            assert _unmarked(line) in kept or line.strip() in kept, line


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", r"\# not a heading"),
        ("#hashtag stays", "#hashtag stays"),
        ("1. Ordinals stay: they show as written", "1. Ordinals stay: they show as written"),
        ("3.5 million people", "3.5 million people"),
        ("- not an item", r"\- not an item"),
        ("> not a quote", r"\> not a quote"),
        ("---", r"\---"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("an _emphasis_ attempt", r"an \_emphasis\_ attempt"),
        ("a lone _underscore", "a lone _underscore"),
        ("__assert_fail() and snake_case_too", "__assert_fail() and snake_case_too"),
        ("a * b * c", "a * b * c"),
        ("2*3 and 4*5", r"2\*3 and 4\*5"),
        ("*stars* and `ticks` and ~~strike~~", r"\*stars\* and \`ticks\` and \~\~strike\~\~"),
        ("inter* people, a lone ` and ~", "inter* people, a lone ` and ~"),
        ("[text](url) but [1] stays", r"\[text](url) but [1] stays"),
        ("<div> but a < b stays", r"\<div> but a < b stays"),
        ("AT&T stays, &amp; does not", r"AT&T stays, \&amp; does not"),
        ("C:\\dir\\file stays", "C:\\dir\\file stays"),
        ("a \\* backslash before punctuation", "a \\\\* backslash before punctuation"),
        ("Plain words, commas; and colons: fine.", "Plain words, commas; and colons: fine."),
    ],
)
def test_escape_only_what_commonmark_would_read_as_markup(text: str, escaped: str) -> None:
    assert markdown.escape(text) == escaped


def test_runs_keep_lists_tables_and_code_together_and_drop_removed_lines() -> None:
    source = "Title\nintro\n- a\n- b\n| x | y |\n| 1 | 2 |\ncode 1\ncode 2\nquoted\n"
    styles = [
        Style(HEADING, 1, 1), Style(), Style(ITEM, 1, 2), Style(ITEM, 1, 2), Style(ROW, 0, 3), Style(ROW, 0, 3),
        Style(CODE, 0, 4), Style(CODE, 0, 4), Style(QUOTE, 0, 5), Style(),
    ]
    text = "Title\n- a\n- b\n| 1 | 2 |\ncode 2\nquoted\n"  # "intro", a row and a code line removed
    assert markdown.render(source, text, styles) == (
        "# Title\n\n- a\n- b\n\n| 1 | 2 |\n| --- | --- |\n\n```\ncode 2\n```\n\n> quoted\n"
    )
    assert markdown.plain(source, text, styles) == "Title\n\n- a\n- b\n\n| 1 | 2 |\n\ncode 2\n\nquoted\n"


def test_text_input_gives_one_paragraph_per_line() -> None:
    source = "Headline\n# tagged\nBody line one.\n\nBody line two.\n"
    assert markdown.render(source, source) == "Headline\n\n\\# tagged\n\nBody line one.\n\nBody line two.\n"


def test_a_code_fence_outgrows_backticks_inside() -> None:
    source = "```\ninside\n"
    styles = [Style(CODE, 0, 1), Style(CODE, 0, 1), Style()]
    assert markdown.render(source, source, styles) == "````\n```\ninside\n````\n"


# The command line ------------------------------------------------------------------------------


def test_format_json_holds_text_and_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(STRUCTURE), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["metadata"] == {
        "title": "Tide tables for the harbour | The Herald",
        "author": "Sam Lee",
        "published": "2025-06-05T09:00:00Z",
        "updated": None,
        "site": "The Herald",
        "language": "en-GB",
        "url": None,
    }
    assert "\n\nThe harbour office publishes" in record["text"] and "removals" not in record


def test_format_json_with_explain_holds_the_ledger(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(DATA / "001_harbour.txt"), "--format", "json", "--explain"]) == 0
    record = json.loads(capsys.readouterr().out)
    source = (DATA / "001_harbour.txt").read_text("utf-8")
    assert record["removals"] and all(r["text"] in source for r in record["removals"])
    assert set(record["metadata"]) == {"title", "author", "published", "updated", "site", "language", "url"}


def test_jsonl_records_get_the_format_in_their_text_field(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps({"id": 7, "html": STRUCTURE.read_text("utf-8"), "url": "https://herald.example/t"}) + "\n")
    target = tmp_path / "out.jsonl"
    assert cli.main([str(source), "--html-key", "html", "--format", "markdown", "-o", str(target), "-j", "2"]) == 0
    record = json.loads(target.read_text("utf-8"))
    assert record["text"] == EXPECTED and record["id"] == 7
    assert cli.main([str(source), "--html-key", "html", "--format", "json", "-o", str(target)]) == 0
    record = json.loads(target.read_text("utf-8"))
    assert record["metadata"]["url"] == "https://herald.example/t" and record["metadata"]["site"] == "The Herald"


def test_markdown_into_a_directory_is_named_md(tmp_path: Path) -> None:
    tree = tmp_path / "in"
    tree.mkdir()
    (tree / "page.html").write_bytes(STRUCTURE.read_bytes())
    (tree / "a.txt").write_text("Headline\n* starred line\n")
    assert cli.main([str(tree), "-o", str(tmp_path / "out") + "/", "--format", "markdown", "-j", "2"]) == 0
    assert (tmp_path / "out" / "page.md").read_text("utf-8") == EXPECTED
    assert (tmp_path / "out" / "a.md").read_text("utf-8") == "Headline\n\n\\* starred line\n"


def test_links_without_markdown_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([str(STRUCTURE), "--links"]) == 2
    assert "--links and --images need --format markdown" in capsys.readouterr().err


def test_an_item_over_two_lines_and_a_nested_list_stay_one_list() -> None:
    source = "- first item that goes\non here\n  - nested\n- last\n"
    styles = [Style(ITEM, 1, 1), Style(ITEM, 1, 1, continued=1), Style(ITEM, 2, 1), Style(ITEM, 1, 1), Style()]
    assert markdown.render(source, source, styles) == "- first item that goes\n  on here\n  - nested\n- last\n"
