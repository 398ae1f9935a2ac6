"""Live sessions through their pages: joining, posting and voting without JavaScript, the board,
the facilitator's view, promotion into recommendations, the export, and who may do what."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.roles import MODERATORS, commune_editor_group
from workshops import live
from workshops.models import Idea, IdeaVote, LiveSession, Recommendation, WorkshopPage

pytestmark = pytest.mark.django_db


def facilitate_url(session) -> str:
    return reverse("live_sessions:facilitate", args=[session.pk])


def test_joining_by_code(live_site, client):
    response = client.get("/fr/live/", {"code": f" {live_site.code.lower()} "})
    assert response.status_code == 302 and response["Location"] == f"/fr/live/{live_site.code}/"
    response = client.get("/fr/live/", {"code": "QQQQQQ"})
    assert response.status_code == 200
    assert "Aucune session en direct" in response.content.decode() or "No live session" in response.content.decode()
    assert client.get("/ar/live/QQQQQQ/").status_code == 404
    assert client.get("/ar/live/QQQQQQ/board/").status_code == 404


def test_a_participant_posts_and_votes_without_javascript(live_site, client):
    page = client.get(f"/ar/live/{live_site.code}/")
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    html = page.content.decode()
    assert 'name="text"' in html and 'for="idea-text"' in html and "الشفافية" in html

    response = client.post(f"/ar/live/{live_site.code}/", {"text": "لوحة قيادة للميزانية", "axis": "transparency"})
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.axis.code == "transparency"
    assert "لوحة قيادة للميزانية" in client.get(f"/ar/live/{live_site.code}/").content.decode()

    vote_url = f"/ar/live/{live_site.code}/ideas/{idea.pk}/vote/"
    assert client.post(vote_url).status_code == 302
    client.post(vote_url)  # a second vote from the same browser
    idea.refresh_from_db()
    assert idea.votes == 1 and IdeaVote.objects.count() == 1
    assert client.get(vote_url).status_code == 405


def test_the_page_script_posts_and_gets_json(live_site, client):
    json = {"HTTP_ACCEPT": "application/json"}
    url = f"/en/live/{live_site.code}/"
    client.get(url)
    first = client.post(url, {"text": "Open data", "client_key": "abc"}, **json)
    again = client.post(url, {"text": "Open data", "client_key": "abc"}, **json)
    assert first.json() == again.json() == {"idea": Idea.objects.get().pk}
    refused = client.post(url, {"text": ""}, **json)
    assert refused.status_code == 400 and refused.json() == {"error": "Write your idea first."}


def test_posting_to_a_closed_session_is_refused_with_a_message(live_site, client):
    live.set_status(live_site.session, LiveSession.Status.CLOSED)
    url = f"/en/live/{live_site.code}/"
    response = client.post(url, {"text": "Trop tard"}, follow=True)
    assert "This session is closed: it accepts no more ideas or votes." in response.content.decode()
    assert not Idea.objects.exists()
    assert 'name="text"' not in client.get(url).content.decode()


def test_ideas_from_one_browser_are_rate_limited(live_site, client, settings):
    url = f"/en/live/{live_site.code}/"
    for number in range(12):
        client.post(url, {"text": f"idea {number}"})
    response = client.post(url, {"text": "one too many"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "wait a minute" in response.json()["error"]
    assert Idea.objects.count() == 12


def test_votes_from_many_fresh_sessions_at_one_address_are_flagged_for_facilitators(
    live_site, organiser, client, django_user_model, settings
):
    settings.LIVE_VOTE_BURST_VOTES = 5
    idea = live.post_idea(live_site.session, "author", "Un budget pour les jeunes")
    other = live.post_idea(live_site.session, "author", "Une idée ordinaire")
    for number in range(6):  # six fresh browsers at one address, within a minute
        browser = Client(REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT=f"Browser/{number}")
        browser.post(reverse("live_vote", args=[live_site.code, idea.pk]))
    for address in ("192.0.2.8", "192.0.2.9"):
        Client(REMOTE_ADDR=address).post(reverse("live_vote", args=[live_site.code, other.pk]))
    idea.refresh_from_db()
    other.refresh_from_db()
    assert idea.votes == 6 and idea.vote_burst and other.votes == 2 and not other.vote_burst
    assert "192.0.2.7" not in IdeaVote.objects.first().address  # only a keyed hash is kept
    client.force_login(organiser)
    page = client.get(facilitate_url(live_site.session)).content.decode()
    assert page.count("وصلت أصوات كثيرة من عنوان واحد في وقت قصير") == 1
    assert live.idea_event(idea, facilitator=True)["idea"]["vote_burst"] is True
    assert "vote_burst" not in live.idea_event(idea, facilitator=False)["idea"]


def test_the_board_shows_the_code_a_local_qr_code_and_ideas_by_axis(live_site, client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://shabaka.example.ma"
    live.post_idea(live_site.session, "a", "Transparence budgétaire", axis="transparency")
    live.post_idea(live_site.session, "b", "Sans axe")
    hidden = live.post_idea(live_site.session, "c", "Insulte")
    live.moderate(live_site.session, "hide", {"idea": hidden.pk})
    html = client.get(f"/fr/live/{live_site.code}/board/").content.decode()
    assert live_site.code in html and "<svg" in html and "QR" in html
    # The address to join is the site's public one, not the name the projector's laptop used.
    assert f"https://shabaka.example.ma/fr/live/{live_site.code}/" in html
    transparency = html.index("Transparence</h2>")
    assert transparency < html.index("Transparence budgétaire") < html.index("Sans axe")
    assert "Insulte" not in html


def test_the_board_renders_in_a_constant_number_of_queries(live_site, client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/fr/live/{live_site.code}/board/").status_code == 200
        return len(captured)

    live.post_idea(live_site.session, "a", "Une idée", axis="transparency")
    queries()  # the site's chrome is cached from the first visit on
    few = queries()
    for number in range(20):
        idea = live.post_idea(live_site.session, f"p{number}", f"Idée {number}", axis="competences")
        live.moderate(live_site.session, "tag", {"idea": idea.pk, "tags": ["tag"]})
    assert queries() == few <= 7


def test_posting_an_idea_reads_its_tags_once_for_both_announcements(live_site, client):
    """Lock and number the session, look for a copy, save, and one read of the tags for both groups' events."""
    url = f"/fr/live/{live_site.code}/"
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.post(url, {"text": "Une idée"}, HTTP_ACCEPT="application/json").status_code == 200
    assert sum('"taggit_tag"' in query["sql"] for query in captured) == 1


