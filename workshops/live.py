"""What can happen in a live session, whichever way it arrives: a WebSocket message or a form post.

Participants post ideas and vote; facilitators hide, show, highlight, merge and
tag them, close the session and promote ideas into the workshop's
recommendations. Each change is made in one transaction that takes the
session's next sequence number (see `models.live`) and, once committed, is
announced to the session's groups: boards and phones get what the public may
see, facilitators get everything.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from home.live import group_name, publish
from home.ratelimit import is_over_limit

from .models import Axis, Idea, IdeaVote, LiveSession, Recommendation, WorkshopPage
from .models.live import IDEA_MAX_LENGTH
from .models.snippets import localized_in

IDEAS_PER_MINUTE = 12
VOTES_PER_MINUTE = 60
MAX_TAGS = 8
TAG_MAX_LENGTH = 40
CLIENT_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
WHITESPACE_RE = re.compile(r"\s+")
NOT_A_PARTICIPANT = _("Open the session's page to take part.")


class LiveError(Exception):
    """A refused action; its message (translated) goes back to the client who asked."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def public_group(session: LiveSession) -> str:
    return group_name("workshops", "live", session.pk)


def facilitators_group(session: LiveSession) -> str:
    return group_name("workshops", "live", session.pk, "facilitators")


def participant_id(session_key: str) -> str:
    """A participant's stable identity: a hash of their browser session, which is never stored in clear."""
    return hashlib.sha256(f"{settings.SECRET_KEY}|live|{session_key}".encode()).hexdigest()


def address_hash(address: str) -> str:
    """A keyed hash of a voter's network address: enough to see a burst from one address, never the address."""
    return salted_hmac("workshops.live.vote-address", address, algorithm="sha256").hexdigest() if address else ""


def _count_against_participant(session: LiveSession, participant: str, action: str, limit: int, refusal) -> None:
    """One limit per participant and session, shared by all their sockets and posts (kept in the cache)."""
    if is_over_limit(f"live-{action}:{session.pk}:{participant}", limit=limit, window=60):
        raise LiveError(refusal)


def can_facilitate(user) -> bool:
    """Facilitators run live sessions: organisers, and whoever is given the live sessions' permissions."""
    return bool(user and user.is_active and user.has_perm("workshops.change_livesession"))


def find_session(code: str) -> LiveSession | None:
    return LiveSession.objects.select_related("workshop").filter(code=str(code).upper()[:12]).first()


# --- What clients see --------------------------------------------------------------------------


def session_event(session: LiveSession, sequence: int | None = None) -> dict:
    """The session's status; as a live event it carries the change's number, in a catch-up none."""
    event = {"type": "session", "status": session.status}
    return event if sequence is None else {**event, "id": sequence}


def idea_event(idea: Idea, *, facilitator: bool) -> dict:
    """An idea's whole current state; the public is told only that a hidden or merged idea is gone."""
    state: dict = {"pk": idea.pk, "shown": idea.is_shown}
    if idea.is_shown or facilitator:
        state.update(
            text=idea.text,
            axis=idea.axis.code if idea.axis else "",
            votes=idea.votes,
            highlighted=idea.highlighted,
            tags=sorted(tag.name for tag in idea.tags.all()),
        )
    if facilitator:
        state.update(
            hidden=idea.hidden,
            merged_into=idea.merged_into_id,
            promoted=idea.promoted_to is not None,
            vote_burst=idea.vote_burst,
        )
    return {"type": "idea", "id": idea.sequence, "idea": state}


def ideas_of(session: LiveSession) -> QuerySet[Idea]:
    return session.ideas.select_related("axis").prefetch_related("tags")


def catch_up(session: LiveSession, since: int, *, facilitator: bool) -> list[dict]:
    """The session's state and every idea changed after `since`, from the database, in order.

    The first event says `up_to` which number the catch-up covers: a client has then missed
    nothing up to it, even numbers whose idea has changed again since.
    """
    session.refresh_from_db(fields=["status", "sequence"])
    # Bounded by `up_to`: an idea changed after that number is left to its own live event.
    changed = ideas_of(session).filter(sequence__gt=since, sequence__lte=session.sequence).order_by("sequence")
    return [
        {**session_event(session), "up_to": session.sequence},
        *(idea_event(idea, facilitator=facilitator) for idea in changed),
    ]


def _send(group: str, event: dict) -> None:
    publish(group, event["type"], {key: value for key, value in event.items() if key != "type"})


def _announce(session: LiveSession, *ideas: Idea) -> None:
    """Tell boards and facilitators about these ideas once the transaction commits.

    Their tags are read once for both events (and not again when already prefetched).
    """
    prefetch_related_objects(list(ideas), "tags")
    for idea in ideas:
        _send(public_group(session), idea_event(idea, facilitator=False))
        _send(facilitators_group(session), idea_event(idea, facilitator=True))


