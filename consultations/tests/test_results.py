"""Public results of a closed consultation: counted once, kept current, compiled in the background when large."""

import datetime

import pytest
from django.utils import timezone

from consultations.exports import ConsultationExport, Tallies
from consultations.models import Response, ResultsSummary
from consultations.results import fingerprint


@pytest.fixture
def closed(client, public_consultation, valid_answers):
    """The public consultation, answered twice, closed, its results published."""
    client.post(public_consultation.url, valid_answers)
    client.post(public_consultation.url, {**valid_answers, "name": "Deuxième", "email": ""})
    now = timezone.now()
    type(public_consultation).objects.filter(pk=public_consultation.pk).update(
        opens_at=now - datetime.timedelta(days=3), closes_at=now - datetime.timedelta(hours=1), publish_results=True
    )
    return public_consultation


def test_tallies_survive_their_json_form(closed):
    export = ConsultationExport(closed, Response.objects.all())
    tallies = export.tallies()
    again = Tallies.from_data(export.questions, tallies.as_data())
    assert again.responses == tallies.responses == 2
    assert (again.answered, again.counts, again.sums) == (tallies.answered, tallies.counts, tallies.sums)
    assert export.results(again) == ConsultationExport(closed, Response.objects.all()).results()


def test_small_consultation_is_counted_at_once_and_again_after_each_change(client, closed):
    url = closed.url + "results/"
    first = client.get(url)
    assert first.status_code == 200 and "Retry-After" not in first
    assert first.context["published"].total == 2 and first.context["published"].up_to_date
    second = Response.objects.filter(consultation_key=closed.translation_key).order_by("pk").last()
    second.is_spam = True
    second.save()  # as the admin's form does: the counter moves
    assert client.get(url).context["published"].total == 1


def test_large_consultation_is_compiled_in_the_background_once(
    client, closed, settings, django_capture_on_commit_callbacks, valid_answers
):
    settings.CONSULTATION_RESULTS_COUNTED_AT_ONCE = 1
    url = closed.url + "results/"
    with django_capture_on_commit_callbacks() as queued:
        waiting = client.get(url)
        client.get(url)  # a second visitor does not queue a second compilation
    assert waiting.status_code == 200 and waiting["Retry-After"] == "60"
    assert "no-cache" in waiting["Cache-Control"]
    assert "يجري الآن تجميع النتائج" in waiting.content.decode()  # the Arabic page, in Arabic
    assert len(queued) == 1
    queued[0]()  # the background task (the embedded backend runs it at once)
    shown = client.get(url)
    assert shown.context["published"].up_to_date and shown.context["published"].total == 2
    assert "Retry-After" not in shown

    # An answer entered afterwards (a paper form): the figures shown are dated until counted again.
    Response.objects.create(
        consultation_key=closed.translation_key, page=closed, language="ar", form_data=dict(valid_answers)
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:
        stale = client.get(url)
    assert not stale.context["published"].up_to_date and stale.context["published"].total == 2
    assert len(queued) == 1
    assert client.get(url).context["published"].total == 3


def test_fingerprint_moves_with_every_change_that_counts(closed):
    key = closed.translation_key
    before = fingerprint(key)
    response = Response.objects.filter(consultation_key=key).first()
    response.form_data = {**response.form_data, "comment": "changed"}
    response.save()
    edited = fingerprint(key)
    assert edited != before
    response.delete()
    assert fingerprint(key) != edited
    assert not ResultsSummary.objects.exists()  # nothing compiled until someone looks
