#!/usr/bin/env python
"""Benchmark of the compilation of workshop recommendations: its pages (time, SQL queries) and its XLSX export.

    .venv/bin/python bench/workshops.py [--workshops 500] [--per-workshop 20] [--requests 10]
                                        [--database-url URL] [--profile] [--json FILE]

On a database of its own (default sqlite:////tmp/shabaka-bench-workshops-<pid>.sqlite3, deleted at
the end; a PostgreSQL URL is created and dropped), migrated with the production settings:

1. build an Arabic site: six axes, five themes, fifteen member communes, a workshop index, its
   compilation page and --workshops workshop pages with --per-workshop recommendations each
   (`bulk_create`), most of them with follow-up notes, those addressed to communes often taken up;
2. request the compilation's pages through Django's test client (unfiltered, last page, filtered
   by axis and status, by words, by member commune, the XLSX route): SQL queries of a request and
   wall time of --requests requests, with the labels and filter choices cached (as between two
   publications) and with the cache emptied before each request (as right after a publication);
3. export every recommendation to XLSX, each way --repeat times (3; the median is kept), in a fresh
   Python process each time, whose wall time and peak memory growth are measured (peak RSS from
   `getrusage(RUSAGE_SELF).ru_maxrss`, minus the RSS just before the export):
   * floor — raw openpyxl `write_only` writing the same sheets and values, already in memory;
   * ours — `workshops.exports.recommendations_xlsx(RecommendationFilters(), locale, path)`, what the
     page's `export/xlsx/` route runs (an *All* sheet, then one sheet per axis), as the process's
     first export (cached labels and the database's pages still to read);
   * ours-again — the same, after one export in the process (as a server that has exported before).

Prints Markdown tables on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

import benchlib
from benchlib import HOST, log

SCRIPT = Path(__file__).resolve()
DEFAULT_DATABASE_URL, MEDIA_ROOT = benchlib.own_paths("workshops")
KINDS = ("floor", "ours", "ours-again")
KIND_TITLES = {
    "floor": benchlib.FLOOR_TITLE,
    "ours": "ours: `recommendations_xlsx`, the process's first export",
    "ours-again": "ours again: the process's second export",
}
LANGUAGE = "ar"

AXES = [
    ("transparency", "الشفافية"),
    ("competences", "الاختصاصات"),
    ("financial-resources", "الموارد المالية"),
    ("human-resources", "الموارد البشرية"),
    ("participation", "المشاركة المواطنة"),
    ("digital", "الرقمنة"),
]
THEMES = [
    ("youth", "الشباب"),
    ("women", "النساء"),
    ("budget", "الميزانية التشاركية"),
    ("planning", "التخطيط الترابي"),
    ("open-data", "البيانات المفتوحة"),
]
COMMUNES = [
    ("tetouan", "تطوان"),
    ("sefrou", "صفرو"),
    ("chefchaouen", "شفشاون"),
    ("larache", "العرائش"),
    ("ouezzane", "وزان"),
    ("fnideq", "الفنيدق"),
    ("martil", "مرتيل"),
    ("mdiq", "المضيق"),
    ("asilah", "أصيلة"),
    ("ksar-el-kebir", "القصر الكبير"),
    ("taza", "تازة"),
    ("guercif", "جرسيف"),
    ("berkane", "بركان"),
    ("nador", "الناظور"),
    ("driouch", "الدريوش"),
]
CITIES = ["الرباط", "تطوان", "صفرو", "فاس", "طنجة", "مراكش"]
# The word searched for in the "words" request ("budget"): it is in about a fifth of the texts.
SEARCHED_WORD = "الميزانية"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workshops", type=int, default=500, help="workshop pages (default 500)")
    parser.add_argument("--per-workshop", type=int, default=20, help="recommendations per workshop (default 20)")
    parser.add_argument("--requests", type=int, default=10, help="timed requests per page and cache state")
    benchlib.add_export_options(parser, KINDS, DEFAULT_DATABASE_URL, repeat=3)
    args = parser.parse_args()
    if args.task:
        return args
    benchlib.check_export_options(parser, args, KINDS)
    if not 1 <= args.workshops <= 5000 or not 1 <= args.per_workshop <= 200:
        parser.error("--workshops must be between 1 and 5,000, --per-workshop between 1 and 200")
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    return args


# --- Tasks run inside Django (fresh subprocesses) ---------------------------------------------


def task(arguments: list[str]) -> None:
    benchlib.setup_django()
    name, *rest = arguments
    if name == "prepare":
        benchlib.print_result(build_site(int(rest[0]), int(rest[1])))
    elif name == "pages":
        benchlib.print_result(measure_pages(int(rest[0])))
    elif name == "measure":
        benchlib.print_result(measure_export(rest[0], Path(rest[1])))
    elif name == "breakdown":
        benchlib.print_result(breakdown(Path(rest[0])))
    elif name == "profile":
        benchlib.print_result(profile(Path(rest[0])))
    else:
        raise SystemExit(f"unknown task {name}")


def build_site(workshops: int, per_workshop: int) -> dict:
    """The Arabic site the measurements read, built with the ORM (recommendations with `bulk_create`)."""
    from django.db import transaction
    from django.utils import timezone

    from home.models import CommuneIndexPage, CommunePage, Theme
    from workshops.models import (
        Axis,
        CommuneUptake,
        Recommendation,
        RecommendationsPage,
        RecommendationUpdate,
        Status,
        WorkshopIndexPage,
        WorkshopPage,
    )

    started = time.perf_counter()
    rng = random.Random(5)
    home = benchlib.build_home()
    locale = home.locale
    axes = [
        Axis.objects.create(code=code, name=name, sort_order=order, locale=locale)
        for order, (code, name) in enumerate(AXES)
    ]
    themes = [Theme.objects.create(code=code, name=name, locale=locale) for code, name in THEMES]
    members = home.add_child(instance=CommuneIndexPage(title="الأعضاء", slug="communes", locale=locale))
    communes = [
        members.add_child(instance=CommunePage(title=title, slug=slug, locale=locale)) for slug, title in COMMUNES
    ]
    index = home.add_child(instance=WorkshopIndexPage(title="الورشات واللقاءات", slug="workshops", locale=locale))
    compilation = index.add_child(instance=RecommendationsPage(title="التوصيات", slug="recommendations", locale=locale))
    pages = []
    for number in range(workshops):
        start = datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        pages.append(
            index.add_child(
                instance=WorkshopPage(
                    title=f"ورشة {number + 1}: {benchlib._text(rng, 5)}",
                    slug=f"workshop-{number + 1:04d}",
                    locale=locale,
                    kind=rng.choice(WorkshopPage.Kind.values),
                    start_date=start,
                    city=rng.choice(CITIES),
                )
            )
        )
    pages_seconds = time.perf_counter() - started

    statuses = [Status.ADOPTED, Status.IN_PROGRESS, Status.DONE, Status.DROPPED]
    today = timezone.localdate()
    with transaction.atomic():
        recommendations = Recommendation.objects.bulk_create(
            Recommendation(
                page=page,
                locale=locale,
                sort_order=position,
                text=f"{benchlib._text(rng, rng.randrange(12, 40))}"
                + (f" {SEARCHED_WORD}" if rng.random() < 0.2 else ""),
                axis=rng.choice(axes) if rng.random() < 0.95 else None,
                priority=rng.choice(Recommendation.Priority.values),
                addressee=rng.choice(Recommendation.Addressee.values),
            )
            for page in pages
            for position in range(per_workshop)
        )
        Recommendation.themes.through.objects.bulk_create(
            Recommendation.themes.through(recommendation=recommendation, theme=theme)
            for recommendation in recommendations
            for theme in rng.sample(themes, rng.randrange(0, 3))
        )
        updates = []
        for recommendation in recommendations:
            if rng.random() < 0.6:
                date = recommendation.page.start_date
                for _note in range(rng.randrange(1, 3)):
                    date = min(today, date + datetime.timedelta(days=rng.randrange(30, 400)))
                    updates.append(
                        RecommendationUpdate(
                            recommendation=recommendation, date=date, status=rng.choice(statuses), note="…"
                        )
                    )
        RecommendationUpdate.objects.bulk_create(updates)
        uptakes = CommuneUptake.objects.bulk_create(
            CommuneUptake(recommendation=recommendation, commune=commune, status=status)
            for recommendation in recommendations
            if recommendation.addressee == Recommendation.Addressee.COMMUNES and rng.random() < 0.4
            for commune in rng.sample(communes, rng.randrange(1, 4))
            for status in [rng.choice(CommuneUptake.UptakeStatus.values)]
        )
    return {
        "path": compilation.url,
        "workshops": len(pages),
        "recommendations": len(recommendations),
        "updates": len(updates),
        "uptakes": len(uptakes),
        "pages_seconds": pages_seconds,
        "seconds": time.perf_counter() - started,
    }


def measure_pages(count: int) -> dict:
    """Each request: its SQL queries and the wall time of `count` requests, cache warm, then cold."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from workshops.models import Axis, Recommendation, RecommendationsPage
    from workshops.models.recommendations import PER_PAGE

    client = Client(headers={"host": HOST})
    url = RecommendationsPage.objects.get().url
    last_page = -(-Recommendation.objects.count() // PER_PAGE)
    axis = Axis.objects.order_by("sort_order").first().code
    requests = [
        ("compilation, first page", url),
        ("compilation, last page", f"{url}?page={last_page}"),
        ("compilation, axis and status", f"{url}?axis={axis}&status=adopted"),
        ("compilation, words", f"{url}?q={urllib.parse.quote(SEARCHED_WORD)}"),
        ("compilation, member commune", f"{url}?commune={COMMUNES[0][0]}"),
        ("by member commune", f"{url}communes/"),
        ("XLSX export route (every recommendation)", f"{url}export/xlsx/"),
    ]
    results = []
    for name, path in requests:
        entry = {"name": name, "path": path}
        # The export is slow: fewer requests.
        repeat = 1 if "export" in path else count
        for state in ("warm", "cold"):
            client.get(path)  # warms Wagtail's per-process caches (site root paths, content types)
            times, queries, size = [], 0, 0
            for _request in range(repeat):
                if state == "cold":
                    cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    content = b"".join(response.streaming_content) if response.streaming else response.content
                    times.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
                queries, size = len(captured), len(content)
            entry[state] = {
                "queries": queries,
                "p50_ms": 1000 * statistics.median(times),
                "max_ms": 1000 * max(times),
                "requests": repeat,
            }
        entry["kb"] = size / 1024
        results.append(entry)
        log(f"  {name}: {entry['warm']['p50_ms']:.0f} ms, {entry['warm']['queries']} queries (warm)")
    return {"pages": results}


def _locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code=LANGUAGE)


