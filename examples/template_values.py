#!/usr/bin/env python3
"""Writes a year of demo values (up to 2026-11) into the shipped templates, EN and NL alike.

Run from the repository root: `python3 examples/template_values.py`. Each KPI gets a "quality"
per month, Dec 2025 .. Nov 2026: >= 0 on target, -1..0 at risk, < -1 off target; the value is
target + q * (target - red) in the KPI's own direction, rounded, so EN and NL get the same
numbers. Weekly KPIs follow the month of each ISO week's Thursday (with a small fixed wobble,
the as-of week exactly on its month); quarterly KPIs have four qualities, 2025-Q4 .. 2026-Q3.
"""
import datetime as dt
import json
import math
import re

MONTHS = 12  # 2025-12 .. 2026-11
BASE = [0.5, 0.6, 0.4, 0.7, 0.5, 0.8, 0.6, 0.5, 0.7, 0.6, 0.8, 0.6]  # on target, wobbling

# Per template: KPI id -> 12 monthly qualities (or 4 quarterly), and comments
# KPI id -> {period: (en, nl)}. KPIs not listed follow BASE, shifted per KPI.
STORIES = {
    "coffee-machines": {
        "q": {
            # Summer holidays: fitters and planners off in Jul-Aug, recovering in Sep-Oct.
            "k13": [0.5, 0.5, 0.6, 0.4, 0.6, 0.5, 0.4, -1.1, -1.6, -0.4, 0.3, 0.6],
            "k4": [0.6, 0.6, 0.5, 0.6, 0.4, 0.5, 0.3, -1.2, -1.7, -0.5, 0.2, 0.5],
            "k5": [0.4, 0.4, 0.5, 0.6, 0.5, 0.4, 0.5, -0.3, -0.7, 0.1, 0.4, 0.5],
            # Quarterly: satisfaction and renewals follow in Q3.
            "k1": [0.6, 0.8, 0.6, -0.6],
            "k2": [0.5, 0.6, 0.5, 0.2],
            # November: a new van stock system leaves parts behind; first visits suffer a bit.
            "k18": [0.6, 0.5, 0.7, 0.6, 0.5, 0.6, 0.4, 0.5, 0.6, 0.3, -0.8, -1.8],
            "k10": [0.5, 0.6, 0.5, 0.7, 0.6, 0.5, 0.4, 0.3, 0.5, 0.6, 0.2, 0.1],
        },
        "c": {
            "k4": {"2026-07": ("Summer holidays: two fitters off", "Zomervakantie: twee monteurs vrij"),
                   "2026-08": ("Holidays and a backlog of planned installations", "Vakanties en een achterstand in geplande installaties"),
                   "2026-09": ("Backlog cleared with a temporary fitter", "Achterstand weggewerkt met een tijdelijke monteur")},
            "k1": {"2026-Q3": ("Late installations in the summer cost us points", "Late installaties in de zomer kostten punten")},
            "k18": {"2026-11": ("New van stock system: parts not replenished", "Nieuw voorraadsysteem bussen: onderdelen niet aangevuld")},
        },
    },
    "order-to-cash": {
        "q": {
            # ERP go-live in March: order entry errors, then complaints and returns, then satisfaction.
            "k9": [0.6, 0.5, 0.6, -1.5, -0.8, 0.1, 0.5, 0.6, 0.5, 0.6, 0.7, 0.6],
            "k5": [0.5, 0.6, 0.5, -0.4, -1.4, -0.5, 0.3, 0.5, 0.6, 0.5, 0.6, 0.5],
            "k6": [0.4, 0.6, 0.5, -0.2, -0.8, -0.2, 0.4, 0.5, 0.6, 0.4, 0.5, 0.6],
            "k1": [0.6, 0.4, -0.7, 0.3],
            # November: Black Friday returns pile up; DSO creeps towards the year end.
            "k12": [0.5, 0.4, 0.6, 0.5, 0.6, 0.5, 0.4, 0.6, 0.5, 0.4, -0.5, -1.6],
            "k3": [0.5, 0.4, 0.6, 0.3, 0.1, 0.4, 0.5, 0.6, 0.4, 0.3, 0.1, -0.5],
        },
        "c": {
            "k9": {"2026-03": ("ERP go-live: new order screens", "Livegang ERP: nieuwe orderschermen")},
            "k5": {"2026-04": ("Wrong deliveries after the ERP go-live", "Verkeerde leveringen na de livegang van het ERP")},
            "k12": {"2026-11": ("Black Friday: three times the usual returns", "Black Friday: drie keer zoveel retouren als normaal")},
        },
    },
    "source-to-pay": {
        "q": {
            # Spring: the main supplier runs short of capacity; lead times and OTIF follow.
            "k10": [0.6, 0.5, 0.6, 0.4, -0.7, -1.6, -0.6, 0.3, 0.5, 0.6, 0.5, 0.6],
            "k4": [0.5, 0.6, 0.5, 0.4, -0.3, -1.3, -1.1, 0.1, 0.5, 0.6, 0.5, 0.5],
            "k1": [0.6, 0.5, 0.6, 0.5, 0.2, -0.6, -0.8, -0.2, 0.4, 0.5, 0.6, 0.5],
            # A second supplier is qualified in Q3.
            "k7": [0.5, 0.4, -0.6, 0.6],
            "k8": [0.6, 0.5, 0.3, 0.7],
            # November: the holiday season changes the forecast; cash cycle at risk.
            "k9": [0.5, 0.6, 0.4, 0.5, 0.3, 0.2, 0.5, 0.6, 0.5, 0.3, -0.6, -1.5],
            "k3": [0.5, 0.4, 0.5, 0.6, 0.3, 0.1, -0.2, 0.2, 0.4, 0.3, 0.1, -0.4],
        },
        "c": {
            "k10": {"2026-05": ("Main supplier short of capacity after a fire", "Hoofdleverancier te weinig capaciteit na een brand"),
                    "2026-08": ("Second supplier delivers", "Tweede leverancier levert")},
            "k7": {"2026-Q2": ("Urgent search for a second supplier", "Met spoed een tweede leverancier gezocht")},
            "k9": {"2026-11": ("Holiday season: customers change their orders", "Feestdagen: klanten wijzigen hun bestellingen")},
        },
    },
    "issue-to-resolution": {
        "q": {
            # September: a release causes a major outage; monitoring is added in October.
            "k7": [0.5, 0.5, 0.6, 0.4, 0.6, 0.5, 0.6, 0.4, 0.5, -1.8, -0.2, 0.5],
            "k8": [0.6, 0.6, 0.5, 0.6, 0.5, 0.6, 0.4, 0.5, 0.6, -0.9, 0.2, 0.5],
            "k13": [-0.3, -0.3, -0.2, 0.1, 0.2, 0.1, 0.3, 0.2, 0.1, -1.3, 0.5, 0.7],
            "k1": [0.5, 0.5, 0.6, 0.5, 0.4, 0.6, 0.5, 0.4, 0.5, -0.7, -0.3, 0.2],
            "k2": [0.5, 0.6, 0.4, 0.1],
            # November: IT staff on the migration project; escalations wait, resolving slows.
            "k10": [0.5, 0.6, 0.5, 0.4, 0.6, 0.5, 0.4, 0.5, 0.3, 0.2, -1.2, -1.6],
            "k4": [0.5, 0.4, 0.6, 0.5, 0.4, 0.6, 0.5, 0.4, 0.1, 0.3, 0.1, -0.5],
        },
        "c": {
            "k7": {"2026-09": ("Release 4.2 took the portal down for 11 hours", "Release 4.2 legde het portaal 11 uur plat")},
            "k13": {"2026-10": ("New monitoring on the portal", "Nieuwe monitoring op het portaal")},
            "k10": {"2026-11": ("Two IT staff on the migration project", "Twee IT-medewerkers op het migratieproject")},
        },
    },
}

