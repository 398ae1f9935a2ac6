"""`python manage.py export_responses <consultation> -o FILE.xlsx [--format csv]`.

Writes a consultation's responses to a file, with the same workbook as the admin's export.
"""

import uuid

from django.core.management.base import BaseCommand, CommandError

from consultations.exports import COLUMNS, JOINED, ConsultationExport, ExportOptions
from consultations.models import ConsultationPage, Response


def find_consultation(reference: str) -> ConsultationPage:
    """A consultation by page id, slug or translation key."""
    pages = ConsultationPage.objects.order_by("pk")
    if reference.isdigit():
        page = pages.filter(pk=int(reference)).first()
    else:
        try:
            page = pages.filter(translation_key=uuid.UUID(reference)).first()
        except ValueError:
            page = pages.filter(slug=reference).first()
    if page is None:
        raise CommandError(f"No consultation matches {reference!r} (give its id, slug or translation key).")
    return page


class Command(BaseCommand):
    help = "Export a consultation's responses (spam left out) to XLSX or CSV."

    def add_arguments(self, parser):
        parser.add_argument("consultation", help="Page id, slug or translation key.")
        parser.add_argument("-o", "--output", required=True, help="File to write.")
        parser.add_argument("--format", choices=["xlsx", "csv"], default=None, help="Default: from the file name.")
        parser.add_argument("--language", choices=["ar", "fr", "en"], default="ar", help="Language of the headers.")
        parser.add_argument("--multiple-choice", choices=[COLUMNS, JOINED], default=COLUMNS)

    def handle(self, *args, consultation, output, format, language, multiple_choice, **options):
        export = ConsultationExport(
            find_consultation(consultation),
            Response.objects.all(),
            ExportOptions(language=language, multiple_choice=multiple_choice),
        )
        file_format = format or ("csv" if output.lower().endswith(".csv") else "xlsx")
        if file_format == "csv":
            with open(output, "w", encoding="utf-8", newline="") as target:
                for chunk in export.iter_csv():
                    target.write(chunk)
        else:
            export.write_xlsx(output)
        report = export.report
        self.stdout.write(
            f"{report.rows} rows written to {output}; {report.protected_cells} formula-like texts protected, "
            f"{report.cleaned_cells} cells cleaned, {report.truncated_cells} cut."
        )
