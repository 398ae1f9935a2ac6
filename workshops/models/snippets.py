"""Snippets organisers manage: the organisations behind events, and the axes of recommendations."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.models import TranslatableMixin

from home.models import NamedTranslatableSnippet

LOGO_FILTER = "max-160x80"


class Organisation(TranslatableMixin, models.Model):
    """A body that organises or supports events: a ministry, a partner agency, an association."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("logo"), FieldPanel("website")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Axis(NamedTranslatableSnippet):
    """An axis recommendations and commitments are grouped by: transparency, financial resources…"""

    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Axes are listed in this order.")
    )

    panels = NamedTranslatableSnippet.panels + [FieldPanel("sort_order")]

    class Meta(NamedTranslatableSnippet.Meta):
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]


def localized_in(queryset, pks, locale_id: int) -> dict:
    """{pk: that object's translation in `locale_id` (or the object itself)} for `pks`, in one query.

    `queryset` may carry `select_related`/`prefetch_related` for what the
    caller shows; they apply to the translations too.
    """
    if not pks:
        return {}
    model = queryset.model
    keys = model.objects.filter(pk__in=pks).values("translation_key")
    candidates = list(queryset.filter(models.Q(pk__in=pks) | models.Q(translation_key__in=keys, locale_id=locale_id)))
    translated = {obj.translation_key: obj for obj in candidates if obj.locale_id == locale_id}
    return {obj.pk: translated.get(obj.translation_key, obj) for obj in candidates if obj.pk in set(pks)}


def organisations_with_logos():
    """Organisations with their logo and its rendition, for listings."""
    return Organisation.objects.prefetch_related(
        models.Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_FILTER))
    )
