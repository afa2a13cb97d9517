"""The search index's layout and words, and that the browser's copy of the words agrees."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from patchday.render.search_index import CHUNK, build, fnv1a, key, tokens
from patchday.render.search_records import Record, Section, records

SCRIPT = Path(__file__).resolve().parents[2] / "theme" / "assets" / "patchday" / "search.js"

SAMPLES = [
    "CVE-2026-21001 and KB5031010 fix Contoso Edge Gateway 1.10",
    "Version 10.0.19045.3803. Then a sentence. Ends.",
    "情報漏えいの脆弱性 (CVE-2026-1234) が Windows に存在します",
    "ｶﾀｶﾅ half-width and ＦＵＬＬＷＩＤＴＨ ＡＢＣ１２３",
    "Sicherheitslücken in Größe ÄÖÜ straße",
    "Une vulnérabilité d’exécution de code à distance : « mise à jour »",
    "mixed日本語text and 한국어 단어, x-y_z a.b.c -lead trail- 1",
    "ascii only: snake_case x-y_z a.b.c -lead trail- 1 .5 v1.2- Q&A",
    "",
]


def test_words_ids_and_cjk_pairs():
    assert list(tokens("CVE-2026-21001 fixed")) == ["cve-2026-21001", "cve", "2026", "21001", "fixed"]
    assert list(tokens("Build 10.0.19045.")) == ["build", "10.0.19045", "10", "0", "19045"]
    assert list(tokens("情報漏えい")) == ["情報", "報漏", "漏え", "えい"]
    assert list(tokens("ＫＢ５０３１")) == ["kb5031"]  # NFKC: full-width forms are the ASCII ones


def test_words_are_those_of_the_look_ahead_pattern():
    # WORDS excludes CJK from its letters with one negated class; the pattern it replaced, with a
    # look-ahead before every letter, says what a word is. Random strings over every script boundary.
    import random
    import re

    from patchday.render.search_index import CJK, WORDS

    letter = f"(?:(?![{CJK}])[^\\W_])"
    reference = re.compile(f"([{CJK}]+)|({letter}+(?:[-.]{letter}+)*)")
    alphabet = ("aZ9_-. ·ー日本語カタ한글éß߀①²ⅷ\u3000\u30fb\u4e00\u9fff\u3400\u4dbf\uac00\ud7af\u3040\u30ff"
                "\u303f\u3100\uf900\ufaff\ufb00\u0660\uff10\uff21")
    rnd = random.Random(18)
    for _ in range(50_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert WORDS.findall(text) == reference.findall(text), text
    for text in SAMPLES:
        assert WORDS.findall(text) == reference.findall(text), text


@pytest.mark.skipif(shutil.which("node") is None, reason="node is installed by make test")
def test_the_browser_makes_the_same_words_keys_and_shards():
    code = ("const s = require(process.argv[1]); const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
            "console.log(JSON.stringify(input.map(t => [s.tokens(t), s.tokens(t).map(s.key), s.tokens(t).map(w => s.fnv1a(s.key(w)))])));")
    done = subprocess.run([shutil.which("node"), "-e", code, str(SCRIPT)], input=json.dumps(SAMPLES),
                          capture_output=True, text=True, check=True)
    theirs = json.loads(done.stdout)
    ours = [[list(tokens(t)), [key(w) for w in tokens(t)], [fnv1a(key(w)) for w in tokens(t)]] for t in SAMPLES]
    assert theirs == ours


def _record(n: int, title: str, summary: str = "", ident: str = "") -> Record:
    rid = f"CX26-{n:03}"
    return Record(f"bulletins/{rid}/", rid, f"{rid} {ident}".strip(), title, summary, "Critical",
                  (Section("cve-2026-1", "CVE-2026-1: Heading", "Remote code execution"),))


def _read(files: dict[str, bytes]) -> tuple[dict, list[dict[str, list[int]]], list[dict]]:
    meta = json.loads(files["meta.json"])
    shards = [json.loads(gzip.decompress(files[f"{meta['build']}/t/{i}.json.gz"])) for i in range(meta["shards"])]
    recs = [r for i in range(0, meta["docs"], CHUNK) for r in json.loads(gzip.decompress(files[f"{meta['build']}/r/{i // CHUNK}.json.gz"]))]
    return meta, shards, recs


def test_every_word_is_in_the_shard_its_key_names_with_its_records_and_weights():
    recs = [_record(i, f"Gateway flaw number {i}", "A memory corruption in the gateway.", f"KB{5000000 + i}") for i in range(40)]
    files = build(recs, "en")
    meta, shards, got = _read(files)
    assert meta == {"v": 1, "lang": "en", "docs": 40, "shards": meta["shards"], "chunk": CHUNK, "build": meta["build"]}
    assert [r["i"] for r in got] == [r.id for r in recs] and got[3]["u"] == "bulletins/CX26-003/"
    where = {w: i for i, shard in enumerate(shards) for w in shard}
    for r in recs:
        for w in tokens(f"{r.ident} {r.title} {r.summary}"):
            assert where[w] == fnv1a(key(w)) % meta["shards"], w
    # A word in the ID counts more than one in the title, which counts more than one in the summary.
    kb = shards[where["kb5000007"]]["kb5000007"]
    gateway = dict(zip(shards[where["gateway"]]["gateway"][::2], shards[where["gateway"]]["gateway"][1::2], strict=True))
    memory = dict(zip(shards[where["memory"]]["memory"][::2], shards[where["memory"]]["memory"][1::2], strict=True))
    assert kb == [7, 16]
    assert gateway[7] == 8 + 1 and memory[7] == 1  # title and summary both hold "gateway"


def test_the_build_folder_is_named_by_its_contents():
    one = build([_record(1, "First")], "en")
    again = build([_record(1, "First")], "en")
    other = build([_record(1, "Second")], "en")
    assert one == again
    assert json.loads(one["meta.json"])["build"] != json.loads(other["meta.json"])["build"]
    assert all(name == "meta.json" or name.startswith(json.loads(one["meta.json"])["build"] + "/") for name in one)


def test_large_indexes_split_into_more_shards_and_chunks():
    small = json.loads(build([_record(1, "One")], "en")["meta.json"])
    words = [f"word{i}" for i in range(4000)]
    big_recs = [_record(i, " ".join(words[i * 20:(i + 1) * 20])) for i in range(200)]
    big_files = build(big_recs, "en")
    big = json.loads(big_files["meta.json"])
    assert small["shards"] == 1 and big["shards"] > 1
    assert sum(1 for n in big_files if "/r/" in n) == -(-200 // CHUNK)


def test_a_site_index_holds_every_bulletin_of_its_language(catalog):
    for lang in catalog.settings.languages:
        recs = list(records(catalog, lang))
        meta, shards, got = _read(build(recs, lang))
        assert meta["lang"] == lang and [r["i"] for r in got] == sorted(e.id for e in catalog.entries)
        words = {w for shard in shards for w in shard}
        assert {e.id.lower() for e in catalog.entries} <= words
