"""An action plan's progress is computed from its activities and followed in public."""

import copy
import datetime
import io
import uuid
from decimal import Decimal

from django.utils import translation
from openpyxl import load_workbook

from workshops.blocks import ActivityStatus, activity_percent, average_percent, indicator_percent, is_late
from workshops.models import ActionPlanPage

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
    original = workshops_site.plan
    original.commitments = [
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
    original.save_revision().publish()
    plan = workshops_site.page_in(original, "en")  # shows the original's commitments and progress
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


def edit_items(page, change) -> ActionPlanPage:
    """Publish `page` again after `change(commitments)` edited its stored commitments in place (block ids kept)."""
    page = ActionPlanPage.objects.get(pk=page.pk)
    commitments = copy.deepcopy(list(page.commitments.raw_data))
    change(commitments)
    page.commitments = commitments
    page.save_revision().publish()
    return page


def items(commitments, kind: str) -> dict:
    """{name or title: item value} of the activities or indicators of raw commitments."""
    key = "name" if kind == "indicators" else "title"
    return {item["value"][key]: item["value"] for block in commitments for item in block["value"][kind]}


def test_translations_show_the_original_plans_progress_as_soon_as_it_is_published(client, workshops_site):
    """The Arabic plan is the original: a French page keeps its own words but shows the Arabic plan's progress."""
    french = workshops_site.page_in(workshops_site.plan, "fr")

    def translate_words(commitments):
        items(commitments, "activities")["Braille"]["title"] = "Documents en braille"

    french = edit_items(french, translate_words)
    assert client.get(french.url).context["progress"] == 47  # done, 40 %, not started

    def report_progress(commitments):
        items(commitments, "activities")["Braille"]["status"] = ActivityStatus.DONE
        items(commitments, "indicators")["Documents publiés"]["current"] = "8"
        new_item = {"type": "item", "value": activity("نشر المحاضر"), "id": str(uuid.uuid4())}
        commitments[0]["value"]["activities"].append(new_item)

    edit_items(workshops_site.plan, report_progress)  # published on the Arabic plan only: no new sync

    response = client.get(french.url)
    assert response.context["progress"] == 50  # done, done, not started, and the new activity not started
    (commitment_view,) = response.context["commitments"]
    activities = {activity.title: activity for activity in commitment_view.activities}
    assert activities["Documents en braille"].status == ActivityStatus.DONE  # its French words, the new status
    assert activities["نشر المحاضر"].number == "1.4"  # not translated yet: in the original's words
    assert commitment_view.indicators[0].current == 8 and commitment_view.indicators[0].percent == 80
    html = response.content.decode()
    assert 'aria-labelledby="progress-heading">50 %</progress>' in html
    assert "Documents en braille" in html and "Braille" not in html.replace("Documents en braille", "")

    export = client.get(french.url + "export/")
    workbook = load_workbook(io.BytesIO(b"".join(export.streaming_content)))
    _commitments, activity_sheet, indicator_sheet, _notes = workbook.worksheets
    rows = {row[2]: row for row in activity_sheet.iter_rows(min_row=2, values_only=True)}
    with translation.override("fr"):
        done = str(ActivityStatus.labels[ActivityStatus.DONE])
    assert rows["Documents en braille"][6:8] == (done, 100)
    assert list(indicator_sheet.iter_rows(min_row=2, values_only=True))[0][7:9] == (8, 80)


def test_an_unpublished_original_leaves_each_translation_its_own_progress(client, workshops_site):
    english = workshops_site.page_in(workshops_site.plan, "en")
    workshops_site.plan.unpublish()
    assert client.get(english.url).context["progress"] == 47


def test_workshop_index_shows_each_plans_current_progress(client, workshops_site):
    edit_items(
        workshops_site.plan, lambda commitments: items(commitments, "activities")["Late one"].update(status="done")
    )
    for language in ("ar", "fr"):
        response = client.get(workshops_site.page_in(workshops_site.index, language).url)
        assert [plan.progress for plan in response.context["plans"]] == [80]  # done, 40 %, done