def _next_sequence(session: LiveSession, *, must_be_open: bool) -> int:
    """Lock the session row and take its next number (inside the caller's transaction)."""
    locked = LiveSession.objects.select_for_update().only("sequence", "status").get(pk=session.pk)
    if must_be_open and locked.status != LiveSession.Status.OPEN:
        raise LiveError(_("This session is closed: it accepts no more ideas or votes."))
    locked.sequence += 1
    LiveSession.objects.filter(pk=session.pk).update(sequence=locked.sequence)
    return locked.sequence


# --- Participants ------------------------------------------------------------------------------


def clean_idea_text(value) -> str:
    text = WHITESPACE_RE.sub(" ", value if isinstance(value, str) else "").strip()
    if not text:
        raise LiveError(_("Write your idea first."))
    if len(text) > IDEA_MAX_LENGTH:
        raise LiveError(_("An idea has at most %(limit)d characters.") % {"limit": IDEA_MAX_LENGTH})
    return text


def _session_axis(session: LiveSession, value) -> Axis | None:
    """The axis a participant chose by its code, which must be one of the session's (in any language)."""
    if value in (None, ""):
        return None
    codes = {axis.code: axis for axis in session.axes.all()}
    if not isinstance(value, str) or value not in codes:
        raise LiveError(_("Choose one of the session's axes."))
    return codes[value]


def post_idea(session: LiveSession, participant: str, text, axis=None, client_key=None) -> Idea:
    """Post an idea; posting again with the same `client_key` returns the first one instead of a copy.

    The check for a copy is made with the session row locked, so two servers
    receiving the same post at once cannot both create it.
    """
    _count_against_participant(
        session, participant, "idea", IDEAS_PER_MINUTE, _("You are posting very fast: wait a minute.")
    )
    text = clean_idea_text(text)
    chosen_axis = _session_axis(session, axis)
    if not isinstance(client_key, str) or not CLIENT_KEY_RE.match(client_key):
        client_key = hashlib.sha256(f"{participant}|{text}".encode()).hexdigest()[:40]
    with transaction.atomic():
        sequence = _next_sequence(session, must_be_open=True)
        existing = session.ideas.filter(participant=participant, client_key=client_key).first()
        if existing is not None:  # announced again under its new number: every number has its event
            existing.sequence = sequence
            existing.save(update_fields=["sequence"])
            _announce(session, existing)
            return existing
        idea = Idea.objects.create(
            session=session,
            text=text,
            axis=chosen_axis,
            participant=participant,
            client_key=client_key,
            sequence=sequence,
        )
        _announce(session, idea)
    return idea


def vote(session: LiveSession, participant: str, idea_pk, address: str = "") -> Idea:
    """Add the participant's vote to an idea on the board; a second vote for it is refused.

    The voter's address is kept hashed on the vote, so that an idea receiving more than
    `LIVE_VOTE_BURST_VOTES` votes from one address within `LIVE_VOTE_BURST_SECONDS` (many
    fresh sessions in one browser, say) is flagged for the facilitators.
    """
    _count_against_participant(
        session, participant, "vote", VOTES_PER_MINUTE, _("You are voting very fast: wait a minute.")
    )
    hashed_address = address_hash(address)
    with transaction.atomic():
        sequence = _next_sequence(session, must_be_open=True)
        idea = _shown_idea(session, idea_pk)
        _vote, created = IdeaVote.objects.get_or_create(
            idea=idea, participant=participant, defaults={"address": hashed_address}
        )
        if not created:
            raise LiveError(_("You have already voted for this idea."))
        changes = {"votes": F("votes") + 1, "sequence": sequence}
        if hashed_address and _is_vote_burst(idea, hashed_address):
            changes["vote_burst"] = True
        Idea.objects.filter(pk=idea.pk).update(**changes)
        idea = ideas_of(session).get(pk=idea.pk)
        _announce(session, idea)
    return idea


def _is_vote_burst(idea: Idea, hashed_address: str) -> bool:
    since = timezone.now() - datetime.timedelta(seconds=settings.LIVE_VOTE_BURST_SECONDS)
    recent = IdeaVote.objects.filter(idea=idea, address=hashed_address, created_at__gte=since)
    return recent.count() > settings.LIVE_VOTE_BURST_VOTES


def _shown_idea(session: LiveSession, idea_pk) -> Idea:
    idea = _idea(session, idea_pk)
    if not idea.is_shown:
        raise LiveError(_("This idea is no longer on the board."))
    return idea


def _idea(session: LiveSession, idea_pk) -> Idea:
    if not isinstance(idea_pk, int) or isinstance(idea_pk, bool):
        raise LiveError(_("Say which idea."))
    idea = session.ideas.filter(pk=idea_pk).first()
    if idea is None:
        raise LiveError(_("This idea is not in this session."))
    return idea


# --- Facilitators ------------------------------------------------------------------------------


def _flag(field: str, value: bool) -> Callable[[LiveSession, dict], list[Idea]]:
    def change(session: LiveSession, content: dict) -> list[Idea]:
        idea = _idea(session, content.get("idea"))
        setattr(idea, field, value)
        idea.save(update_fields=[field])
        return [idea]

    return change


