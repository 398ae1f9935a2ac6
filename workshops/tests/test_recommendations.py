"""The compilation of recommendations: filters, search, status follow-up, comparison by commune, exports."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.models import Locale

from home.models import Theme
from home.tests.factories import CommunePageFactory
from workshops.exports import recommendations_csv, recommendations_xlsx
from workshops.models import Recommendation, RecommendationFilters

from .factories import CommuneUptakeFactory, RecommendationFactory, RecommendationUpdateFactory, WorkshopPageFactory


@pytest.fixture
def compilation(workshops_site):
    """Three workshops in Arabic: 2020 (two recommendations), 2022 (two more, one hostile to spreadsheets)."""
    site = workshops_site
    agadir = WorkshopPageFactory(
        parent=site.index, title="برنامج تحسين أداء الجماعات", slug="agadir-2022", start_date=datetime.date(2022, 3, 25)
    )
    first = RecommendationFactory(page=agadir, text="تقوية القدرات في تدبير المشاريع", axis=site.axes["transparency"])
    first.themes.set([site.theme])
    first.save()  # a parental many-to-many is kept in memory until saved
    RecommendationFactory(page=agadir, text='=HYPERLINK("http://evil")', axis=site.axes["transparency"])
    agadir.save_revision().publish()
    competences = Recommendation.objects.get(text="توضيح الاختصاصات", locale__language_code="ar")
    RecommendationUpdateFactory(recommendation=competences, status="adopted", date=datetime.date(2021, 1, 1))
    RecommendationUpdateFactory(recommendation=competences, status="in_progress", date=datetime.date(2022, 5, 1))
    return site


def texts(response) -> list[str]:
    rows = response.context["groups"]
    return sorted(row.text for _axis, group in rows for row in group)


def get(client, site, query="", language="ar"):
    return client.get(site.page_in(site.compilation, language).url + query)


def test_lists_every_recommendation_of_every_workshop_linked_to_its_workshop(client, compilation):
    response = get(client, compilation)
    assert len(texts(response)) == 4
    html = response.content.decode()
    assert "/ar/workshops/agadir-2022/" in html and "/ar/workshops/atelier-competences-2020/" in html


def test_filters_combine(client, compilation):
    assert texts(get(client, compilation, "?axis=transparency")) == sorted(
        ["تقوية القدرات في تدبير المشاريع", '=HYPERLINK("http://evil")']
    )
    assert texts(get(client, compilation, "?year=2020")) == sorted(["توضيح الاختصاصات", "تنويع آليات التمويل"])
    assert texts(get(client, compilation, "?theme=transparency")) == ["تقوية القدرات في تدبير المشاريع"]
    assert texts(get(client, compilation, "?workshop=agadir-2022&axis=transparency&year=2022")) == sorted(
        ["تقوية القدرات في تدبير المشاريع", '=HYPERLINK("http://evil")']
    )
    assert texts(get(client, compilation, "?workshop=agadir-2022&year=2020")) == []


def test_status_comes_from_the_latest_follow_up(client, compilation):
    assert texts(get(client, compilation, "?status=in_progress")) == ["توضيح الاختصاصات"]
    assert texts(get(client, compilation, "?status=adopted")) == []
    assert len(texts(get(client, compilation, "?status=proposed"))) == 3
    html = get(client, compilation, "?status=in_progress", "en").content.decode()
    assert "status--in_progress" in html


def test_search_finds_words_in_recommendations_and_workshop_titles(client, compilation):
    assert texts(get(client, compilation, "?q=القدرات")) == ["تقوية القدرات في تدبير المشاريع"]
    assert len(texts(get(client, compilation, "?q=تحسين أداء"))) == 2  # the workshop's title
    assert texts(get(client, compilation, "?q=" + "x" * 500)) == []


def test_commune_filter_follows_uptake_and_workshops_the_commune_took_part_in(client, compilation):
    sefrou = CommunePageFactory(parent=compilation.tree.communes, title="صفرو", slug="sefrou")
    taken_up = Recommendation.objects.get(text="تقوية القدرات في تدبير المشاريع")
    CommuneUptakeFactory(recommendation=taken_up, commune=sefrou)
    assert texts(get(client, compilation, "?commune=sefrou")) == ["تقوية القدرات في تدبير المشاريع"]
    # Tétouan took part in the 2020 workshop (ticked on the Arabic page; the French list follows).
    assert texts(get(client, compilation, "?commune=tetouan", "fr")) == sorted(
        ["توضيح الاختصاصات", "تنويع آليات التمويل"]
    )


def test_each_language_lists_its_own_pages_recommendations(client, compilation):
    french = get(client, compilation, language="fr")
    # The Agadir workshop was published after the French tree was made: only the 2020 ones are in French.
    assert texts(french) == sorted(["توضيح الاختصاصات", "تنويع آليات التمويل"])
    assert "/fr/workshops/atelier-competences-2020/" in french.content.decode()
    axes = {axis.name for axis, _rows in french.context["groups"] if axis}
    assert axes == {"Compétences", "Ressources financières"}


def test_commune_comparison_shows_each_communes_uptake(client, compilation):
    sefrou = CommunePageFactory(parent=compilation.tree.communes, title="صفرو", slug="sefrou")
    recommendation = Recommendation.objects.get(text="توضيح الاختصاصات", locale__language_code="ar")
    CommuneUptakeFactory(recommendation=recommendation, commune=sefrou, status="done")
    response = get(client, compilation, "communes/")
    assert response.status_code == 200
    matrix = {rec.text: cells for rec, cells in response.context["matrix"]}
    communes = [commune.slug for commune in response.context["communes"]]
    assert communes == ["tetouan", "sefrou"]  # by title: تطوان before صفرو
    assert [cell.value if cell else None for cell in matrix["توضيح الاختصاصات"]] == [None, "done"]
    assert "تنويع آليات التمويل" not in matrix  # addressed to the State, not to communes
    french = get(client, compilation, "communes/", "fr")
    assert french.status_code == 200


def read_xlsx(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_xlsx_export_has_an_all_sheet_and_one_per_axis_right_to_left_and_formula_safe(client, compilation):
    response = get(client, compilation, "export/xlsx/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="recommendations-ar-')
    workbook = read_xlsx(b"".join(response.streaming_content))
    names = workbook.sheetnames
    assert len(names) == 4  # All, then transparency, competences, financial resources
    all_sheet = workbook[names[0]]
    assert all_sheet.sheet_view.rightToLeft
    rows = list(all_sheet.iter_rows(values_only=True))
    assert len(rows) == 5
    header = rows[0]
    by_text = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_text) == {
        "توضيح الاختصاصات",
        "تنويع آليات التمويل",
        "تقوية القدرات في تدبير المشاريع",
        '=HYPERLINK("http://evil")',
    }
    row = list(by_text["توضيح الاختصاصات"].values())
    assert "ورشة تفاعلية حول اختصاصات المجالس" in row
    assert datetime.datetime(2020, 3, 2) in row  # the workshop's date, a real date
    assert datetime.datetime(2022, 5, 1) in row  # the status date
    transparency = workbook[names[1]]
    assert [r[0] for r in transparency.iter_rows(min_row=2, values_only=True)] == [
        "تقوية القدرات في تدبير المشاريع",
        '=HYPERLINK("http://evil")',
    ]
    formula_cell = next(c for c in transparency["A"] if c.value == '=HYPERLINK("http://evil")')
    assert formula_cell.data_type == "s"  # text, never evaluated


def test_xlsx_export_in_english_and_filtered(client, compilation):
    english = get(client, compilation, "export/xlsx/?axis=competences", "en")
    workbook = read_xlsx(b"".join(english.streaming_content))
    assert workbook.sheetnames == ["All", "Competences"]
    assert not workbook["All"].sheet_view.rightToLeft
    assert workbook["All"]["A1"].value == "Recommendation"
    assert [r[0] for r in workbook["All"].iter_rows(min_row=2, values_only=True)] == ["توضيح الاختصاصات"]


def test_csv_export_is_formula_safe_and_filtered(client, compilation):
    response = get(client, compilation, "export/csv/?workshop=agadir-2022")
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == 3
    assert '\'=HYPERLINK("http://evil")' in [row[0] for row in rows]


def test_command_exports_with_the_same_filters(compilation, tmp_path):
    target = tmp_path / "recommendations.xlsx"
    call_command("export_recommendations", "-o", str(target), "--year", "2022", "--language", "fr")
    workbook = load_workbook(target)
    assert len(workbook.sheetnames) == 1  # no French page for the 2022 workshop yet: only the empty "All"
    assert workbook.worksheets[0].max_row == 1
    call_command("export_recommendations", "-o", str(target), "--year", "2022")
    workbook = load_workbook(target)
    assert [r[0] for r in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)] == [
        "تقوية القدرات في تدبير المشاريع",
        '=HYPERLINK("http://evil")',
    ]
    csv_target = tmp_path / "recommendations.csv"
    call_command("export_recommendations", "-o", str(csv_target), "--status", "nonsense")
    assert len(csv_target.read_text(encoding="utf-8").splitlines()) == 1  # the header only


def test_export_reads_rows_a_chunk_at_a_time(compilation):
    locale = Locale.objects.get(language_code="ar")
    for number in range(7):
        RecommendationFactory(page=compilation.workshop, text=f"Extra {number}")
    chunks = list(recommendations_csv(RecommendationFilters(), locale))
    assert sum(chunk.count("\n") for chunk in chunks) == 1 + 11
    target = io.BytesIO()
    report = recommendations_xlsx(RecommendationFilters(q="Extra"), locale, target)
    assert report.rows == 7


def test_filters_are_read_safely(compilation):
    filters = RecommendationFilters.from_mapping({"axis": ["a", "b"], "q": "  word  ", "other": "x"})
    assert filters.q == "word"
    assert RecommendationFilters.from_mapping({}).as_dict() == {}
    assert Theme.objects.exists()


def test_chunked_reading_keeps_the_compilations_order(compilation):
    from workshops.models.recommendations import iter_compiled_rows

    locale = Locale.objects.get(language_code="ar")
    queryset = RecommendationFilters().queryset(locale.pk)
    whole = [row.text for row in iter_compiled_rows(queryset, locale.pk)]
    assert [row.text for row in iter_compiled_rows(queryset, locale.pk, chunk=1)] == whole
    assert whole[:2] == ["تقوية القدرات في تدبير المشاريع", '=HYPERLINK("http://evil")']  # newest workshop first