MONTH_KEYS = [f"{2025 + (11 + i) // 12}-{(11 + i) % 12 + 1:02d}" for i in range(MONTHS)]


def weeks():
    """ISO weeks up to the one of 2026-11's last Sunday, 52 of them: (text, month index)."""
    end = dt.date(2026, 11, 30)
    while end.weekday() != 6:
        end -= dt.timedelta(days=1)
    out = []
    for i in range(52):
        sunday = end - dt.timedelta(weeks=51 - i)
        thursday = sunday - dt.timedelta(days=3)
        y, w, _ = thursday.isocalendar()
        mi = (thursday.year - 2025) * 12 + thursday.month - 12
        out.append((f"{y}-W{w:02d}", max(0, min(MONTHS - 1, mi))))
    return out


def decimals(unit):
    """Whole numbers for counts (the English unit decides, so NL gets the same numbers)."""
    return 0 if unit in ("reports", "causes") else 1


def value(k, q):
    t, r = k["target"], k["red"]
    v = t + q * (t - r)
    if "%" in k["unit"]:
        v = min(v, 100.0)
    v = max(v, 0.0)
    d = decimals(EN_UNITS[k["id"]])
    v = round(v, d)
    # Rounding must not move a value across a threshold the quality put it on.
    return int(v) if v == int(v) else v


def series(k, qs, n):
    freq = k["frequency"]
    if freq == "quarterly":
        q4 = qs if len(qs) == 4 else [sum(qs[i:i + 3]) / 3 for i in (0, 3, 6)] + [sum(qs[9:12]) / 3]
        # Quarters 2025-Q4 .. 2026-Q3: the month qualities of Oct-Dec 2025 are BASE-like.
        return {"2025-Q4": [value(k, q) for q in q4]}
    if freq == "weekly":
        ws = weeks()
        vals = []
        for i, (_, mi) in enumerate(ws):
            wobble = 0 if i == len(ws) - 1 else 0.25 * math.sin(1.7 * i + n)
            vals.append(value(k, qs[mi] + wobble))
        return {ws[0][0]: vals}
    return {MONTH_KEYS[0]: [value(k, q) for q in qs]}


EN_UNITS = {}


def fill(template):
    story = STORIES[template]
    with open(f"public/templates/{template}.en.kpi.json", encoding="utf-8") as f:
        EN_UNITS.clear()
        EN_UNITS.update({k["id"]: k["unit"] for k in json.load(f)["model"]["kpis"]})
    for lang in ("en", "nl"):
        path = f"public/templates/{template}.{lang}.kpi.json"
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for n, k in enumerate(doc["model"]["kpis"]):
            qs = story["q"].get(k["id"]) or BASE[n % 12:] + BASE[:n % 12]
            if k["frequency"] == "quarterly" and len(qs) == 12 and k["id"] not in story["q"]:
                qs = [qs[0], qs[3], qs[6], qs[9]]
            k.pop("values", None)
            k.pop("comments", None)
            k["values"] = series(k, qs, n)
            comments = story["c"].get(k["id"])
            if comments:
                k["comments"] = {p: t[0 if lang == "en" else 1] for p, t in comments.items()}
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        # Runs of numbers on one line.
        text = re.sub(r"\[\n\s+([-0-9.,\s]+?)\n\s+\]",
                      lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


for t in STORIES:
    fill(t)
