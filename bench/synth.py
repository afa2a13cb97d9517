"""A deterministic synthetic corpus for the benchmarks.

``generate(out, n)`` writes ``products.yaml`` and ``n`` bulletins as
``<year>/<ID>.yaml`` with de/fr/ja overlays for about 95 % of them, in the
shape a real vendor's repository has after years of patch days:

* 30 bulletins per monthly patch day (second Tuesday, 10:00
  America/Los_Angeles), counted backwards from June 2026, so 1,000 bulletins
  cover the last ~3 years and 10,000 go back to 1998. IDs follow the site's
  default pattern ``CXyy-nnn`` (at most 360 a year); about 2 % are out of
  band, 0.5 % withdrawn.
* 40 products in 8 families, a new version every 3 years, each supported
  for 9; every bulletin states each version supported on its release day
  (affected, or not affected), as the coverage rule requires.
* 3-15 CVEs per bulletin with CVSS 3.1 vectors (and 4.0 for about half),
  a severity per product whose maximum is the product row's severity,
  CWEs, workarounds, FAQ, acknowledgments, references and 1-3 revisions.
* Overlays translate every text field and carry ``source_hashes`` as
  ``patchday translations --stamp`` writes them.

Everything is seeded: the same ``n`` gives byte-identical files on every
machine and run (nothing reads the clock).
The corpus validates with 0 errors and 0 warnings under the default settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

VERSION = 1  # bump when the output changes, so cached corpora are rebuilt
PER_MONTH = 30
LAST_MONTH = (2026, 6)
ZONE = ZoneInfo("America/Los_Angeles")
SEVERITIES = ["critical", "important", "moderate", "low"]
IMPACTS = ["rce", "eop", "dos", "info", "spoofing", "tampering", "sfb"]
LANGS = ("de", "fr", "ja")

try:
    _Base: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeDumper

# PyYAML quotes by YAML 1.1 rules, which miss YAML 1.2 numbers such as 948016703e78
# (a hash): patchday reads those as numbers, so quote every text that looks like one.
_NUMBER12 = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'" if _NUMBER12.match(value) else None)


_Dumper.add_representer(str, _str)

FAMILIES = [
    ("server", "Servers"), ("desktop", "Desktop"), ("office", "Office"), ("dev", "Developer tools"),
    ("cloud", "Cloud agents"), ("mobile", "Mobile"), ("network", "Networking"), ("identity", "Identity"),
]
PRODUCT_WORDS = [
    "Mail Server", "File Server", "Web Server", "Directory", "Database", "Desktop OS", "Browser", "Media Player",
    "Office Suite", "Spreadsheet", "Word Processor", "Presentation", "Mail Client", "Notes", "Compiler",
    "IDE", "Build Agent", "Package Manager", "Debugger", "Cloud Agent", "Backup Agent", "Monitoring Agent",
    "Sync Client", "Container Runtime", "Phone OS", "Tablet OS", "Mobile Browser", "Authenticator", "Router OS",
    "Firewall", "VPN Gateway", "Load Balancer", "Wireless Controller", "Identity Server", "SSO Gateway",
    "Certificate Service", "Print Server", "Hypervisor", "Remote Desktop", "Search Server",
]
WORDS = (
    "attacker remote local crafted request memory buffer heap stack overflow handling object validation input "
    "privilege kernel service component parser image font document message packet session token cache policy "
    "boundary check access control sandbox escape elevation disclosure integrity signature certificate server "
    "client driver library plugin network protocol authentication credential configuration registry file path "
    "administrator user process thread handle pointer length field header record stream archive update"
).split()
TRANSLATED = {
    "de": ("Sicherheitsupdate", "Angreifer", "Speicher", "Dienst", "Rechte", "Komponente", "Anfrage", "Schwachstelle"),
    "fr": ("mise à jour", "attaquant", "mémoire", "service", "privilèges", "composant", "requête", "vulnérabilité"),
    "ja": ("セキュリティ更新", "攻撃者", "メモリ", "サービス", "特権", "コンポーネント", "要求", "脆弱性"),
}
CWES = [20, 22, 78, 79, 89, 119, 125, 200, 269, 287, 352, 400, 416, 434, 476, 502, 611, 787, 798, 862, 863, 918]
ORGS = ["Contoso Red Team", "Fabrikam Labs", "Northwind Security", "Tailspin Research", "Woodgrove CERT", None]


# --- calendar -----------------------------------------------------------------

def patch_day(year: int, month: int) -> dt.datetime:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)  # second Tuesday
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZONE)


def _month_back(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - k
    return index // 12, index % 12 + 1


# --- catalogue ----------------------------------------------------------------

def catalogue() -> dict:
    rnd = random.Random("patchday-bench-products")
    products = []
    for i, name in enumerate(PRODUCT_WORDS):
        fam = FAMILIES[i % len(FAMILIES)][0]
        slug = name.lower().replace(" ", "-")
        yearly = i % 3 != 0  # "2019"-style versions, else "7.1"-style
        start = 1990 + i % 3
        versions = []
        for k, year in enumerate(range(start, 2027, 3)):
            vid = str(year) if yearly else f"{k + 1}.{rnd.randint(0, 9)}"
            released = dt.date(year, 1 + (i * 5 + k) % 12, 1)
            until = dt.date(year + 9, released.month, 1) - dt.timedelta(days=1)
            v = {"id": vid, "name": f"Contoso {name} {vid}", "platforms": rnd.sample(["x64", "arm64", "x86"], rnd.randint(1, 2)),
                 "released": released.isoformat()}
            if until.year < 2026:
                v["supported_until"] = until.isoformat()
            v["cpe"] = f"cpe:2.3:a:contoso:{slug.replace('-', '_')}:{vid}:*:*:*:*:*:*:*"
            versions.append(v)
        products.append({"id": slug, "name": f"Contoso {name}", "family": fam,
                         "url": f"https://www.contoso.example/products/{slug}", "versions": versions})
    return {"schema_version": 1, "families": [{"id": f, "name": n} for f, n in FAMILIES], "products": products}


def _supported(product: dict, day: dt.date) -> list[str]:
    out = []
    for v in product["versions"]:
        if dt.date.fromisoformat(v["released"]) > day:
            continue
        until = v.get("supported_until")
        if until is None or day <= dt.date.fromisoformat(until):
            out.append(v["id"])
    return out


# --- text -------------------------------------------------------------------------

def _sentence(rnd: random.Random, lo: int = 6, hi: int = 14) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(lo, hi))]
    s = " ".join(words)
    if rnd.random() < 0.15:
        s += f" in `{rnd.choice(WORDS)}.{rnd.choice(['dll', 'so', 'exe', 'conf'])}`"
    return s[0].upper() + s[1:] + "."


def _para(rnd: random.Random, lo: int, hi: int) -> str:
    text = " ".join(_sentence(rnd) for _ in range(rnd.randint(lo, hi)))
    if rnd.random() < 0.2:
        text += f" See [the guidance](https://learn.contoso.example/security/{rnd.randint(1000, 9999)})."
    return text


def _title(rnd: random.Random, product: str) -> str:
    return f"{product} {rnd.choice(WORDS)} {rnd.choice(['remote code execution', 'elevation of privilege', 'information disclosure', 'denial of service', 'spoofing', 'security feature bypass'])} vulnerability"


def _translate(rnd: random.Random, lang: str, english: str) -> str:
    vocab = TRANSLATED[lang]
    words = english.split()
    out = [rnd.choice(vocab) if rnd.random() < 0.5 else w for w in words]
    return ("".join(out) if lang == "ja" else " ".join(out))[: max(20, len(english))]


def text_hash(text: str) -> str:  # the same as patchday.translate.fields.text_hash
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


# --- vectors ---------------------------------------------------------------------

def _v3(rnd: random.Random) -> str:
    c = rnd.choice
    return (f"CVSS:3.1/AV:{c('NALP')}/AC:{c('LH')}/PR:{c('NLH')}/UI:{c('NR')}/S:{c('UC')}"
            f"/C:{c('NLH')}/I:{c('NLH')}/A:{c('NLH')}")


def _v4(rnd: random.Random) -> str:
    c = rnd.choice
    return (f"CVSS:4.0/AV:{c('NALP')}/AC:{c('LH')}/AT:{c('NP')}/PR:{c('NLH')}/UI:{c('NPA')}"
            f"/VC:{c('HLN')}/VI:{c('HLN')}/VA:{c('HLN')}/SC:{c('HLN')}/SI:{c('HLN')}/SA:{c('HLN')}")


# --- bulletins ----------------------------------------------------------------------

def _plan(n: int) -> list[tuple[str, dt.datetime, bool]]:
    """(ID, released, out_of_band) for bulletin 0 (newest) .. n-1 (oldest), oldest numbered first."""
    slots: list[tuple[int, dt.datetime, bool]] = []  # (index, released, oob)
    for i in range(n):
        year, month = _month_back(*LAST_MONTH, i // PER_MONTH)
        released = patch_day(year, month)
        rnd = random.Random(f"plan:{i}")
        oob = rnd.random() < 0.02
        if oob:
            released = (released + dt.timedelta(days=rnd.randint(3, 12))).replace(hour=rnd.randint(8, 17), minute=rnd.choice([0, 30]))
        slots.append((i, released, oob))
    by_year: dict[int, list[tuple[int, dt.datetime, bool]]] = {}
    for s in slots:
        by_year.setdefault(s[1].year, []).append(s)
    out: list[tuple[str, dt.datetime, bool]] = [("", dt.datetime.min, False)] * n
    for year, group in by_year.items():
        group.sort(key=lambda s: (s[1], -s[0]))
        for k, (i, released, oob) in enumerate(group, 1):
            out[i] = (f"CX{year % 100:02d}-{k:03d}", released, oob)
    return out


def bulletin(i: int, ident: str, released: dt.datetime, oob: bool, cat: dict, earlier: list[str]) -> dict:
    rnd = random.Random(f"bulletin:{i}")
    day = released.date()
    year = released.year
    products = [p for p in cat["products"] if _supported(p, day)]
    chosen = rnd.sample(products, rnd.choices([1, 2, 3, 4], [40, 30, 20, 10])[0])
    n_cves = rnd.randint(3, 15)
    impacts = [rnd.choice(IMPACTS) for _ in range(n_cves)]
    # severity of each CVE for each product it affects; every product is rated by at least one CVE
    ratings: list[dict[str, str]] = []
    for k in range(n_cves):
        subset = [p["id"] for p in chosen if rnd.random() < 0.7] or [chosen[k % len(chosen)]["id"]]
        ratings.append({pid: rnd.choices(SEVERITIES, [15, 50, 25, 10])[0] for pid in subset})
    for k, p in enumerate(chosen):
        if not any(p["id"] in r for r in ratings):
            ratings[k % n_cves][p["id"]] = rnd.choice(SEVERITIES[:3])
    worst = {p["id"]: min((r[p["id"]] for r in ratings if p["id"] in r), key=SEVERITIES.index) for p in chosen}
    worst_impact = {p["id"]: impacts[[k for k, r in enumerate(ratings) if p["id"] in r][0]] for p in chosen}

    affected, not_affected = [], []
    for p in chosen:
        supported = _supported(p, day)
        hit = [v for v in supported if rnd.random() < 0.75] or [supported[-1]]
        rest = [v for v in supported if v not in hit]
        groups = [hit] if len(hit) < 2 or rnd.random() < 0.7 else [hit[: len(hit) // 2], hit[len(hit) // 2:]]
        for g in groups:
            row: dict = {"product": p["id"], "versions": g, "severity": worst[p["id"]], "impact": worst_impact[p["id"]]}
            if rnd.random() < 0.03:
                row["no_fix"] = {"reason": _para(rnd, 1, 2), "planned": rnd.random() < 0.7}
            else:
                kb = f"KB{5000000 + (i * 7 + len(affected)) % 999999:07d}"
                update = {"id": kb, "url": f"https://catalog.contoso.example/update/{kb}",
                          "fixed": f"{rnd.randint(1, 20)}.{rnd.randint(0, 9)}.{rnd.randint(1000, 9999)}.{rnd.randint(1, 99)}",
                          "restart": rnd.choice(["required", "not-required", "may-be-required"])}
                if earlier and rnd.random() < 0.2:
                    update["supersedes"] = sorted(set(rnd.sample(earlier[-600:], min(len(earlier), rnd.randint(1, 2)))))
                elif rnd.random() < 0.03:
                    update["supersedes"] = [f"MS{rnd.randint(8, 17):02d}-{rnd.randint(1, 150):03d}"]
                row["update"] = update
            affected.append(row)
        if rest:
            not_affected.append({"product": p["id"], "versions": rest})
    for p in rnd.sample([p for p in products if p not in chosen], rnd.randint(0, 2)):
        not_affected.append({"product": p["id"], "versions": _supported(p, day)})

    vulns = []
    names = {p["id"]: p["name"] for p in chosen}
    for k in range(n_cves):
        first = next(iter(ratings[k]))
        v: dict = {
            "cve": f"CVE-{year}-{20000 + ((released.month - 1) * PER_MONTH + i % PER_MONTH) * 16 + k:05d}",
            "title": _title(rnd, names[first]),
            "impact": impacts[k],
            "cwe": [f"CWE-{c}" for c in sorted(rnd.sample(CWES, rnd.randint(1, 2)))],
            "severity": ratings[k],
            "cvss": {"v3": _v3(rnd)},
            "publicly_disclosed": rnd.random() < 0.05,
            "exploited": rnd.random() < 0.03,
            "description": _para(rnd, 1, 4),
        }
        if rnd.random() < 0.5:
            v["cvss"]["v4"] = _v4(rnd)
        if rnd.random() < 0.5:
            v["mitigating_factors"] = _para(rnd, 1, 2)
        if rnd.random() < 0.4:
            v["workarounds"] = [
                {"key": f"workaround-{w + 1}", "text": _para(rnd, 1, 3), "impact": _para(rnd, 1, 1), "undo": _para(rnd, 1, 1)}
                for w in range(rnd.randint(1, 2))
            ]
        if rnd.random() < 0.6:
            v["faq"] = [
                {"key": f"faq-{f + 1}", "question": _sentence(rnd, 6, 12)[:-1] + "?", "answer": _para(rnd, 1, 3)}
                for f in range(rnd.randint(1, 3))
            ]
        if rnd.random() < 0.7:
            ack: dict = {"name": f"{rnd.choice(['Alex', 'Sam', 'Kim', 'Ola', 'Yuki', 'Jana'])} {rnd.choice(['Meyer', 'Dubois', 'Tanaka', 'Smith', 'Novak'])}"}
            org = rnd.choice(ORGS)
            if org:
                ack["organization"] = org
                ack["url"] = f"https://{org.split()[0].lower()}.example/"
            v["acknowledgments"] = [ack]
        vulns.append(v)

    status = "withdrawn" if rnd.random() < 0.005 else "final"
    release_day = day
    revisions = [{"version": "1.0", "date": release_day.isoformat(), "summary": "Information published."}]
    when = release_day
    for r in range(rnd.choices([0, 1, 2], [60, 30, 10])[0]):
        when = when + dt.timedelta(days=rnd.randint(1, 40))
        revisions.append({"version": f"1.{r + 1}", "date": when.isoformat(), "summary": _sentence(rnd, 5, 10)})
    doc: dict = {
        "schema_version": 1,
        "id": ident,
        "title": f"Security update for {' and '.join(names[p['id']] for p in chosen[:2])}",
        "summary": _para(rnd, 1, 3),
        "status": status,
        "released": released.isoformat(),
    }
    if oob:
        doc["out_of_band"] = {"reason": _para(rnd, 1, 2)}
    if status == "withdrawn":
        doc["withdrawn"] = {"date": (when + dt.timedelta(days=30)).isoformat(), "reason": _para(rnd, 1, 2)}
    doc["affected"] = affected
    if not_affected:
        doc["not_affected"] = not_affected
    doc["vulnerabilities"] = vulns
    doc["references"] = [{"url": f"https://security.contoso.example/bulletins/{ident}", "title": "This bulletin", "category": "self"}] + [
        {"url": f"https://learn.contoso.example/kb/{rnd.randint(100000, 999999)}", "title": _sentence(rnd, 3, 6)[:-1]}
        for _ in range(rnd.randint(0, 2))
    ]
    doc["revisions"] = revisions
    if rnd.random() < 0.3:
        doc["internal"] = {"tracking": f"SEC-{rnd.randint(10000, 99999)}", "notes": _sentence(rnd)}
    return doc


def overlay(i: int, doc: dict, lang: str) -> dict:
    rnd = random.Random(f"overlay:{i}:{lang}")
    tr = lambda s: _translate(rnd, lang, s)  # noqa: E731
    hashes: dict[str, str] = {}

    def put(key: str, english: str) -> str:
        hashes[key] = text_hash(english)
        return tr(english)

    out: dict = {"schema_version": 1, "source_revision": doc["revisions"][-1]["version"]}
    out["title"] = put("title", doc["title"])
    out["summary"] = put("summary", doc["summary"])
    for block in ("out_of_band", "withdrawn"):
        if block in doc:
            out[block] = {"reason": put(f"{block}/reason", doc[block]["reason"])}
    vulns: dict = {}
    for v in doc["vulnerabilities"]:
        base = f"vulnerabilities/{v['cve']}"
        t: dict = {"title": put(f"{base}/title", v["title"]), "description": put(f"{base}/description", v["description"])}
        if "mitigating_factors" in v:
            t["mitigating_factors"] = put(f"{base}/mitigating_factors", v["mitigating_factors"])
        if v.get("workarounds"):
            t["workarounds"] = {
                w["key"]: {f: put(f"{base}/workarounds/{w['key']}/{f}", w[f]) for f in ("text", "impact", "undo")}
                for w in v["workarounds"]
            }
        if v.get("faq"):
            t["faq"] = {f["key"]: {x: put(f"{base}/faq/{f['key']}/{x}", f[x]) for x in ("question", "answer")} for f in v["faq"]}
        vulns[v["cve"]] = t
    out["vulnerabilities"] = vulns
    out["revisions"] = {r["version"]: put(f"revisions/{r['version']}", r["summary"]) for r in doc["revisions"]}
    out["source_hashes"] = dict(sorted(hashes.items()))
    return out


def _dump(data: dict, schema: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"# yaml-language-server: $schema=../../schema/{schema}.schema.json\n{body}"


def generate(out: Path, n: int, *, overlays: bool = True) -> dict:
    """Write the corpus to ``out`` (replaced); return a summary."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    cat = catalogue()
    (out / "products.yaml").write_text(
        "# yaml-language-server: $schema=../schema/products.schema.json\n"
        + yaml.dump(cat, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    plan = _plan(n)
    order = sorted(range(n), key=lambda i: (plan[i][1], plan[i][0]))  # oldest first, for `supersedes`
    earlier: list[str] = []
    counts = {"bulletins": 0, "overlays": 0, "cves": 0, "bytes": 0}
    for i in order:
        ident, released, oob = plan[i]
        doc = bulletin(i, ident, released, oob, cat, earlier)
        folder = out / str(released.year)
        folder.mkdir(exist_ok=True)
        text = _dump(doc, "bulletin")
        (folder / f"{ident}.yaml").write_text(text, encoding="utf-8")
        counts["bulletins"] += 1
        counts["cves"] += len(doc["vulnerabilities"])
        counts["bytes"] += len(text.encode())
        if overlays and random.Random(f"translated:{i}").random() < 0.95:
            for lang in LANGS:
                text = _dump(overlay(i, doc, lang), "overlay")
                (folder / f"{ident}.{lang}.yaml").write_text(text, encoding="utf-8")
                counts["overlays"] += 1
                counts["bytes"] += len(text.encode())
        earlier.append(ident)
    counts["files"] = 1 + counts["bulletins"] + counts["overlays"]
    counts["years"] = f"{plan[order[0]][1].year}-{plan[order[-1]][1].year}" if n else ""
    return counts


def ensure(cache: Path, n: int, *, overlays: bool = True) -> tuple[Path, dict]:
    """A corpus of ``n`` bulletins under ``cache``, generated once and reused while the generator is unchanged."""
    key = f"n{n}-{'ov' if overlays else 'en'}-v{VERSION}-{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]}"
    root = cache / key
    stamp = root / ".summary.json"  # a dot file: patchday ignores it
    if stamp.exists():
        return root, json.loads(stamp.read_text())
    summary = generate(root, n, overlays=overlays)
    stamp.write_text(json.dumps(summary))
    return root, summary


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write a synthetic, valid patchday corpus.")
    p.add_argument("out", type=Path, help="folder to (re)create")
    p.add_argument("-n", type=int, default=1000, help="number of bulletins (default 1000)")
    p.add_argument("--no-overlays", action="store_true", help="English bulletins only")
    args = p.parse_args(argv)
    print(json.dumps(generate(args.out, args.n, overlays=not args.no_overlays)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