def test_the_events_endpoint_serves_clients_that_cannot_use_websockets(live_site, client):
    first = live.post_idea(live_site.session, "a", "Une")
    second = live.post_idea(live_site.session, "b", "Deux")
    events = client.get(f"/fr/live/{live_site.code}/events/", {"since": first.sequence}).json()["events"]
    assert events[0] == {"type": "session", "status": "open", "up_to": second.sequence}
    assert [event["idea"]["pk"] for event in events[1:]] == [second.pk]
    assert client.get(f"/fr/live/{live_site.code}/events/", {"since": "junk"}).status_code == 200


# --- Facilitators -------------------------------------------------------------------------------


def test_organisers_open_a_session_from_the_workshop(live_site, organiser, client):
    client.force_login(organiser)
    add = reverse("live_sessions:add")
    form = client.get(add, {"workshop": live_site.workshop.pk})
    assert form.status_code == 200
    response = client.post(
        add,
        {"workshop": live_site.workshop.pk, "title": "Vos priorités ?", "axes": [live_site.axes["transparency"].pk]},
    )
    session = LiveSession.objects.get(title="Vos priorités ?")
    assert response.status_code == 302 and response["Location"] == facilitate_url(session)
    assert session.opened_by == organiser and len(session.code) == 6 and session.is_open
    edit = client.get(f"/admin/pages/{live_site.workshop.pk}/edit/").content.decode()
    assert f"{add}?workshop={live_site.workshop.pk}" in edit


def test_editing_a_session_in_another_language_keeps_its_axes(live_site, organiser, client):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(organiser)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(organiser)
    url = reverse("live_sessions:edit", args=[live_site.session.pk])
    form = client.get(url).context["form"]
    french = [axis for axis in form.fields["axes"].queryset]
    assert {axis.locale.language_code for axis in french} == {"fr"}
    assert {axis.code for axis in form.initial["axes"]} == {"transparency", "competences"}


def test_promotion_needs_the_right_to_edit_the_workshop(live_site, django_user_model):
    from django.contrib.auth.models import Permission

    facilitator = django_user_model.objects.create_user("facilitator-only", password="pw")
    facilitator.user_permissions.add(Permission.objects.get(codename="change_livesession"))
    idea = live.post_idea(live_site.session, "a", "Une idée")
    with pytest.raises(live.LiveError):
        live.promote(live_site.session, [idea.pk], facilitator)
    assert not Recommendation.objects.filter(text="Une idée").exists()


def test_the_facilitator_view_moderates_without_javascript(live_site, organiser, client):
    one = live.post_idea(live_site.session, "a", "Un")
    two = live.post_idea(live_site.session, "b", "Deux")
    client.force_login(organiser)
    url = facilitate_url(live_site.session)
    assert client.get(url).status_code == 200
    client.post(url, {"action": "hide", "idea": one.pk})
    client.post(url, {"action": "tag", "idea": two.pk, "tags": "budget, jeunes"})
    client.post(url, {"action": "merge", "idea": two.pk, "into": two.pk})
    one.refresh_from_db()
    two.refresh_from_db()
    assert one.hidden and sorted(two.tags.names()) == ["budget", "jeunes"] and two.merged_into is None
    page = client.get(url).content.decode()
    assert "Un" in page  # facilitators still see hidden ideas


