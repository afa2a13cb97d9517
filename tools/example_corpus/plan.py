"""The corpus timeline: patch days, out-of-band events, IDs, revisions, stale and missing translations."""

from __future__ import annotations

import copy
import datetime as dt
from zoneinfo import ZoneInfo

from build import State, make_bulletin, mitigations_for, register
from catalogue import BY_ID, PAIRS, PRODUCTS, tags
from pools import ACKNOWLEDGMENTS, EXPLOIT_FAQ, SEVERITY_RANK

LA = ZoneInfo("America/Los_Angeles")
MONTHS = [(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 12)]
COUNTS = [3, 2, 3, 3, 4, 3, 3, 3, 2, 3, 4, 3, 3, 3, 3]
FORCED_PRODUCTS = {(2026, 1): ["mail-server"], (2026, 4): ["identity-server"], (2026, 5): ["datastore"],
                   (2026, 6): ["edge-gateway"], (2025, 12): ["office"]}
EXPLOITED_MONTHS = {(2025, 10), (2026, 1), (2026, 4), (2026, 8)}
STALE = {(2025, 12): ("fr", "desc"), (2026, 3): ("de", "summary-exploited"),
         (2026, 6): ("de", "desc"), (2026, 10): ("ja", "desc")}
WITHDRAWN = ((2026, 5), "datastore")
MISSING = {"de": 3, "fr": 4, "ja": 6}
FINAL_MONTH = (2026, 11)
REVISION_KINDS = (["build"] * 4 + ["ack"] * 4 + ["faq"] * 3 + ["mitigation"] * 2 + ["desc"] * 2 + ["cvss"] * 2)

OOB_EVENTS = [
    {"at": dt.datetime(2025, 11, 20, 14, 0, tzinfo=LA), "products": ["mail-server"], "reason": "mail", "forced": [
        {"desc": "rce-deser", "option": 1, "component": "Web Access", "exploited": True, "pd": True,
         "mitigation": "mf-auth", "faq": [("exploit", "exploit-rce-auth"), ("why-oob", "why-oob")]},
        {"desc": "sfb-auth", "option": 0, "component": "Web Access", "exploited": True, "pd": False}]},
    {"at": dt.datetime(2026, 2, 19, 17, 30, tzinfo=LA), "products": ["edge-gateway"], "reason": "gateway",
     "workarounds_first": True, "forced": [
        {"desc": "rce-heap", "option": 0, "component": "SSL VPN Portal", "exploited": True, "pd": True,
         "mitigation": "mf-perimeter", "workarounds": ["block-port", "disable-component"],
         "faq": [("exploit", "exploit-rce-server"), ("why-oob", "why-oob"), ("until-update", "until-update")]},
        {"desc": "info-exposure", "option": 0, "component": "SSL VPN Portal", "exploited": False, "pd": False}]},
]


def patch_datetime(year: int, month: int) -> dt.datetime:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=LA)


def month_groups(st: State, ym: tuple[int, int], count: int) -> list[list[str]]:
    rng = st.rng
    chosen = ["nimbus-os"] + FORCED_PRODUCTS.get(ym, [])
    pool = [p["id"] for p in PRODUCTS if p["id"] not in chosen]
    while len(chosen) < count:
        pick = rng.choices(pool, [BY_ID[p]["weight"] for p in pool])[0]
        pool.remove(pick)
        chosen.append(pick)
    groups, used = [], set(chosen)
    for p in chosen:
        partner = PAIRS.get(p)
        if partner and partner not in used and rng.random() < 0.3:
            groups.append([p, partner])
            used.add(partner)
        else:
            groups.append([p])
    return groups


def revise(st: State, spec: dict, kind: str, version: str, when: dt.date) -> None:
    """Apply one post-release change to a spec and record it as a revision."""
    rng, vulns, params = st.rng, spec["vulns"], {}
    if kind == "build":
        rows = [r for r in spec["affected"] if "update" in r]
        if rows:
            r = rng.choice(rows)
            head, n = r["update"]["fixed"].rsplit(".", 1)
            r["update"]["fixed"] = f"{head}.{int(n) + 1}"
            params = {"product": BY_ID[r["product"]]["name"], "version": r["versions"][0]}
        else:
            kind = "ack"
    if kind == "faq":
        cands = [(v, ("exploit", EXPLOIT_FAQ[v["desc"]])) for v in vulns if "exploit" not in dict(v["faq"])]
        cands += [(v, ("action", "action-client" if BY_ID[v["home"]]["kind"] == "client" else "action-server"))
                  for v in vulns if "action" not in dict(v["faq"])]
        if cands:
            v, entry = rng.choice(cands)
            v["faq"].append(entry)
        else:
            kind = "ack"
    if kind == "mitigation":
        cands = [v for v in vulns if v["mitigation"] is None and mitigations_for(v["home"], v["component"], v["desc"])]
        if cands:
            v = rng.choice(cands)
            v["mitigation"] = rng.choice(mitigations_for(v["home"], v["component"], v["desc"]))
        else:
            kind = "ack"
    if kind == "desc":
        cands = []
        for v in vulns:
            if v["desc_extra"]:
                continue
            if "PR:N" in v["v3"] and "UI:N" in v["v3"]:
                cands.append((v, "clarify-auth"))
            elif v["mitigation"] != "mf-default-off" and "opt" in tags(v["home"], v["component"]):
                cands.append((v, "clarify-config"))
        if cands:
            v, extra = rng.choice(cands)
            v["desc_extra"].append(extra)
        else:
            kind = "summary-exploited"
    if kind == "summary-exploited":
        v = next(v for v in vulns if not v["exploited"])
        v["exploited"] = True
        spec["summary_extra"].append(("exploited", {"cve": v["cve"]}))
    if kind == "cvss":
        v = rng.choice(vulns)
        v["v3"] = v["v3"].replace("AC:L", "AC:H") if "AC:L" in v["v3"] else v["v3"].replace("AC:H", "AC:L")
    if kind == "ack":
        v = rng.choice(vulns)
        v["acks"].append(rng.choice([a for a in ACKNOWLEDGMENTS if a not in v["acks"]]))
    if kind in ("faq", "mitigation", "desc", "summary-exploited", "cvss", "ack"):
        params = {"cve": v["cve"]}
    spec["revisions"].append((version, when, kind, params))


