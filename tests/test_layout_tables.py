"""Layout tables: an article laid out in a table cell is read as blocks; data tables stay rows."""

from __future__ import annotations

from lxml import etree

from cleanarticle import formats
from cleanarticle.html import clean_html, clean_html_and_explain
from cleanarticle.html.layout import unwrap_layout_tables

PARAGRAPHS = [
    "The harbour authority approved the new ferry terminal on Tuesday after two years of public consultation.",
    "Construction is expected to begin in the spring and to last eighteen months, the authority said.",
    "Residents had asked for more parking and a covered waiting area, both of which are in the final plan.",
    "The old terminal will stay open until the new one is finished, so that crossings are not interrupted.",
]


def page(cell: str, *, extra_rows: str = "") -> str:
    return (
        "<html><head><title>Ferry terminal approved</title></head><body><table>"
        f"<tr><td>{cell}</td><td><p>Archive</p></td></tr>{extra_rows}</table></body></html>"
    )


def test_an_article_in_a_table_cell_comes_out_as_paragraphs_and_headings() -> None:
    cell = "<h2>A new terminal</h2>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + "<h2>What changes</h2>" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:]
    )
    result = clean_html_and_explain(page(cell))
    lines = result.text.splitlines()
    assert all(p in lines for p in PARAGRAPHS)
    assert not any(line.startswith("|") for line in lines)
    assert "## What changes" in formats.body(result, formats.Output("markdown")).splitlines()


def test_a_data_table_stays_rows_of_cells() -> None:
    rows = "".join(f"<tr><td><p>{city}</p><p>{note}</p></td><td>{fare}</td></tr>" for city, note, fare in [
        ("Dover", "daily", "£40"), ("Calais", "daily", "€45"), ("Dieppe", "weekends", "€50"), ("Roscoff", "summer", "€70"),
    ])  # fmt: skip
    html = f"<html><body>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}<table>{rows}</table></body></html>"
    lines = clean_html(html).splitlines()
    assert any(line.startswith("| Dover") and "£40" in line for line in lines)


def tree(xml: str) -> etree._Element:
    return etree.fromstring(f"<body>{xml}</body>")


def test_unwrap_keeps_the_order_and_loose_text_of_the_cells() -> None:
    body = tree(
        "<p>Before.</p><table><row><cell>Loose words<p>One.</p><p>Two.</p></cell><cell><head>Three</head></cell></row></table>"
        "<p>After.</p>"
    )
    unwrap_layout_tables(body)
    assert [(child.tag, "".join(child.itertext())) for child in body] == [
        ("p", "Before."), ("p", "Loose words"), ("p", "One."), ("p", "Two."), ("head", "Three"), ("p", "After."),
    ]  # fmt: skip


def test_rows_of_short_cells_and_code_beside_line_numbers_are_no_layout() -> None:
    data = "<table>" + "<row><cell>Dover</cell><cell>£40</cell></row>" * 3 + "</table>"
    listing = "<table><row><cell><code>1</code><code>2</code></cell><cell><code>x = 1</code><code>y = 2</code></cell></row></table>"
    one_paragraph = "<table><row><cell><p>Dover</p></cell><cell><p>£40</p></cell></row></table>"
    for xml in (data, listing, one_paragraph):
        body = tree(xml)
        unwrap_layout_tables(body)
        assert [child.tag for child in body] == ["table"], xml


def test_a_one_column_table_of_cards_is_layout_however_long() -> None:
    cards = "".join(f"<row><cell><head>Plant {n}</head><p>Needs light.</p></cell></row>" for n in range(6))
    body = tree(f"<table>{cards}</table>")
    unwrap_layout_tables(body)
    assert [child.tag for child in body] == ["head", "p"] * 6
