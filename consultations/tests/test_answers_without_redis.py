"""Redis stops while citizens answer: every answer is saved once and its sender told so."""

from consultations.models import Response


def test_an_answer_sent_while_redis_is_down_is_saved_and_acknowledged(
    client, public_consultation, valid_answers, settings_on_own_redis, django_capture_on_commit_callbacks
):
    settings_on_own_redis.stop()
    with django_capture_on_commit_callbacks(execute=True):  # the live count's announcement fails, after commit
        response = client.post(public_consultation.url, valid_answers)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert Response.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):  # the same answer again: a double post, kept once
        client.post(public_consultation.url, valid_answers)
    assert Response.objects.count() == 1