def _merge(session: LiveSession, content: dict) -> list[Idea]:
    """Merge an idea into another: it leaves the board, its votes join the other's (one per participant)."""
    idea = _idea(session, content.get("idea"))
    target = _idea(session, content.get("into"))
    while target.merged_into_id is not None:
        target = target.merged_into
    if target.pk == idea.pk:
        raise LiveError(_("An idea cannot be merged into itself."))
    already = IdeaVote.objects.filter(idea=target).values("participant")
    IdeaVote.objects.filter(idea=idea).exclude(participant__in=already).update(idea=target)
    IdeaVote.objects.filter(idea=idea).delete()
    followers = list(session.ideas.filter(merged_into=idea))
    Idea.objects.filter(pk__in=[follower.pk for follower in followers]).update(merged_into=target)
    idea.merged_into = target
    idea.save(update_fields=["merged_into"])
    target.votes = IdeaVote.objects.filter(idea=target).count()
    target.save(update_fields=["votes"])
    return [idea, target, *followers]


def _tag(session: LiveSession, content: dict) -> list[Idea]:
    idea = _idea(session, content.get("idea"))
    tags = content.get("tags")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise LiveError(_("Tags are a list of words."))
    tags = sorted({WHITESPACE_RE.sub(" ", tag).strip() for tag in tags} - {""})
    if len(tags) > MAX_TAGS or any(len(tag) > TAG_MAX_LENGTH for tag in tags):
        raise LiveError(
            _("At most %(count)d tags of %(length)d characters each.") % {"count": MAX_TAGS, "length": TAG_MAX_LENGTH}
        )
    idea.tags.set(tags)
    return [idea]


FACILITATOR_ACTIONS: dict[str, Callable[[LiveSession, dict], list[Idea]]] = {
    "hide": _flag("hidden", True),
    "show": _flag("hidden", False),
    "highlight": _flag("highlighted", True),
    "unhighlight": _flag("highlighted", False),
    "merge": _merge,
    "tag": _tag,
}


def moderate(session: LiveSession, action: str, content: dict) -> None:
    """Apply one facilitator's action (also on a closed session, to tidy up before promoting)."""
    change = FACILITATOR_ACTIONS.get(action)
    if change is None:
        raise LiveError(_("Unknown message type."))
    with transaction.atomic():
        sequence = _next_sequence(session, must_be_open=False)
        changed = change(session, content)
        Idea.objects.filter(pk__in=[idea.pk for idea in changed]).update(sequence=sequence)
        _announce(session, *ideas_of(session).filter(pk__in=[idea.pk for idea in changed]))


def set_status(session: LiveSession, status: str) -> None:
    """Close or reopen a session; every board and phone is told at once."""
    with transaction.atomic():
        sequence = _next_sequence(session, must_be_open=False)
        session.status = status
        session.closed_at = timezone.now() if status == LiveSession.Status.CLOSED else None
        session.save(update_fields=["status", "closed_at"])
        for group in (public_group(session), facilitators_group(session)):
            _send(group, session_event(session, sequence))


# --- From the room to the report ---------------------------------------------------------------


@dataclass
class Promotion:
    count: int
    published: bool


def promote(
    session: LiveSession,
    idea_pks: list[int],
    user,
    *,
    priority: str = Recommendation.Priority.MEDIUM,
    addressee: str = Recommendation.Addressee.COMMUNES,
) -> Promotion:
    """Turn the chosen ideas into recommendations of the session's workshop, in one revision.

    The recommendations are added to the page's latest revision, so a draft in
    progress is kept; the revision is published when the page had no unpublished
    changes and the user may publish it, otherwise it waits as a draft.
    """
    with transaction.atomic():
        workshop = WorkshopPage.objects.get(pk=session.workshop_id)
        sequence = _next_sequence(session, must_be_open=False)
        ideas = list(
            ideas_of(session)
            .filter(pk__in=idea_pks, promoted_to__isnull=True, hidden=False, merged_into__isnull=True)
            .order_by("-votes", "created_at")
        )
        if not ideas:
            raise LiveError(_("Choose at least one idea on the board that is not yet a recommendation."))
        permissions = workshop.permissions_for_user(user)
        if not permissions.can_edit():
            raise LiveError(_("You may not edit this workshop's page: ask an organiser to promote these ideas."))
        draft = workshop.get_latest_revision_as_object()
        axes = localized_in(Axis.objects.all(), [idea.axis_id for idea in ideas if idea.axis_id], workshop.locale_id)
        position = len(draft.recommendations.all())
        for offset, idea in enumerate(ideas):
            recommendation = Recommendation(
                text=idea.text,
                axis=axes.get(idea.axis_id),
                priority=priority,
                addressee=addressee,
                locale_id=workshop.locale_id,
                sort_order=position + offset,
            )
            draft.recommendations.add(recommendation)
            idea.promoted_to = recommendation.translation_key
            idea.sequence = sequence
        publishable = not workshop.has_unpublished_changes and permissions.can_publish()
        revision = draft.save_revision(user=user, log_action=True)
        if publishable:
            revision.publish(user=user)
        Idea.objects.bulk_update(ideas, ["promoted_to", "sequence"])
        _announce(session, *ideas)
    return Promotion(count=len(ideas), published=publishable)
