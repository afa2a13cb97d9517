"""Assemble language-independent bulletin specs: CVEs, affected rows, updates.

A spec names templates by key (see pools.py) instead of holding text, so that
render.py can write the English record and each translation from one source.
"""

from __future__ import annotations

import datetime as dt
import random

from catalogue import BY_ID, port, supported, tags, version_info
from pools import (ACKNOWLEDGMENTS, DESC_TAGS, DESCRIPTIONS, EXPLOIT_FAQ, IMPACT_RANK, MITIGATIONS,
                   SEVERITY_RANK, WORKAROUNDS)

IMPACT_WEIGHT = {"rce": 3.0, "eop": 3.0, "info": 2.0, "dos": 1.6, "spoofing": 1.4, "sfb": 1.0, "tampering": 0.7}
RESTART = {"nimbus-os": "required", "office": "may-be-required", "remote-desktop": "not-required",
           "mail-server": "may-be-required", "identity-server": "required", "datastore": "may-be-required",
           "edge-gateway": "required"}
BUILD_STEP = {"nimbus-os": (5800, 60, 220), "office": (20012, 100, 400)}  # start, min step, max step
NOTES = [
    "Coordinated disclosure date agreed with the reporter.",
    "Reporter asked to be credited with their organization.",
    "Fix back-ported to all supported branches; test results are in the engineering ticket.",
    "Customer notification list reviewed by the account teams before release.",
]


