"""Delete export files older than `EXPORT_FILES_KEPT_DAYS`: personal data is not kept longer than needed.

Run it daily (cron or a systemd timer, docs/operations.md). The export's record stays, without
its file, so that its page says it has expired; the download view already refuses it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.models import ExportJob


class Command(BaseCommand):
    help = "Delete export files kept longer than EXPORT_FILES_KEPT_DAYS days."

    def handle(self, *args, **options):
        deadline = timezone.now() - datetime.timedelta(days=settings.EXPORT_FILES_KEPT_DAYS)
        purged = 0
        for job in ExportJob.objects.filter(created_at__lte=deadline).exclude(file=""):
            job.file.delete(save=False)
            ExportJob.objects.filter(pk=job.pk).update(file="")
            purged += 1
        self.stdout.write(f"{purged} expired export files deleted.")
