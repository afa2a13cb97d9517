"""Inline SVG bar charts, generated at build time.

The chart is decoration for sighted readers: it carries a <title>/<desc>,
and the page always shows the same numbers as a table next to it. Each bar
is labelled with its name and count in text, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from patchday.export.xml_text import escape


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    css: str  # colour class, e.g. "pd-bar--critical"


def bar_chart(bars: list[Bar], title: str, desc: str, ident: str) -> str:
    width, label_w, row_h, gap = 520, 230, 22, 6
    top = max((b.count for b in bars), default=0) or 1
    height = len(bars) * (row_h + gap) + gap
    out = [
        f'<svg class="pd-chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for i, b in enumerate(bars):
        y = gap + i * (row_h + gap)
        w = 0 if b.count == 0 else max(2, round((width - label_w - 50) * b.count / top))
        out.append(
            f'<text x="{label_w - 8}" y="{y + row_h * 0.7:.0f}" text-anchor="end">{escape(b.label)}</text>'
            f'<rect class="{escape(b.css)}" x="{label_w}" y="{y}" width="{w}" height="{row_h}" rx="2"/>'
            f'<text x="{label_w + w + 6}" y="{y + row_h * 0.7:.0f}">{b.count}</text>'
        )
    out.append("</svg>")
    return "".join(out)
