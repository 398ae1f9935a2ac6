"""Move answer files, attachments and exports saved before the private storage existed into it.

Until then they were saved in the default (public) storage, under `MEDIA_ROOT`. Each file found
there is copied to the private storage, under a new random name for exports (their old names
counted up with the job's id), and removed from the public one. Running it again moves nothing.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from consultations.models import ExportJob, Proposal, Response
from consultations.uploads import answer_files
from home.private_files import private_storage, unguessable_name


def move_to_private(name: str, new_name: str | None = None) -> str | None:
    """The file's private name once moved; None when the public storage does not hold it."""
    if not name or not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as content:
        stored = private_storage().save(new_name or name, content)
    default_storage.delete(name)
    return stored


class Command(BaseCommand):
    help = "Move personal-data files saved in the public media storage into the private storage."

    def handle(self, *args, **options):
        moved = 0
        for job in ExportJob.objects.exclude(file=""):
            stored = move_to_private(job.file.name, unguessable_name("exports", job.file.name.rsplit("/", 1)[-1]))
            if stored:
                ExportJob.objects.filter(pk=job.pk).update(file=stored)
                moved += 1
        for response in Response.objects.exclude(form_data={}).iterator():
            changed = False
            for answer in answer_files(response.form_data).values():
                stored = move_to_private(answer["file"])
                if stored:
                    answer["file"], changed = stored, True
                    moved += 1
            if changed:
                Response.objects.filter(pk=response.pk).update(form_data=response.form_data)
        for proposal in Proposal.objects.exclude(attachment=None):
            stored = move_to_private(proposal.attachment.get("file", ""))
            if stored:
                proposal.attachment["file"] = stored
                Proposal.objects.filter(pk=proposal.pk).update(attachment=proposal.attachment)
                moved += 1
        self.stdout.write(f"{moved} files moved to the private storage.")
