"""Live counters of consultations: responses as they arrive, and background export progress."""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.utils import timezone

from home.live import LiveConsumer, group_name

COUNTS_GROUP = "consultations.counts"


def export_group(job_id: int) -> str:
    return group_name("consultations", "export", job_id)


def response_counts() -> list[dict]:
    """`count` events of the open consultations: what a (re)connecting dashboard or listing missed."""
    from .models import ConsultationPage, ResponseCount

    now = timezone.now()
    keys = set(
        ConsultationPage.objects.filter(opens_at__lte=now, closes_at__gt=now).values_list("translation_key", flat=True)
    )
    return [counter.event() for counter in ResponseCount.of(keys).values()]


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
