"""Record Markdown is rendered with raw HTML escaped and the result sanitised."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from patchday.render.markup import render

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "</div></table><svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '[x](data:text/html,<script>alert(1)</script>)',
    "<!-- unterminated",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_inert(payload):
    soup = BeautifulSoup(render(f"Text {payload} **bold**"), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in {"p", "strong", "a", "em", "code"}, tag
        assert not any(a.startswith("on") for a in tag.attrs), tag
        assert not str(tag.get("href", "")).lower().startswith(("javascript:", "data:")), tag


def test_markdown_still_works():
    html = render("Install **KB1** from [the catalog](https://contoso.example/kb/1).\n\n- a\n- b")
    assert '<a href="https://contoso.example/kb/1" rel="noopener noreferrer">the catalog</a>' in html
    assert "<li>a</li>" in html