def prepared_sheets() -> list[tuple[str, list, list]]:
    """The sheets our export writes, as (title, headers, rows of values), read and computed in memory."""
    from django.utils import translation

    from workshops.exports import recommendation_sheets
    from workshops.models import RecommendationFilters

    with translation.override(LANGUAGE):
        sheets, rows = recommendation_sheets(RecommendationFilters(), _locale())
        values = [[] for _sheet in sheets]
        for row, positions in rows:
            for position in positions:
                values[position].append(row)
        return [
            (str(sheet.title), [column.header for column in sheet.columns], rows)
            for sheet, rows in zip(sheets, values, strict=True)
        ]


def export_ours(path: Path) -> None:
    from workshops.exports import recommendations_xlsx
    from workshops.models import RecommendationFilters

    recommendations_xlsx(RecommendationFilters(), _locale(), path)


def measure_export(kind: str, path: Path) -> dict:
    """Export every recommendation one way; wall time and peak memory growth of the export alone."""
    from workshops.models import Recommendation

    total = Recommendation.objects.count()  # opens the database connection before the baseline
    _locale()  # and reads the locale
    # The floor is given the values our export writes, computed before its clock starts.
    prepared, prepare_seconds = benchlib.timed(prepared_sheets) if kind == "floor" else ([], None)
    if kind == "ours-again":  # a server that has exported before: labels cached, database pages read, code warm
        export_ours(path)
    with benchlib.export_figures(path) as figures:
        if kind == "floor":
            benchlib.raw_xlsx(path, prepared)
        else:
            export_ours(path)
    return {
        "kind": kind,
        "recommendations": total,
        "sheets": len(prepared),
        "rows_in_all_sheets": sum(len(rows) for _title, _headers, rows in prepared),
        "prepare_seconds": prepare_seconds,
        **figures,
    }


