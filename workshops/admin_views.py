"""Admin screens for recommendations: follow-up notes (organisers) and uptake by communes.

Built on Wagtail's `ModelViewSet`: listing, create, edit, delete and history come
from it. What is added here is who sees what: a commune's editors list, add and
edit only their own commune's uptake (`permissions.UptakePermissionPolicy`), and
the forms offer only what the user may choose.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CommuneUptake, Recommendation, RecommendationUpdate, Status, WorkshopPage
from .models.recommendations import original_recommendations
from .permissions import UptakePermissionPolicy, communes_of


class RecommendationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.page.title} — {obj}"


def workshop_choices():
    seen: dict = {}
    for key, title in WorkshopPage.objects.order_by("pk").values_list("translation_key", "title"):
        seen.setdefault(str(key), title)
    return list(seen.items())


# --- Follow-up notes ---------------------------------------------------------------------------------


class RecommendationUpdateForm(WagtailAdminModelForm):
    recommendation = RecommendationChoiceField(
        label=_("Recommendation"), queryset=original_recommendations().select_related("page")
    )

    class Meta:
        model = RecommendationUpdate
        fields = ["recommendation", "date", "status", "note"]


class RecommendationUpdateFilterSet(WagtailFilterSet):
    workshop = django_filters.ChoiceFilter(
        label=_("Workshop"), field_name="recommendation__page__translation_key", choices=workshop_choices
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)

    class Meta:
        model = RecommendationUpdate
        fields = ["workshop", "status"]


class RecommendationUpdateViewSet(ModelViewSet):
    """Dated notes on what became of each recommendation; the latest gives its public status."""

    model = RecommendationUpdate
    name = "recommendation_updates"
    url_prefix = "workshops/recommendation-updates"
    icon = "history"
    menu_label = _("Follow-up")
    filterset_class = RecommendationUpdateFilterSet
    list_display = ["recommendation", "date", "status", "note"]
    search_fields = ["note", "recommendation__text"]
    search_backend_name = None
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return RecommendationUpdateForm

    def get_queryset(self, request):
        return RecommendationUpdate.objects.select_related("recommendation__page")


# --- Uptake by communes ---------------------------------------------------------------------------------


class CommuneUptakeForm(WagtailAdminModelForm):
    recommendation = RecommendationChoiceField(
        label=_("Recommendation"),
        queryset=original_recommendations().filter(addressee=Recommendation.Addressee.COMMUNES).select_related("page"),
    )

    class Meta:
        model = CommuneUptake
        fields = ["recommendation", "commune", "status", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = (
            communes_of(self.for_user) if self.for_user else self.fields["commune"].queryset.none()
        )

    def clean(self):
        cleaned = super().clean()
        recommendation, commune = cleaned.get("recommendation"), cleaned.get("commune")
        if recommendation and commune:
            duplicate = CommuneUptake.objects.filter(
                recommendation__translation_key=recommendation.translation_key,
                commune__translation_key=commune.translation_key,
            ).exclude(pk=self.instance.pk)
            if duplicate.exists():
                raise ValidationError(_("This commune's uptake of this recommendation is already recorded."))
        return cleaned


class OwnUptakeMixin:
    """Only the uptake the user may change can be opened at all (another commune's gives a 404)."""

    def get_queryset(self):
        return UptakePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")


class UptakeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            UptakePermissionPolicy()
            .instances_user_has_permission_for(self.request.user, "view")
            .select_related("recommendation__page", "commune")
        )


class UptakeEditView(OwnUptakeMixin, generic.EditView):
    pass


class UptakeDeleteView(OwnUptakeMixin, generic.DeleteView):
    pass


class CommuneUptakeViewSet(ModelViewSet):
    """Each commune says how it takes up the recommendations addressed to communes."""

    model = CommuneUptake
    name = "commune_uptake"
    url_prefix = "workshops/uptake"
    icon = "group"
    menu_label = _("Uptake by communes")
    index_view_class = UptakeIndexView
    edit_view_class = UptakeEditView
    delete_view_class = UptakeDeleteView
    list_display = ["commune", "recommendation", "status", "updated_at"]
    list_filter = ["status"]
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return CommuneUptakeForm


class RecommendationsViewSetGroup(ViewSetGroup):
    menu_label = _("Recommendations")
    menu_icon = "tasks"
    menu_order = 260
    items = (RecommendationUpdateViewSet, CommuneUptakeViewSet)
