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
    # Each bar's name stands above it, at full width, so a long name (リモートでコードが実行される)
    # needs no narrow label column. Drawn at about the size it is shown at (a phone's 300 px
    # up to 22rem), so the 14-px labels stay between 12 and 20 px on screen.
    width, label_h, bar_h, gap = 300, 18, 14, 10
    row_h = label_h + bar_h + gap
    top = max((b.count for b in bars), default=0) or 1
    height = len(bars) * row_h
    out = [
        f'<svg class="pd-chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for i, b in enumerate(bars):
        y = i * row_h
        w = 0 if b.count == 0 else max(2, round((width - 40) * b.count / top))
        out.append(
            f'<text x="0" y="{y + label_h - 4}">{escape(b.label)}</text>'
            f'<rect class="{escape(b.css)}" x="0" y="{y + label_h}" width="{w}" height="{bar_h}" rx="2"/>'
            f'<text x="{w + 6}" y="{y + label_h + bar_h - 2}">{b.count}</text>'
        )
    out.append("</svg>")
    return "".join(out)
