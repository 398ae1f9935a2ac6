"""`python manage.py export_recommendations -o FILE.xlsx`: the compilation of recommendations as a spreadsheet.

The same filters as the public compilation page, as options; `.csv` gives CSV,
anything else XLSX. A filter value that names nothing gives an empty file.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from workshops.exports import recommendations_csv, recommendations_xlsx
from workshops.models import RecommendationFilters
from workshops.models.recommendations import FILTER_NAMES

HELP = {
    "axis": "axis code, e.g. transparency",
    "theme": "theme code",
    "year": "year of the workshop, e.g. 2022",
    "commune": "member commune slug, e.g. tetouan",
    "status": "proposed, adopted, in_progress, done or dropped",
    "workshop": "workshop slug",
    "q": "words to look for in the recommendations and workshop titles",
}


class Command(BaseCommand):
    help = "Export the compilation of recommendations (XLSX with one sheet per axis, or CSV)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="File to write: .xlsx or .csv")
        parser.add_argument("--language", default="", help="ar, fr or en (default: the site's default language)")
        for name in FILTER_NAMES:
            parser.add_argument(f"--{name}", default="", help=HELP[name])

    def handle(self, *args, **options):
        language = options["language"]
        try:
            locale = Locale.objects.get(language_code=language) if language else Locale.get_default()
        except Locale.DoesNotExist as error:
            raise CommandError(f"Unknown language: {language}") from error
        filters = RecommendationFilters.from_mapping(options)
        output = options["output"]
        if output.lower().endswith(".csv"):
            with open(output, "w", encoding="utf-8", newline="") as target:
                for chunk in recommendations_csv(filters, locale):
                    target.write(chunk)
        else:
            recommendations_xlsx(filters, locale, output)
        self.stdout.write(self.style.SUCCESS(f"Recommendations written to {output}."))
