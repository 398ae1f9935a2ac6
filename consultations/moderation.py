"""Why a citizen's input waits for a person before it counts, instead of being thrown away."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Held(models.TextChoices):
    """The reason an answer or a proposal is held for checking (blank: it is not)."""

    MANY_FROM_ONE_ADDRESS = "address", _("Many answers from one address")
    HIDDEN_FIELD = "hidden", _("A field hidden from people was filled in")


def held_field(help_text) -> models.CharField:
    """The `held` field of a model whose records may wait for a person: a `Held` reason, or blank."""
    return models.CharField(
        _("held for checking"), max_length=10, choices=Held.choices, blank=True, help_text=help_text
    )
