"""Live counters of consultations: responses as they arrive, and background export progress."""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.db.models import Count
from django.utils import timezone

from home.live import LiveConsumer, group_name

COUNTS_GROUP = "consultations.counts"


def export_group(job_id: int) -> str:
    return group_name("consultations", "export", job_id)


def response_counts(keys=None) -> list[dict]:
    """`count` events for open consultations (or the given keys), spam left out."""
    from .models import ConsultationPage, Response

    if keys is None:
        now = timezone.now()
        keys = set(
            ConsultationPage.objects.filter(opens_at__lte=now, closes_at__gt=now).values_list(
                "translation_key", flat=True
            )
        )
    counts = dict(
        Response.objects.filter(consultation_key__in=keys, is_spam=False)
        .values_list("consultation_key")
        .annotate(total=Count("pk"))
    )
    return [{"type": "count", "key": str(key), "count": counts.get(key, 0)} for key in keys]


class ResponseCountsConsumer(LiveConsumer):
    """Organisers' dashboards and listings: the number of responses per consultation, live."""

    async def authorise(self):
        allowed = await database_sync_to_async(self.user.has_perm)("consultations.view_response")
        return [COUNTS_GROUP] if allowed else None

    async def catch_up(self, since: int) -> list[dict]:
        return await database_sync_to_async(response_counts)()


class ExportProgressConsumer(LiveConsumer):
    """One background export's progress, for its requester and organisers."""

    async def authorise(self):
        job_id = self.scope["url_route"]["kwargs"]["pk"]
        allowed = await database_sync_to_async(self._can_follow)(job_id)
        return [export_group(job_id)] if allowed else None

    def _can_follow(self, job_id: int) -> bool:
        from .models import ExportJob

        job = ExportJob.objects.filter(pk=job_id).first()
        return bool(job and self.user.is_authenticated and job.can_download(self.user))

    async def catch_up(self, since: int) -> list[dict]:
        from .models import ExportJob

        job = await database_sync_to_async(ExportJob.objects.get)(pk=self.scope["url_route"]["kwargs"]["pk"])
        return [job.progress_event()]