class State:
    """Counters that run across the whole corpus (CVE numbers, KBs, builds, supersedence)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cve = {2025: 21040, 2026: 21010}
        self.kb = 5030950
        self.builds: dict[tuple[str, str], int] = {}
        self.last_update: dict[tuple[str, str], str] = {}
        self.psirt = 1180
        self.eos_nofix_done = False
        self.testing_nofix_done = False

    def next_cve(self, year: int) -> str:
        self.cve[year] += self.rng.randint(3, 37)
        return f"CVE-{year}-{self.cve[year]}"

    def next_kb(self) -> int:
        self.kb += self.rng.randint(1, 60)
        return self.kb

    def next_build(self, pid: str, vid: str) -> str:
        start, lo, hi = BUILD_STEP.get(pid, (10, 1, 5))
        n = self.builds.get((pid, vid))
        n = start + self.rng.randint(0, hi) if n is None else n + self.rng.randint(lo, hi)
        self.builds[(pid, vid)] = n
        return f"{version_info(pid, vid)['build']}.{n}"


def fits(pid: str, component: str, desc: str) -> bool:
    need = DESC_TAGS[desc]
    return need is None or bool(need & tags(pid, component))


def pick_desc(rng: random.Random, home: str, used: set[str]) -> tuple[str, str]:
    """A flaw type that fits the product, and a component it fits (unused ones first)."""
    kind, comps = BY_ID[home]["kind"], list(BY_ID[home]["components"])
    cands = [k for k, (_, kinds, _, _) in DESCRIPTIONS.items() if kind in kinds and any(fits(home, c, k) for c in comps)]
    per_impact: dict[str, int] = {}
    for k in cands:
        per_impact[DESCRIPTIONS[k][0]] = per_impact.get(DESCRIPTIONS[k][0], 0) + 1
    weights = [IMPACT_WEIGHT[DESCRIPTIONS[k][0]] / per_impact[DESCRIPTIONS[k][0]] for k in cands]
    desc = rng.choices(cands, weights)[0]
    ok = [c for c in comps if fits(home, c, desc)]
    fresh = [c for c in ok if c not in used]
    return desc, rng.choice(fresh or ok)


def mitigations_for(pid: str, component: str, desc: str) -> list[str]:
    return [k for k, descs in MITIGATIONS.items()
            if desc in descs and (k != "mf-default-off" or "opt" in tags(pid, component))]


def workarounds_for(pid: str, component: str, desc: str) -> list[str]:
    out = []
    for k, (kinds, descs, need) in WORKAROUNDS.items():
        have = port(pid, component) is not None if need == "port" else need in tags(pid, component)
        if BY_ID[pid]["kind"] in kinds and desc in descs and have:
            out.append(k)
    return out


def faq_for(rng: random.Random, home: str, desc: str, p: float = 0.88) -> list[tuple[str, str]]:
    impact, kind = DESCRIPTIONS[desc][0], BY_ID[home]["kind"]
    out = []
    if rng.random() < p:
        out.append(("exploit", EXPLOIT_FAQ[desc]))
    if impact == "eop" and rng.random() < 0.7:
        out.append(("privileges", "gain-client" if kind == "client" else "gain-server"))
    if impact == "info" and rng.random() < 0.7:
        out.append(("information", "disclose-config" if desc == "info-exposure" else "disclose-memory"))
    if home == "office" and desc == "rce-file":
        out.append(("preview-pane", "preview-no"))
    if rng.random() < 0.2:
        out.append(("action", "action-client" if kind == "client" else "action-server"))
    if kind == "server" and rng.random() < 0.1:
        out.append(("hosted-services", "hosted"))
    return out


def make_vuln(st: State, cve: str, home: str, used: set[str], desc: str | None = None,
              option: int | None = None, component: str | None = None) -> dict:
    rng = st.rng
    if desc is None:
        desc, picked = pick_desc(rng, home, used)
    else:
        picked = rng.choice([c for c in BY_ID[home]["components"] if fits(home, c, desc)])
    component = component or picked
    used.add(component)
    impact, _, cwe, options = DESCRIPTIONS[desc]
    sev, v3 = options[option] if option is not None else rng.choice(options)
    v = {"cve": cve, "home": home, "component": component, "impact": impact, "desc": desc, "desc_extra": [],
         "with_component": rng.random() < (0.8 if home == "nimbus-os" else 0.4), "cwe": list(cwe),
         "severity": {home: sev}, "v3": v3, "pd": rng.random() < 0.05, "exploited": False,
         "mitigation": None, "workarounds": [], "faq": faq_for(rng, home, desc), "acks": []}
    if rng.random() < 0.34:
        found = mitigations_for(home, component, desc)
        v["mitigation"] = rng.choice(found) if found else None
    if rng.random() < 0.8:
        found = workarounds_for(home, component, desc)
        rng.shuffle(found)
        v["workarounds"] = found[: rng.choice([1, 1, 2])]
    if rng.random() < 0.78:
        v["acks"] = rng.sample(ACKNOWLEDGMENTS, rng.choice([1, 1, 1, 2]))
    return v


def worst_of(vulns: list[dict], pid: str) -> dict:
    rated = [v for v in vulns if pid in v["severity"]]
    return min(rated, key=lambda v: (SEVERITY_RANK[v["severity"][pid]], IMPACT_RANK[v["impact"]]))


def _row_fix(st: State, pid: str, vid: str, day: dt.date, allow_nofix: bool, first: bool) -> dict:
    rng, info = st.rng, version_info(pid, vid)
    until, server = info["supported_until"], BY_ID[pid]["kind"] == "server"
    if allow_nofix and not st.eos_nofix_done and server and until and 0 <= (until - day).days <= 35:
        st.eos_nofix_done = True
        when = f"{until:%B} {until.day}, {until.year}"
        return {"no_fix": {"reason": f"{info['name']} reaches the end of support on {when}. No update is planned "
                           "for this version; upgrade to a supported version to receive the fix.", "planned": False}}
    testing = server and not first and day >= dt.date(2026, 3, 1) and not st.testing_nofix_done
    if allow_nofix and (testing or (not first and rng.random() < 0.02)):
        st.testing_nofix_done = True
        return {"no_fix": {"reason": f"An update for {info['name']} is still being tested and will be released as "
                           "soon as it is ready. Until then, apply the workarounds in this bulletin or restrict "
                           "network access to affected systems.", "planned": True}}
    kb = st.next_kb()
    restart = RESTART[pid] if not (pid == "office" and rng.random() < 0.4) else "not-required"
    update = {"id": f"KB{kb}", "url": f"https://support.contoso.example/kb/{kb}",
              "fixed": st.next_build(pid, vid), "restart": restart, "supersedes": []}
    prev = st.last_update.get((pid, vid))
    if prev and rng.random() < 0.5:
        update["supersedes"] = [prev]
    return {"update": update}


def make_bulletin(st: State, released: dt.datetime, products: list[str], n_cves: int,
                  forced: list[dict] | None = None, allow_nofix: bool = True) -> dict:
    """One bulletin spec; ``forced`` gives (desc, option, component, exploited, pd) for leading CVEs."""
    rng, day, year = st.rng, released.date(), released.year
    used: dict[str, set[str]] = {p: set() for p in products}
    vulns = []
    for i in range(n_cves):
        if i == 0 or len(products) == 1:
            home = products[0]
        else:
            home = products[1] if i == 1 or rng.random() < 0.35 else products[0]
        f = forced[i] if forced and i < len(forced) else {}
        v = make_vuln(st, st.next_cve(year), home, used[home], f.get("desc"), f.get("option"), f.get("component"))
        v["exploited"] = f.get("exploited", False)
        v["pd"] = f.get("pd", v["pd"])
        for key in ("workarounds", "faq", "mitigation"):
            if key in f:
                v[key] = f[key]
        other = [p for p in products if p != home]
        if other and BY_ID[other[0]]["kind"] == BY_ID[home]["kind"] and rng.random() < 0.2:
            rank = SEVERITY_RANK[v["severity"][home]] + rng.choice([0, 1])
            v["severity"][other[0]] = [s for s, r in SEVERITY_RANK.items() if r == min(rank, 3)][0]
        vulns.append(v)
    affected, not_affected = [], []
    for pid in products:
        vers = supported(pid, day)
        worst = worst_of(vulns, pid)
        na = []
        if len(vers) > 2 and rng.random() < 0.2:
            na = [vers[-1]] if rng.random() < 0.5 else [vers[0]]
        for i, vid in enumerate(v for v in vers if v not in na):
            row = {"product": pid, "versions": [vid], "severity": worst["severity"][pid], "impact": worst["impact"]}
            row.update(_row_fix(st, pid, vid, day, allow_nofix, i == 0))
            affected.append(row)
        if na:
            not_affected.append({"product": pid, "versions": na})
    spec = {"id": None, "released": released, "status": "final", "products": products, "oob": None,
            "withdrawn": None, "summary_extra": [], "vulns": vulns, "affected": affected,
            "not_affected": not_affected, "references": [], "internal": None,
            "revisions": [("1.0", day, "initial", {})]}
    updates = [r for r in affected if "update" in r]
    if updates and rng.random() < 0.5:
        for r in updates[: rng.choice([1, 2])]:
            u, name = r["update"], version_info(r["product"], r["versions"][0])["name"]
            spec["references"].append({"url": u["url"], "title": f"{u['id']}: Security update for {name}"})
        if rng.random() < 0.4:
            spec["references"].append({"url": "https://www.contoso.example/security/update-guide",
                                        "title": "Contoso Security Update Guide"})
    if rng.random() < 0.4:
        st.psirt += rng.randint(3, 40)
        acks = [a for v in vulns for a in v["acks"] if a.get("organization") != "Contoso"]
        internal = {"tracking": f"PSIRT-{st.psirt}"}
        if acks:
            first = acks[0]["name"].split()[0].lower().replace("é", "e")
            domain = (acks[0].get("organization") or "researcher").split()[0].lower()
            internal["reporter_contact"] = f"{first}@{domain}.example"
        internal["notes"] = rng.choice(NOTES)
        spec["internal"] = internal
    return spec


def register(st: State, spec: dict) -> None:
    """Remember the updates of a published bulletin so later ones can supersede them."""
    if spec["status"] == "withdrawn":
        return
    for row in spec["affected"]:
        if "update" in row:
            st.last_update[(row["product"], row["versions"][0])] = spec["id"]
