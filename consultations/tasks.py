"""Background work of consultations: large exports, written to a private file with their progress."""

from __future__ import annotations

import tempfile

from django.core.files import File
from django_tasks import task

PROGRESS_EVERY = 1000


@task()
def run_export(job_id: int) -> None:
    """Write the export of `job_id`, saving its progress every thousand rows."""
    from .exports import ConsultationExport, ExportOptions
    from .models import ExportJob, ExportLost, Response
    from .wagtail_hooks import ResponseFilterSet

    job = ExportJob.objects.get(pk=job_id)
    if not job.claim():
        return  # another run has it, or it is finished
    try:
        consultation = job.consultation
        filters = ResponseFilterSet(job.filters, queryset=Response.objects.all())
        export = ConsultationExport(consultation, filters.qs, ExportOptions(**job.options))
        job.save_total(export.responses.count())
        export.on_row = lambda rows: job.save_progress(rows) if rows % PROGRESS_EVERY == 0 else None
        with tempfile.TemporaryFile() as target:
            export.write_xlsx(target)
            target.seek(0)
            job.file.save(f"{consultation.slug}-{job.created_at:%Y%m%d-%H%M}.xlsx", File(target), save=False)
        job.mark_done(job.total)
    except ExportLost:
        job.file.delete(save=False)  # a newer run of the job writes its own
    except Exception as error:
        job.mark_failed(error)
        raise


@task()
def compile_results(consultation_key: str) -> None:
    """Count a large consultation's answers for its public results page (`consultations.results`)."""
    from .results import compile_results as compile_now

    compile_now(consultation_key)