def test_promoting_ideas_adds_recommendations_to_the_workshop(live_site, organiser, client):
    top = live.post_idea(live_site.session, "a", "Former les élus au budget participatif", axis="competences")
    live.vote(live_site.session, "b", top.pk)
    other = live.post_idea(live_site.session, "c", "Publier les données ouvertes", axis="transparency")
    left = live.post_idea(live_site.session, "d", "Pas retenue")
    live.set_status(live_site.session, LiveSession.Status.CLOSED)
    before = Recommendation.objects.filter(page=live_site.workshop).count()
    client.force_login(organiser)
    response = client.post(
        facilitate_url(live_site.session),
        {"action": "promote", "ideas": [top.pk, other.pk], "priority": "high", "addressee": "network"},
    )
    assert response.status_code == 302
    workshop = WorkshopPage.objects.get(pk=live_site.workshop.pk)
    assert not workshop.has_unpublished_changes
    added = list(Recommendation.objects.filter(page=workshop).order_by("sort_order")[before:])
    assert [recommendation.text for recommendation in added] == [top.text, other.text]
    assert added[0].axis == live_site.axes["competences"] and added[0].priority == "high"
    assert added[0].addressee == "network" and added[0].locale_id == workshop.locale_id
    top.refresh_from_db()
    left.refresh_from_db()
    assert top.promoted_to == added[0].translation_key and left.promoted_to is None
    # Promoted once only.
    client.post(facilitate_url(live_site.session), {"action": "promote", "ideas": [top.pk]})
    assert Recommendation.objects.filter(page=workshop).count() == before + 2


def test_promotion_keeps_a_draft_in_progress_as_a_draft(live_site, organiser):
    workshop = WorkshopPage.objects.get(pk=live_site.workshop.pk)
    workshop.summary = "Résumé en cours de rédaction"
    workshop.save_revision(user=organiser)
    idea = live.post_idea(live_site.session, "a", "Une idée")
    promotion = live.promote(live_site.session, [idea.pk], organiser)
    assert not promotion.published
    workshop.refresh_from_db()
    draft = workshop.get_latest_revision_as_object()
    assert draft.summary == "Résumé en cours de rédaction"
    assert [r.text for r in draft.recommendations.all()][-1] == "Une idée"
    assert not Recommendation.objects.filter(page=workshop, text="Une idée").exists()


def test_promoting_nothing_says_so(live_site, organiser, client):
    client.force_login(organiser)
    response = client.post(facilitate_url(live_site.session), {"action": "promote", "ideas": []})
    assert response.status_code == 200
    assert "promote-form" in response.content.decode()
    hidden = live.post_idea(live_site.session, "a", "Cachée")
    live.moderate(live_site.session, "hide", {"idea": hidden.pk})
    client.post(facilitate_url(live_site.session), {"action": "promote", "ideas": [hidden.pk]})
    assert not Recommendation.objects.filter(text="Cachée").exists()


def test_the_session_exports_to_xlsx(live_site, organiser, client):
    formula = live.post_idea(live_site.session, "a", '=HYPERLINK("http://evil","x")', axis="transparency")
    live.vote(live_site.session, "b", formula.pk)
    merged = live.post_idea(live_site.session, "c", "Doublon")
    live.moderate(live_site.session, "merge", {"idea": merged.pk, "into": formula.pk})
    live.moderate(live_site.session, "tag", {"idea": formula.pk, "tags": ["lien"]})
    client.force_login(organiser)
    response = client.get(reverse("live_sessions:export", args=[live_site.session.pk]))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    first = rows[1]
    assert first[0] == formula.pk and first[2] == formula.text and first[5] == 1 and first[4] == "lien"
    assert sheet.cell(row=2, column=3).data_type == "s"  # text, never a formula
    assert sheet.cell(row=2, column=3).quotePrefix
    assert sheet.sheet_view.rightToLeft  # the admin speaks Arabic by default, so the sheet reads right to left


# --- Who may do what ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["visitor", "moderator", "commune editor"])
def test_only_facilitators_reach_the_facilitator_view_and_export(live_site, client, django_user_model, role):
    user = django_user_model.objects.create_user("someone", password="pw")
    if role == "moderator":
        user.groups.add(Group.objects.get(name=MODERATORS))
    elif role == "commune editor":
        user.groups.add(commune_editor_group(live_site.tree.commune))
    client.force_login(user)
    idea = live.post_idea(live_site.session, "a", "Une idée")
    for url in (facilitate_url(live_site.session), reverse("live_sessions:export", args=[live_site.session.pk])):
        response = client.get(url)
        assert response.status_code == 302
    client.post(facilitate_url(live_site.session), {"action": "hide", "idea": idea.pk})
    client.post(facilitate_url(live_site.session), {"action": "close"})
    idea.refresh_from_db()
    live_site.session.refresh_from_db()
    assert not idea.hidden and live_site.session.is_open


def test_the_facilitator_view_needs_csrf(live_site, organiser):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(organiser)
    assert strict.post(facilitate_url(live_site.session), {"action": "close"}).status_code == 403
    live_site.session.refresh_from_db()
    assert live_site.session.is_open
