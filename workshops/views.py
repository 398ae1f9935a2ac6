"""Public pages of live sessions: joining by code, the participant's phone page, the board, polling.

They work without JavaScript (forms that post and redirect back); with it, the
pages follow the session over a WebSocket (`workshops/static/workshops/live_session.js`), and
fall back to `events` when WebSockets are unavailable. Nothing here is cached:
a board changes every second.
"""

from __future__ import annotations

from collections import OrderedDict

import segno
from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.locales import active_locale
from home.public_urls import absolute_url

from . import live
from .models import Axis, IdeaVote, LiveSession
from .models.live import CODE_LENGTH, IDEA_MAX_LENGTH
from .models.snippets import localized_in


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "dir": "ltr"}),
    )

    def clean_code(self) -> LiveSession:
        session = live.find_session(self.cleaned_data["code"].strip())
        if session is None:
            raise forms.ValidationError(_("No live session has this code: check it on the board."))
        return session


def status_texts() -> dict[str, str]:
    """What the page's script says about its connection, in the page's language."""
    return {
        "live": gettext("Live: new ideas appear as they are posted."),
        "polling": gettext("Updated every few seconds."),
        "reconnecting": gettext("Connection lost: reconnecting…"),
        "forbidden": gettext("This session cannot be followed."),
        "offline": gettext("Your message could not be sent: check your connection and try again."),
        "voted": gettext("You voted"),
        "hidden": gettext("Hidden"),
        "merged": gettext("Merged into idea no. %(number)s"),
        "promoted": gettext("Promoted to a recommendation"),
        "vote_burst": gettext("Many votes came from one address in a short time"),
    }


@never_cache
def join(request: HttpRequest) -> HttpResponse:
    """Enter the code shown on the board."""
    form = JoinForm(request.GET or None)
    if form.is_valid():
        return redirect("live_session", code=form.cleaned_data["code"].code)
    return render(request, "workshops/live/join.html", {"form": form, "code_length": CODE_LENGTH})


def _session_or_404(code: str) -> LiveSession:
    session = live.find_session(code)
    if session is None:
        raise Http404(gettext("No live session has this code: check it on the board."))
    return session


def _participant(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return live.participant_id(request.session.session_key)


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _answer(request: HttpRequest, session: LiveSession, *, error=None, done: str = "", **data) -> HttpResponse:
    """The answer to a participant's post: JSON for the page's script, else a message and a redirect."""
    if _wants_json(request):
        return JsonResponse({"error": str(error)} if error else data, status=400 if error else 200)
    if error:
        messages.error(request, error)
    elif done:
        messages.success(request, done)
    return redirect("live_session", code=session.code)


def board_context(session: LiveSession, *, facilitator: bool = False) -> dict:
    """The session with its ideas grouped by axis, in the page's language; `since` read before the ideas."""
    since = LiveSession.objects.values_list("sequence", flat=True).get(pk=session.pk)
    locale = active_locale()
    axes = list(localized_in(Axis.objects.all(), [axis.pk for axis in session.axes.all()], locale.pk).values())
    ideas = live.ideas_of(session).order_by("-highlighted", "-votes", "created_at")
    if not facilitator:
        ideas = ideas.filter(hidden=False, merged_into__isnull=True)
    columns: OrderedDict[str, dict] = OrderedDict(
        (axis.code, {"code": axis.code, "name": axis.name, "ideas": []})
        for axis in sorted(axes, key=lambda axis: (axis.sort_order, axis.name))
    )
    columns[""] = {"code": "", "name": gettext("Other ideas") if axes else gettext("Ideas"), "ideas": []}
    for idea in ideas:
        columns.get(idea.axis.code if idea.axis else "", columns[""])["ideas"].append(idea)
    return {
        "live_session": session,
        "status_texts": status_texts(),
        "axes": axes,
        "columns": list(columns.values()),
        "since": since,
        "idea_max_length": IDEA_MAX_LENGTH,
    }


@never_cache
def session_page(request: HttpRequest, code: str) -> HttpResponse:
    """A participant's page: post an idea, vote for others', see the board as it grows."""
    session = _session_or_404(code)
    participant = _participant(request)
    if request.method == "POST":
        try:
            idea = live.post_idea(
                session,
                participant,
                request.POST.get("text"),
                request.POST.get("axis") or None,
                request.POST.get("client_key") or None,
            )
        except live.LiveError as refusal:
            return _answer(request, session, error=refusal.message)
        return _answer(request, session, done=gettext("Your idea is on the board."), idea=idea.pk)
    context = board_context(session)
    context["voted"] = set(
        IdeaVote.objects.filter(idea__session=session, participant=participant).values_list("idea_id", flat=True)
    )
    return render(request, "workshops/live/session.html", context)


@never_cache
@require_POST
def vote(request: HttpRequest, code: str, idea: int) -> HttpResponse:
    session = _session_or_404(code)
    try:
        voted = live.vote(session, _participant(request), idea, address=request.META.get("REMOTE_ADDR", ""))
    except live.LiveError as refusal:
        return _answer(request, session, error=refusal.message)
    return _answer(request, session, done=gettext("Your vote is counted."), idea=voted.pk, votes=voted.votes)


@never_cache
def board(request: HttpRequest, code: str) -> HttpResponse:
    """The page for the projector: the join code, a QR code to the participants' page, the ideas by axis."""
    session = _session_or_404(code)
    join_url = absolute_url(reverse("live_session", args=[session.code]))
    qr_code = segno.make(join_url, error="m").svg_inline(
        scale=4, omitsize=True, svgclass="board-qr", title=gettext("QR code of the page to join")
    )
    context = board_context(session)
    context.update(join_url=join_url, qr_code=qr_code)
    return render(request, "workshops/live/board.html", context)


@never_cache
def events(request: HttpRequest, code: str) -> JsonResponse:
    """Polling for clients without WebSockets: what changed after `since`."""
    session = _session_or_404(code)
    try:
        since = max(int(request.GET.get("since", 0)), 0)
    except ValueError:
        since = 0
    return JsonResponse({"events": live.catch_up(session, since, facilitator=False)})
