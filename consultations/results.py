"""The public results of a closed consultation: answers counted once, not on every page view.

Counting grows with the consultation (about a minute at a million responses), so a page view reads
the last compilation (`ResultsSummary`) instead. Its fingerprint is the consultation's response
counter version and the latest change of any of its responses: a new, erased, released, flagged or
edited answer changes it. When the fingerprint no longer matches, a small consultation is counted
again at once; a large one is counted by a background task (`tasks.compile_results`) while the page
shows the previous figures, dated, or says the results are being compiled.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from .exports import ConsultationExport, ExportOptions, Tallies
from .models import ConsultationPage, Response, ResponseCount, ResultsSummary


@dataclass
class PublishedResults:
    """What the results page shows: per-question lines (None while a first compilation runs)."""

    results: list[dict] | None
    total: int
    compiled_at: datetime.datetime | None
    up_to_date: bool


def fingerprint(key) -> str:
    """The state of a consultation's responses that its counted answers depend on (two indexed reads)."""
    key = uuid.UUID(str(key))
    version = ResponseCount.of([key])[key].version
    latest = Response.objects.filter(consultation_key=key).aggregate(latest=Max("updated_at"))["latest"]
    return f"{version}:{latest.isoformat() if latest else '-'}"


def compile_results(key) -> ResultsSummary:
    """Count a consultation's answers now and keep the tallies."""
    page = ConsultationPage.objects.filter(translation_key=key).order_by("pk").first()
    current = fingerprint(key)  # read first: a change made while counting leaves the result stale
    tallies = ConsultationExport(page, Response.objects.all()).tallies()
    summary, _created = ResultsSummary.objects.update_or_create(
        consultation_key=key,
        defaults={
            "fingerprint": current,
            "tallies": tallies.as_data(),
            "compiled_at": timezone.now(),
            "requested_at": None,
        },
    )
    return summary


def request_compilation(key) -> None:
    """Queue one background compilation; asked again only once a request is older than the stall cutoff."""
    from .tasks import compile_results as compile_task

    now = timezone.now()
    stalled = now - datetime.timedelta(seconds=settings.EXPORT_STALLED_AFTER_SECONDS)
    ResultsSummary.objects.bulk_create([ResultsSummary(consultation_key=key)], ignore_conflicts=True)
    claimed = (
        ResultsSummary.objects.filter(consultation_key=key)
        .filter(Q(requested_at__isnull=True) | Q(requested_at__lt=stalled))
        .update(requested_at=now)
    )
    if claimed:
        transaction.on_commit(lambda: compile_task.enqueue(str(key)))


def published_results(page: ConsultationPage) -> PublishedResults:
    """The results of `page`'s consultation in its language, from a compilation as current as can be had."""
    key = page.translation_key
    summary = ResultsSummary.objects.filter(consultation_key=key).first()
    current = fingerprint(key)
    up_to_date = summary is not None and summary.fingerprint == current
    if not up_to_date:
        if ResponseCount.of([key])[key].count <= settings.CONSULTATION_RESULTS_COUNTED_AT_ONCE:
            summary, up_to_date = compile_results(key), True
        else:
            request_compilation(key)
    if summary is None or summary.tallies is None:
        return PublishedResults(None, 0, None, False)
    export = ConsultationExport(page, Response.objects.all(), ExportOptions(language=page.locale.language_code))
    tallies = Tallies.from_data(export.questions, summary.tallies)
    return PublishedResults(export.results(tallies), tallies.responses, summary.compiled_at, up_to_date)
