"""Live sessions of workshops: ideas posted from phones, shown on a board, moderated, voted, promoted.

Correctness comes from the database, not from the channel layer: every change
to a session (an idea posted, hidden, voted…) takes the session's next
`sequence` number inside the transaction that makes it, with the session row
locked, so numbers follow the order of commits. A board that reconnects sends
the last number it saw and gets every idea changed since, whatever the layer
dropped on the way.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .snippets import Axis

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read from a projector must not be misread.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
IDEA_MAX_LENGTH = 280


def new_join_code() -> str:
    """A random join code no session has (about 244 million codes of six characters)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))
        if not LiveSession.objects.filter(code=code).exists():
            return code


class LiveSession(models.Model):
    """A facilitator's live session on a workshop: a join code, a board, ideas from the room."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    workshop = models.ForeignKey(
        "workshops.WorkshopPage", verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="live_sessions"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("The question put to the room."))
    axes = models.ManyToManyField(
        Axis,
        verbose_name=_("axes"),
        blank=True,
        related_name="+",
        help_text=_("Participants may file their idea under one of these axes; the board groups ideas by axis."),
    )
    code = models.CharField(_("join code"), max_length=12, unique=True, default=new_join_code, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    sequence = models.PositiveBigIntegerField(_("last change"), default=0, editable=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class TaggedIdea(TaggedItemBase):
    content_object = models.ForeignKey("workshops.Idea", on_delete=models.CASCADE, related_name="tagged_items")


class Idea(models.Model):
    """A short idea posted in a live session by a participant without an account."""

    session = models.ForeignKey(
        LiveSession, verbose_name=_("live session"), on_delete=models.CASCADE, related_name="ideas"
    )
    text = models.CharField(_("idea"), max_length=IDEA_MAX_LENGTH)
    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    participant = models.CharField(_("participant"), max_length=64, editable=False)
    client_key = models.CharField(max_length=40, editable=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    highlighted = models.BooleanField(_("highlighted"), default=False)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    votes = models.PositiveIntegerField(_("votes"), default=0)
    vote_burst = models.BooleanField(
        _("votes in a burst from one address"),
        default=False,
        editable=False,
        help_text=_("Set when many of its votes came from one network address within a short time."),
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedIdea, blank=True)
    promoted_to = models.UUIDField(
        _("promoted to recommendation"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The translation key of the recommendation this idea became."),
    )
    sequence = models.PositiveBigIntegerField(editable=False, db_index=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["created_at", "pk"]
        constraints = [
            # A phone that resends after a dropped connection does not post twice.
            models.UniqueConstraint(fields=["session", "participant", "client_key"], name="idea_posted_once"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_shown(self) -> bool:
        return not self.hidden and self.merged_into_id is None


class IdeaVote(models.Model):
    """One participant's vote for an idea; the participant is a hash, never their session in clear."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="vote_records")
    participant = models.CharField(max_length=64)
    address = models.CharField(max_length=64, blank=True, editable=False)  # keyed hash (`live.address_hash`)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "participant"], name="one_vote_per_participant")]

    def __str__(self) -> str:
        return f"{self.idea_id} — {self.created_at:%Y-%m-%d %H:%M}" if self.created_at else str(self.idea_id)