def _assign(st: State, seq: dict, spec: dict) -> None:
    year = spec["released"].year
    seq[year] = seq.get(year, 0) + 1
    spec["id"] = f"CX{year % 100:02d}-{seq[year]:03d}"


def _oob(st: State, ev: dict) -> dict:
    spec = make_bulletin(st, ev["at"], ev["products"], len(ev["forced"]), ev["forced"], allow_nofix=False)
    spec["month"] = (ev["at"].year, ev["at"].month)
    spec["oob"] = (ev["reason"], {"cve": spec["vulns"][0]["cve"], "product": BY_ID[ev["products"][0]]["name"]})
    spec["summary_extra"].append(("exploited", {"cve": spec["vulns"][0]["cve"]}))
    if ev.get("workarounds_first"):
        day = ev["at"].date()
        spec["revisions"] = [("1.0", day, "oob-initial", {}),
                             ("2.0", day + dt.timedelta(days=4), "oob-updates", {"product": BY_ID[ev["products"][0]]["name"]})]
    return spec


def _month(st: State, ym: tuple[int, int], count: int) -> list[dict]:
    rng, released = st.rng, patch_datetime(*ym)
    specs = []
    for i, group in enumerate(month_groups(st, ym, count)):
        n = rng.randint(*BY_ID[group[0]]["cves"]) + (rng.randint(1, 2) if len(group) > 1 else 0)
        forced = None
        if i == 0 and ym in EXPLOITED_MONTHS:
            forced = [{"desc": "eop-race", "exploited": True, "pd": ym == (2026, 4)}]
        spec = make_bulletin(st, released, group, min(n, 7), forced, allow_nofix=ym < (2026, 10))
        spec["month"] = ym
        specs.append(spec)
    specs.sort(key=lambda s: (min(SEVERITY_RANK[r["severity"]] for r in s["affected"]), -len(s["vulns"])))
    return specs


def build_corpus(seed: int = 20260113) -> dict:
    st, seq, out = State(seed), {}, []
    events = [(patch_datetime(*ym), "month", ym, count) for ym, count in zip(MONTHS, COUNTS)]
    events += [(ev["at"], "oob", ev, None) for ev in OOB_EVENTS]
    stale: list[tuple[str, str]] = []
    for _, kind, what, count in sorted(events, key=lambda e: e[0]):
        batch = _month(st, what, count) if kind == "month" else [_oob(st, what)]
        for spec in batch:
            _assign(st, seq, spec)
            day = spec["released"].date()
            ym = spec["month"]
            if kind == "month" and ym == WITHDRAWN[0] and spec["products"][0] == WITHDRAWN[1] and spec["status"] == "final":
                when = day + dt.timedelta(days=8)
                spec["status"] = "withdrawn"
                spec["withdrawn"] = {"date": when, "key": "quality", "params": {"component": spec["vulns"][0]["component"]}}
                spec["revisions"].append(("2.0", when, "withdrawn", {}))
            elif kind == "month" and ym in STALE and not any(s["month"] == ym and s.get("stale") for s in out):
                lang, change = STALE[ym]
                spec["stale"] = {lang: copy.deepcopy(spec)}
                revise(st, spec, change, "1.1", day + dt.timedelta(days=st.rng.randint(3, 12)))
                stale.append((spec["id"], lang))
            elif kind == "month" and ym != FINAL_MONTH and st.rng.random() < 0.24:
                when = day + dt.timedelta(days=st.rng.randint(1, 15))
                revise(st, spec, st.rng.choice(REVISION_KINDS), "1.1", when)
                if st.rng.random() < 0.25:
                    revise(st, spec, st.rng.choice(REVISION_KINDS), "1.2", when + dt.timedelta(days=st.rng.randint(3, 25)))
            register(st, spec)
            out.append(spec)
    missing: set[tuple[str, str]] = set()
    for lang, n in MISSING.items():
        eligible = [s["id"] for s in out if s["month"] != FINAL_MONTH and lang not in s.get("stale", {})
                    and not s["oob"] and s["status"] == "final"]
        missing.update((bid, lang) for bid in st.rng.sample(eligible, n))
    return {"specs": out, "missing": missing, "stale": stale}

