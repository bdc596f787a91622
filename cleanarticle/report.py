"""A removal report: one self-contained HTML page showing what cleaning removed, and why.

Each document is shown as its source with every removed span struck through and coloured by the
filter that removed it; hovering a span shows the filter, the reason and the detail. A legend
counts the removals per filter and reason over all documents (a checkbox per filter hides or
shows its marks), and for a corpus a summary lists the removed lines seen most often. The page
needs nothing from the network: styles and the small script are inline, colours come from the
filter names. Documents beyond `max_documents` are counted in the legend and the summary but
not shown, so a report of a large corpus stays small enough to open.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .outputs import write_atomically
from .types import CleanResult, Removal

MAX_DOCUMENTS = 200
TOP_LINES = 25
_LINE_CHARS = 160

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70em;padding:1em 2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-top:1px solid #ccc;padding-top:.8em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.15em .6em;text-align:left;vertical-align:top}
td.count{text-align:right;font-variant-numeric:tabular-nums}td.filter,label{white-space:nowrap}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle;margin-right:.4em}
pre.doc{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #ddd;padding:.8em;font:13px/1.45 ui-monospace,monospace}
del{text-decoration:line-through;border-radius:2px;color:#333}
del.ws::before{content:"\\21B5";opacity:.6}
body.hide-marks del{display:none}
.note{color:#666;font-size:.9em}
"""

_SCRIPT = """
(function () {
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", function () {
      for (const mark of document.querySelectorAll("del.f-" + box.dataset.toggle)) {
        mark.style.display = box.checked ? "" : "none";
      }
    });
  }
  const all = document.getElementById("hide-all");
  all.addEventListener("change", function () { document.body.classList.toggle("hide-marks", all.checked); });
  document.body.dataset.ready = "1";
})();
"""


def colours(filter_names: list[str]) -> dict[str, str]:
    """A light background colour per filter, hues spread by the golden angle so that
    neighbours in the legend never look alike."""
    return {name: f"hsl({round(index * 137.508) % 360}, 80%, 80%)" for index, name in enumerate(sorted(filter_names))}


def css_name(filter_name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in filter_name)


@dataclass
class RemovalReport:
    """Documents and their ledgers, gathered one by one and written as one HTML page."""

    max_documents: int = MAX_DOCUMENTS
    title: str = "cleanarticle removal report"
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    lines: Counter[tuple[str, str]] = field(default_factory=Counter)  # (filter, removed line) -> documents
    sections: list[str] = field(default_factory=list)
    documents: int = 0

    def add(self, name: str, result: CleanResult) -> None:
        """Count `result`'s removals and, while there is room, keep its page section."""
        self.documents += 1
        self.counts.update((removal.filter, removal.reason) for removal in result.removals)
        seen = set()
        for removal in result.removals:
            for line in result.source[removal.start : removal.end].split("\n"):
                text = line.strip()[:_LINE_CHARS]
                if text and (removal.filter, text) not in seen:
                    seen.add((removal.filter, text))
        self.lines.update(seen)
        if len(self.sections) < self.max_documents:
            self.sections.append(_section(len(self.sections) + 1, name, result))

    def html(self) -> str:
        """The whole page."""
        palette = colours(sorted({name for name, _ in self.counts}))
        styles = "".join(f"del.f-{css_name(name)}{{background:{value}}}\n" for name, value in palette.items())
        parts = [
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f"<title>{html.escape(self.title)}</title><style>{_STYLE}{styles}</style></head><body>",
            f"<h1>{html.escape(self.title)}</h1>",
            f"<p>{self.documents} document{'s' if self.documents != 1 else ''}, "
            f"{sum(self.counts.values())} removals. Removed text is struck through and coloured by "
            "filter; hover over it for the reason and detail.</p>",
            self._legend(palette),
            self._summary(palette),
            *self.sections,
        ]
        if self.documents > len(self.sections):
            hidden = self.documents - len(self.sections)
            parts.append(f"<p class=\"note\">{hidden} more documents are counted above but not shown.</p>")
        parts.append(f"<script>{_SCRIPT}</script></body></html>\n")
        return "\n".join(parts)

    def _legend(self, palette: dict[str, str]) -> str:
        rows = []
        for (name, reason), count in sorted(self.counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
            rows.append(
                f"<tr class=\"legend-row\" data-filter=\"{html.escape(name)}\" data-reason=\"{html.escape(reason)}\">"
                f"<td><label><input type=\"checkbox\" checked data-toggle=\"{css_name(name)}\">"
                f"<span class=\"swatch\" style=\"background:{palette[name]}\"></span>{html.escape(name)}</label></td>"
                f"<td>{html.escape(reason)}</td><td class=\"count\">{count}</td></tr>"
            )
        return (
            "<h2 id=\"legend\">Removals by filter and reason</h2>"
            "<p><label><input type=\"checkbox\" id=\"hide-all\"> hide removed text</label></p>"
            "<table class=\"legend\"><tr><th>filter</th><th>reason</th><th>removals</th></tr>"
            + "".join(rows)
            + "</table>"
        )

    def _summary(self, palette: dict[str, str]) -> str:
        if self.documents < 2 or not self.lines:
            return ""
        rows = "".join(
            f"<tr><td class=\"count\">{count}</td><td class=\"filter\"><span class=\"swatch\" style=\"background:{palette[name]}\"></span>"
            f"{html.escape(name)}</td><td>{html.escape(text)}</td></tr>"
            for (name, text), count in self.lines.most_common(TOP_LINES)
        )
        return (
            "<h2 id=\"top-lines\">Removed lines seen most often</h2>"
            "<table class=\"top-lines\"><tr><th>documents</th><th>filter</th><th>line</th></tr>" + rows + "</table>"
        )

    def write(self, path: Path) -> None:
        """Write the page to `path` (under a temporary name first, then moved into place)."""
        write_atomically(path, self.html())


def _section(number: int, name: str, result: CleanResult) -> str:
    return (
        f"<h2 id=\"doc-{number}\" class=\"doc-name\">{html.escape(name)}</h2>"
        f"<p class=\"note\">{len(result.removals)} removals</p>"
        f"<pre class=\"doc\">{marked(result.source, result.removals)}</pre>"
    )


def marked(source: str, removals: tuple[Removal, ...] | list[Removal]) -> str:
    """`source` as HTML with each removal wrapped in a `<del>` (overlaps clipped, never doubled)."""
    out: list[str] = []
    at = 0
    for removal in sorted(removals, key=lambda r: (r.start, r.end)):
        start, end = max(removal.start, at), removal.end
        if end <= start:
            continue
        out.append(html.escape(source[at:start]))
        text = source[start:end]
        hover = f"{removal.filter}: {removal.reason}" + (f" \u2014 {removal.detail}" if removal.detail else "")
        classes = f"f-{css_name(removal.filter)}" + (" ws" if not text.strip() else "")
        out.append(
            f"<del class=\"{classes}\" data-filter=\"{html.escape(removal.filter)}\" "
            f"data-reason=\"{html.escape(removal.reason)}\" title=\"{html.escape(hover)}\">{html.escape(text)}</del>"
        )
        at = end
    out.append(html.escape(source[at:]))
    return "".join(out)