def breakdown(path: Path) -> dict:
    """Our export in parts, each timed on its own (same process, one after the other)."""
    from django.utils import translation

    from home.spreadsheets import Sheet, write_xlsx
    from workshops.models import Recommendation

    def site_writer():
        with translation.override(LANGUAGE):
            write_xlsx([Sheet(title, headers, rows, right_to_left=True) for title, headers, rows in sheets], path)

    Recommendation.objects.count()
    sheets, reading = benchlib.timed(prepared_sheets)
    timings = {
        "read_and_compute_values": reading,
        "site_writer_values_in_memory": benchlib.timed(site_writer)[1],
        "raw_openpyxl_values_in_memory": benchlib.timed(lambda: benchlib.raw_xlsx(path, sheets))[1],
        "whole_export": benchlib.timed(lambda: export_ours(path))[1],
    }
    path.unlink(missing_ok=True)
    return {"rows": sum(len(rows) for _title, _headers, rows in sheets), **timings}


def profile(path: Path) -> dict:
    """Where our export spends its time: cProfile's top functions (own time and cumulative)."""
    from workshops.models import Recommendation

    Recommendation.objects.count()
    _locale()
    texts = benchlib.profile_call(lambda: export_ours(path), lines=20)
    path.unlink(missing_ok=True)
    return texts


