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


# The string-join fast path for one-line prose with `code` and [links](https://...) must
# give exactly what Python-Markdown + nh3 give, or step aside (render/markup.py).
_SIMPLE_CASES = [
    "Install `KB5031010` now.",
    "See [the guidance](https://learn.contoso.example/kb/5031010) for details.",
    "Two `a` and `b c` spans, then [x](http://e.example/p?q=1) and [y](https://e.example/).",
    "`x`", "` x`", "`x `", "`` x ``", "a ` b", "a `` b", "`a``b`",
    "[no link]", "[a](ftp://x.example)", "[a](https://x.example \"t\")", "[a]( https://x.example)",
    "[a](https://x.example/a_b)", "[a](https://x.example/a&b)", "[`c`](https://x.example)",
    "(parentheses) and [brackets](https://x.example/(p))", "1. not a list `x`", "- item `x`", "    `indented`",
    "情報漏えい `KB1` と [ガイダンス](https://x.example/ja)", "Grüße `ä` — “quotes” ‘single’ 'apostrophe'",
    "nbsp\u00a0`x`", "tab\t`x`", "a  `x`  b", "ends with link [a](https://x.example)",
    "[a](https://x.example)[b](https://y.example)", "x\u2003`y`", "a\rb `c`", "`a` `b`", "`a`[b](https://x.example)`c`", "=`x`", "+ `x`", "10) `x`",
    # code spans hold any character; the parser escapes them
    "Run `<script>alert(1)</script>` now", "`a & b`", "`x > y`", "`\"q\"`", "`[a](https://x.example)`", "`a*b_c`",
    # brackets of one kind only and a lone backtick are text
    "See [the guidance", "the guidance](https://x.example/kb) here", "a ] b `x`", "a [ b `x` [c", "lone ` tick",
    "lone ` tick and [a](https://x.example)", "[a`b](https://x.example)", "[a](https://x.example/`p)", "`x` and `",
    "[a] [b]", "[a]: https://x.example", "[a][b]", "[the guidance](https://x.example", "\ue000 [", "](", "[ `x`",
    # a link cut short at the end (translations cut to a length) is text
    "See [the guidance](https://learn.contoso.e", "in `stream.so`. See [the guidance](htt", "x [a](", "[no link]",
    "x[a](https://e", "lone ` tick [a](https://e.ex", "a [b](https://x.example/p) [c](https://y.e", "a & b [c](https://x",
    "[a]: https://x.example/ [c](https://x.e", "a [b]: [c](https://x.e", "x [a](https://e.example/p q", "x [ ](h",
    "x ![a](https://e", "x [a](https://e.example/_p", "x [a](<https://e", "x [a b](https://e 'q", "[a](https://e.example/(p",
]


def test_simple_prose_fast_path_matches_python_markdown():
    from patchday.render.markup import _full, _simple

    taken = 0
    for text in _SIMPLE_CASES:
        fast = _simple(text.strip())
        if fast is not None:
            taken += 1
            assert fast == _full(text.strip()), text
    assert taken >= 25


def test_code_spans_are_escaped_on_the_fast_path():
    html = render("Run `<script>alert(1)</script>` now")
    assert html == "<p>Run <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> now</p>"


def test_fast_path_matches_python_markdown_on_random_text():
    import random

    from patchday.render.markup import _full, _has_syntax, _simple

    rng = random.Random(20261125)
    pieces = ["word", " ", " ", "[", "]", "(", ")", "`", "](", "`code`", "[l](https://e.example/p)", "x`", "1.", "- ",
              "#", "\\", "'", '"', "&", "<", ">", "é", "日本", "!", "*", "_", "https://h.example", "\u00a0", "\t"]
    weights = [8, 8, 4, 2, 2, 2, 2, 2, 1, 2, 2, 1, 0.3, 0.3, 0.2, 0.2, 0.5, 0.3, 0.3, 0.3, 0.3, 1, 1, 0.3, 0.3, 0.3, 1,
               0.1, 0.1]
    taken = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, weights, k=rng.randint(1, 16))).strip()
        if not _has_syntax(text):
            continue
        fast = _simple(text)
        if fast is not None:
            taken += 1
            assert fast == _full(text), text
    assert taken >= 500


def test_fast_path_matches_python_markdown_on_texts_that_end_in_a_cut_link():
    import random

    from patchday.render.markup import _full, _simple

    rng = random.Random(20261206)
    heads = ["word", " ", " ", "`code`", "x`", "é", "日本", "'", "(", ")", "[l](https://e.example/p)", "]", "[", "!", "-"]
    labels = ["the guidance", "a", " ", "日本", "a'b", "x!", "a(b", "_a_", "*b*", "a & b", "<b>", "`c`", '"q"', "\\*"]
    targets = ["", "(", "(h", "(https://learn.contoso.e", "(https://e.example/p", "(https://e.example/p q", "(<h",
               "(https://e/_p_q", "(https://e/*p*", "(https://e/a&b", "(https://e/`c`", "(https://e/\\*", "(https://e/'q'"]
    taken = 0
    for _ in range(6000):
        head = "".join(rng.choices(heads, k=rng.randint(0, 10)))
        text = (head + f"[{rng.choice(labels)}]" + rng.choice(targets)).strip()
        fast = _simple(text)
        if fast is not None:
            taken += 1
            assert fast == _full(text), text
    assert taken >= 200
