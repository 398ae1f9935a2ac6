"""An action plan's progress is computed from its activities and followed in public."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from workshops.blocks import activity_percent, average_percent, indicator_percent, is_late

from .factories import PlanUpdateFactory, activity, commitment, indicator

TODAY = datetime.date(2024, 6, 1)


def test_activity_progress_by_status():
    assert activity_percent(activity(status="not_started")) == 0
    assert activity_percent(activity(status="in_progress")) == 50  # no percentage given
    assert activity_percent(activity(status="in_progress", percent=30)) == 30
    assert activity_percent(activity(status="in_progress", percent=130)) == 100
    assert activity_percent(activity(status="done", percent=10)) == 100
    assert activity_percent(activity(status="dropped")) is None


def test_average_leaves_dropped_activities_out():
    activities = [activity(status="done"), activity(status="dropped"), activity(status="not_started")]
    assert average_percent(activities) == 50
    assert average_percent([activity(status="dropped")]) is None
    assert average_percent([]) is None


def test_an_activity_is_late_when_due_and_not_finished():
    assert is_late(activity(due=datetime.date(2024, 5, 31)), TODAY)
    assert not is_late(activity(due=datetime.date(2024, 6, 1)), TODAY)
    assert not is_late(activity(due=datetime.date(2024, 5, 31), status="done"), TODAY)
    assert not is_late(activity(due=datetime.date(2024, 5, 31), status="dropped"), TODAY)
    assert not is_late(activity(), TODAY)


def test_indicator_progress_from_baseline_to_target():
    assert indicator_percent(indicator(baseline=Decimal(20), target=Decimal(60), current=Decimal(40))) == 50
    assert indicator_percent(indicator(target=Decimal(10), current=Decimal(15))) == 100
    assert indicator_percent(indicator(target=Decimal(10), current=None)) is None
    assert indicator_percent(indicator(baseline=Decimal(5), target=Decimal(5), current=Decimal(5))) is None
    # A target below the baseline (fewer complaints, shorter delays) works the same way.
    assert indicator_percent(indicator(baseline=Decimal(30), target=Decimal(10), current=Decimal(20))) == 50


def test_plan_progress_commitments_axes_and_late_activities(client, workshops_site):
    plan = workshops_site.page_in(workshops_site.plan, "en")
    plan.commitments = [
        commitment(
            "Transparence financière",
            axis="transparency",
            activities=[activity(status="done"), activity(status="in_progress", percent=40)],
        ),
        commitment(
            "Compétences",
            axis="competences",
            activities=[activity("Retard", due=datetime.date(2020, 1, 1)), activity(status="dropped")],
        ),
        commitment("Sans activité"),
    ]
    plan.save_revision().publish()
    views = plan.commitment_views()
    assert [view.progress for view in views] == [70, 0, None]
    assert plan.progress == 47  # (100 + 40 + 0) / 3, the dropped one left out
    response = client.get(plan.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<progress id="progress-overall" max="100" value="47" aria-labelledby="progress-heading">47 %</progress>'
        in html
    )
    assert 'value="70"' in html and "<bdi>70 %</bdi> done" in html
    assert "No activity to measure yet" in html
    assert response.context["late"][0][1].title == "Retard"
    axes = [(group["axis"].code if group["axis"] else None, group["progress"]) for group in response.context["axes"]]
    assert axes == [("transparency", 70), ("competences", 0), (None, None)]


def test_history_of_updates_is_public_newest_first(client, workshops_site):
    english = workshops_site.page_in(workshops_site.plan, "en")
    PlanUpdateFactory(page=english, date=datetime.date(2023, 3, 1), text="Premier bilan")
    PlanUpdateFactory(page=english, date=datetime.date(2024, 3, 1), text="Deuxième bilan")
    response = client.get(english.url)
    assert [update.text for update in response.context["updates"]] == ["Deuxième bilan", "Premier bilan"]
    assert "History of updates" in response.content.decode()


def test_plan_exports_commitments_activities_indicators_and_notes(client, workshops_site):
    arabic = workshops_site.plan
    PlanUpdateFactory(page=arabic, text="=1+1")
    response = client.get(arabic.url + "export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="tetouan-commune-ouverte-ar-')
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert len(workbook.sheetnames) == 4
    commitments, activities, indicators, notes = workbook.worksheets
    assert all(sheet.sheet_view.rightToLeft for sheet in workbook.worksheets)
    first = list(commitments.iter_rows(min_row=2, values_only=True))[0]
    assert first[0] == 1 and first[1] == "الشفافية المالية" and first[-1] == 47
    assert [row[2] for row in activities.iter_rows(min_row=2, values_only=True)] == [
        "Budget citoyen",
        "Braille",
        "Late one",
    ]
    assert list(indicators.iter_rows(min_row=2, values_only=True))[0][6:9] == (10, 5, 50)
    note = notes["B2"]
    assert note.value == "=1+1" and note.data_type == "s"


def test_plan_sits_under_its_commune(workshops_site):
    assert workshops_site.plan.get_parent().specific == workshops_site.tree.commune
    from workshops.models import ActionPlanPage

    assert ActionPlanPage in workshops_site.tree.commune.specific_class.allowed_subpage_models()