# --- Driver ----------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict:
    results = {"site": None, "pages": None, "exports": [], "breakdown": None, "profile": None}
    database = benchlib.migrated_database(args.database_url, MEDIA_ROOT, args.quiet_timeout, "shabaka-bench-workshops-")
    with database as (env, version, output):
        results["version"] = version
        benchlib.manage(env, "collectstatic", "--noinput", "-v0")  # the pages measured link the manifest's files
        site = benchlib.run_task(SCRIPT, env, "prepare", str(args.workshops), str(args.per_workshop))
        results["site"] = site
        log(
            f"{site['workshops']} workshops, {site['recommendations']} recommendations, {site['updates']} "
            f"follow-up notes, {site['uptakes']} uptakes in {site['seconds']:.0f} s; compilation at {site['path']}"
        )
        results["pages"] = benchlib.measured_task(SCRIPT, env, args, "pages", str(args.requests))["pages"]
        results["exports"] = benchlib.measure_exports(SCRIPT, env, args, output, "", repeat=args.repeat)
        if args.profile:
            results["breakdown"], results["profile"] = benchlib.breakdown_and_profile(SCRIPT, env, args, output)
    return results


# --- Report ----------------------------------------------------------------------------------


def report(info: dict, results: dict) -> str:
    site = results["site"]
    out = [benchlib.machine_line(info), ""]
    out += [
        f"Site: {site['workshops']:,} workshops, {site['recommendations']:,} recommendations, "
        f"{site['updates']:,} follow-up notes, {site['uptakes']:,} uptakes by member communes "
        f"(built in {site['seconds']:.0f} s, {site['pages_seconds']:.0f} s of it for the pages).",
        "",
    ]
    rows = []
    for entry in results["pages"]:
        warm, cold = entry["warm"], entry["cold"]
        rows.append(
            [
                entry["name"],
                f"`{urllib.parse.unquote(entry['path'])}`",
                str(warm["queries"]),
                f"{warm['p50_ms']:.0f}",
                f"{warm['max_ms']:.0f}",
                str(cold["queries"]),
                f"{cold['p50_ms']:.0f}",
                f"{entry['kb']:.0f}",
            ]
        )
    header = ["Request", "URL", "Queries", "p50 ms", "max ms", "Queries, cold", "p50 ms, cold", "KB"]
    out += [benchlib.table(header, rows), ""]
    out += [
        "Django's test client, in process (no server). Warm: the labels, filter choices and public workshops "
        "are cached, as between two publications; cold: the cache is emptied before each request, as right "
        "after a publication. p50 and max of the timed requests (one for the export route).",
        "",
    ]
    out += benchlib.export_report(results["exports"], KIND_TITLES)
    floor = next((entry for entry in results["exports"] if entry["kind"] == "floor"), None)
    if floor:
        out += [
            f"The workbook has {floor['sheets']} sheets ({floor['rows_in_all_sheets']:,} rows in all: *All*, then "
            "one sheet per axis; Rows counts *All*). Reading the recommendations and computing the same values "
            f"(the floor's preparation, outside its time) took {floor['prepare_seconds']:.2f} s.",
            "",
        ]
    out += benchlib.parts_and_profile(
        results,
        "Our export (`recommendations_xlsx`) in parts, one process, parts timed one after the other:",
        {"read_and_compute_values": "read the recommendations and compute every sheet's values (no writing)"},
        "Profile of our export (cProfile), by own time:",
    )
    return "\n".join(out)


def main() -> int:
    args = parse_args()
    options = {name: getattr(args, name) for name in ("workshops", "per_workshop", "requests", "repeat", "kinds")}
    return benchlib.run_script(args, task, run, report, options)


if __name__ == "__main__":
    sys.exit(main())
