"""The search index of one language: split so that a search fetches only what it needs.

Each language has its own index under its root (``search-index/``,
``de/search-index/``, ...)::

    meta.json              {"v": 1, "lang", "docs", "shards", "chunk", "build"}
    <build>/t/<n>.json.gz  term shard n: {term: [record, weight, record, weight, ...]}
    <build>/r/<n>.json.gz  records n*chunk ...: [{"u", "i", "t", "x", "f", "s": [[anchor, heading, detail]]}]

Shards and records are gzip files (the browser inflates them with DecompressionStream):
a host stores and serves a fifth of the bytes, 7 MB instead of 34 at 3,000 bulletins
x 4 languages, and a host that compresses on the fly gains nothing from JSON either way.

A term lives in shard ``fnv1a(key) % shards``, where its key is its first
character when that is a CJK one and its first two characters otherwise. The key
is a prefix of every term it covers, so the browser knows which one shard holds
every term that starts with what the reader typed: a search fetches meta.json,
one shard per word and the records of the results it shows (assets/patchday/search.js).
``build`` is a digest of the contents: a new build writes a new folder, so a
browser that kept an old meta.json never mixes shards of two builds.

Words are what :func:`tokens` makes of a text, and the browser's copy of it must
agree (a test runs both on the same strings):

* NFKC, then lower case; words are runs of letters and digits, with ``-`` and
  ``.`` inside them kept (``cve-2026-21001``, ``kb5031010``, ``10.0.19045``),
  each part of such a word indexed too;
* Chinese, Japanese and Korean text has no spaces: a run of it is indexed as
  overlapping pairs of characters (bigrams), as Lucene's CJK analyzer does, and a
  search for 情報漏えい looks for all of 情報, 報漏, 漏え and えい. No dictionary to
  ship, and compounds are found whatever a segmenter would have made of them.

No stemming: the browser matches the start of words (``updat`` finds
``updates``) and also tries a word without a plural ending.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

import orjson

from patchday.render.search_records import Record

VERSION = 1
CHUNK = 16  # records per file: a page of ten results fetches at most ten of these, ~6 kB each
SHARD_BYTES = 24_000  # what a term shard should weigh, about; their count is a power of two
MAX_SHARDS = 256
EXCERPT = 300  # characters of the summary a result shows

# Hiragana, katakana, CJK ideographs (with extension A and compatibility forms), Hangul syllables.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_CHAR = re.compile(f"[{CJK}]")
# A letter or digit that is not CJK: one negated class (not a non-word character, an underscore
# or a CJK one), not a look-ahead before every character, which made the non-ASCII texts' words
# a fifth slower to find (0.88 -> 0.73 s for the 28,647 such texts at 3,000 bulletins x 4).
_ALNUM = f"[^\\W_{CJK}]"
WORDS = re.compile(f"([{CJK}]+)|({_ALNUM}+(?:[-.]{_ALNUM}+)*)")
_PARTS = re.compile(r"[-.]")
# The same words in ASCII text (most of an English, German or French index), without the
# look-ahead per character that keeps CJK out: a third of the time.
_ASCII_WORDS = re.compile(r"()([a-z0-9]+(?:[-.][a-z0-9]+)*)")

# How much a word counts by where it stands: an ID or update number pasted in finds its
# bulletin first, then titles, then everything else.
WEIGHTS = {"ident": 16, "title": 8, "heading": 4, "facts": 2, "detail": 2, "summary": 1}


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Every word of ``text`` as the index holds it (see the module's docstring)."""
    out: list[str] = []
    found = _ASCII_WORDS.findall(text.lower()) if text.isascii() else WORDS.findall(normal(text))
    for cjk, word in found:
        if word:
            out.append(word)
            if "-" in word or "." in word:
                out.extend(p for p in _PARTS.split(word) if p)
        elif len(cjk) == 1:
            out.append(cjk)
        else:
            out.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return out


def key(term: str) -> str:
    return term[:1] if _CJK_CHAR.match(term) else term[:2]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: what JavaScript's charCodeAt gives."""
    h = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > EXCERPT // 2 else EXCERPT].rstrip(" ,;:") + "…"


def _fields(r: Record) -> Iterator[tuple[int, str]]:
    """(weight, text) of a record; texts of one weight are joined, since words never span a space."""
    yield WEIGHTS["ident"], r.ident
    yield WEIGHTS["title"], r.title
    yield WEIGHTS["summary"], r.summary
    yield WEIGHTS["facts"], " ".join([r.facts, *(s.detail for s in r.sections)])
    yield WEIGHTS["heading"], " ".join(s.heading for s in r.sections)


def _dump(value: object) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


# zlib level 5 against 6 at 3,000 bulletins x 4 languages: 0.38 against 0.67 CPU-s for 34 MB of
# JSON, 7.24 against 7.14 MB written (4: 0.25 s, 7.68 MB; 1: 0.17 s, 8.59 MB).
COMPRESS_LEVEL = 5


def _packed(value: object) -> bytes:
    return gzip.compress(_dump(value), compresslevel=COMPRESS_LEVEL, mtime=0)  # mtime 0: the same bytes every build


def build(records: Iterable[Record], lang: str) -> dict[str, bytes]:
    """The index of ``records`` (in the order results tie in): file path under the bundle -> bytes."""
    postings: dict[str, list[int]] = {}
    docs = []
    for n, r in enumerate(records):
        # A word counts its weight each time it stands in a field, up to 255.
        found: dict[str, int] = {}
        for w, text in _fields(r):
            for term, times in Counter(tokens(text)).items():
                found[term] = found.get(term, 0) + w * times
        for term, w in found.items():
            p = postings.get(term)
            if p is None:
                postings[term] = [n, min(w, 255)]
            else:
                p += (n, min(w, 255))
        docs.append({"u": r.path, "i": r.id, "t": r.title, "x": _excerpt(r.summary), "f": r.facts,
                     "s": [[s.anchor, s.heading, s.detail] for s in r.sections]})
    size = sum(len(term) + 4 * len(p) for term, p in postings.items())
    shards = 1
    while shards < MAX_SHARDS and size / shards > SHARD_BYTES:
        shards *= 2
    by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    hashes: dict[str, int] = {}
    for term, p in postings.items():
        k = key(term)
        h = hashes.get(k)
        if h is None:
            h = hashes[k] = fnv1a(k) % shards
        by_shard[h][term] = p
    files = {f"t/{i}.json.gz": _packed(s) for i, s in enumerate(by_shard)}
    files.update({f"r/{i // CHUNK}.json.gz": _packed(docs[i : i + CHUNK]) for i in range(0, len(docs), CHUNK)})
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    build_id = digest.hexdigest()[:12]
    out = {f"{build_id}/{name}": data for name, data in files.items()}
    out["meta.json"] = _dump({"v": VERSION, "lang": lang, "docs": len(docs), "shards": shards, "chunk": CHUNK,
                              "build": build_id})
    return out
