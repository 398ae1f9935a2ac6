"""Admin screens: follow-up of recommendations (organisers), uptake by communes, live sessions.

Built on Wagtail's `ModelViewSet`: listing, create, edit, delete and history come
from it. What is added here is who sees what: a commune's editors list, add and
edit only their own commune's uptake (`permissions.UptakePermissionPolicy`), and
the forms offer only what the user may choose.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale

from home.spreadsheets import xlsx_response

from . import live
from .models import Axis, CommuneUptake, LiveSession, Recommendation, RecommendationUpdate, Status, WorkshopPage
from .models.recommendations import original_recommendations
from .permissions import UptakePermissionPolicy, communes_of
from .views import board_context


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


class OwnUptakeObjectMixin:
    """The same for the history and usage views, which list log entries or references, not uptake."""

    def get_base_object_queryset(self):
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


class UptakeHistoryView(OwnUptakeObjectMixin, generic.HistoryView):
    pass


class UptakeUsageView(OwnUptakeObjectMixin, generic.UsageView):
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
    history_view_class = UptakeHistoryView
    usage_view_class = UptakeUsageView
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


# --- Live sessions ------------------------------------------------------------------------------------


class LiveSessionForm(WagtailAdminModelForm):
    """Axes are offered in the admin user's language (they are matched by code in every language)."""

    class Meta:
        model = LiveSession
        fields = ["workshop", "title", "axes"]
        widgets = {
            "workshop": AdminPageChooser(target_models=[WorkshopPage]),
            "axes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["axes"].queryset = Axis.objects.filter(locale=locale)
        if self.instance.pk:  # the session's axes, whatever language they were chosen in
            keys = self.instance.axes.values("translation_key")
            self.initial["axes"] = list(Axis.objects.filter(locale=locale, translation_key__in=keys))


class LiveSessionCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        workshop = WorkshopPage.objects.filter(pk=self.request.GET.get("workshop") or None).first()
        if workshop is not None:
            initial["workshop"] = workshop
        return initial

    def save_instance(self):
        self.form.instance.opened_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("live_sessions:facilitate", args=[self.object.pk])


class PromoteForm(forms.Form):
    ideas = forms.TypedMultipleChoiceField(coerce=int, label=_("Ideas"))
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Recommendation.Priority.choices, initial=Recommendation.Priority.MEDIUM
    )
    addressee = forms.ChoiceField(
        label=_("Addressed to"), choices=Recommendation.Addressee.choices, initial=Recommendation.Addressee.COMMUNES
    )

    def __init__(self, *args, session: LiveSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].choices = [(pk, pk) for pk in session.ideas.values_list("pk", flat=True)]
        self.fields["ideas"].error_messages["required"] = _("Choose the ideas to promote.")


class FacilitateView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """The facilitator's view of a session: every idea, moderation, closing, promotion into recommendations.

    Works with plain forms; `workshops/static/workshops/live_facilitate.js` sends the same
    actions over the session's WebSocket and follows the board live.
    """

    model = LiveSession
    permission_required = "change"
    template_name = "workshops/live/facilitate.html"
    header_icon = "comment"
    index_url_name = "live_sessions:index"

    def get_page_title(self):
        return _("Live session")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": LiveSession._meta.verbose_name_plural},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(board_context(self.object, facilitator=True))
        context["promote_form"] = kwargs.get("promote_form") or PromoteForm(session=self.object)
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        try:
            if action in ("close", "reopen"):
                status = LiveSession.Status.CLOSED if action == "close" else LiveSession.Status.OPEN
                live.set_status(self.object, status)
            elif action == "promote":
                return self.promote()
            else:
                live.moderate(self.object, action, self.action_content())
        except live.LiveError as refusal:
            messages.error(request, refusal.message)
        return redirect(reverse("live_sessions:facilitate", args=[self.object.pk]))

    def action_content(self) -> dict:
        """A form's action in the shape of the WebSocket message it stands for."""
        post = self.request.POST
        numbers = {name: int(post[name]) for name in ("idea", "into") if post.get(name, "").isdigit()}
        return {**numbers, "tags": post.get("tags", "").split(",")}

    def promote(self):
        form = PromoteForm(self.request.POST, session=self.object)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(promote_form=form))
        promotion = live.promote(
            self.object,
            form.cleaned_data["ideas"],
            self.request.user,
            priority=form.cleaned_data["priority"],
            addressee=form.cleaned_data["addressee"],
        )
        if promotion.published:
            text = ngettext(
                "%(count)d idea became a recommendation of the workshop, published.",
                "%(count)d ideas became recommendations of the workshop, published.",
                promotion.count,
            )
        else:
            text = ngettext(
                "%(count)d idea became a recommendation in a draft of the workshop page, to review and publish.",
                "%(count)d ideas became recommendations in a draft of the workshop page, to review and publish.",
                promotion.count,
            )
        messages.success(self.request, text % {"count": promotion.count})
        return redirect(reverse("live_sessions:facilitate", args=[self.object.pk]))


class LiveSessionExportView(PermissionCheckedMixin, BaseObjectMixin, View):
    """Every idea of a session, with its votes, axis, tags and fate, as a workbook."""

    model = LiveSession
    permission_required = "change"

    def get(self, request, *args, **kwargs):
        from .exports import live_session_xlsx

        language = translation.get_language()
        filename = f"live-session-{self.object.code}-{timezone.localdate():%Y-%m-%d}.xlsx"
        return xlsx_response(lambda target: live_session_xlsx(self.object, language, target), filename)


class LiveSessionViewSet(ModelViewSet):
    """Live sessions of workshops: opened here, run from the facilitator's view."""

    model = LiveSession
    name = "live_sessions"
    url_prefix = "workshops/live-sessions"
    icon = "comment"
    menu_label = _("Live sessions")
    menu_order = 257
    add_to_admin_menu = True
    add_view_class = LiveSessionCreateView
    list_display = ["title", "workshop", "code", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "code"]
    search_backend_name = None
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return LiveSessionForm

    def get_queryset(self, request):
        return LiveSession.objects.select_related("workshop")

    def get_urlpatterns(self):
        view_kwargs = {"permission_policy": self.permission_policy}
        return super().get_urlpatterns() + [
            path("<int:pk>/facilitate/", FacilitateView.as_view(**view_kwargs), name="facilitate"),
            path("<int:pk>/export/", LiveSessionExportView.as_view(**view_kwargs), name="export"),
        ]
