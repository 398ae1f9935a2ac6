"""Admin registrations of consultations: responses, member links, dashboard panel, home section."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import django_filters
from django.db.models import Min, Q
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from home.locales import active_locale
from home.models import CommunePage
from home.paginators import CappedPaginator

from . import views
from .models import ConsultationPage, Held, MemberInvitation, Proposal, Response, ResponseCount


def consultation_choices():
    """(translation key, title) of every consultation, in the source language of each."""
    seen = {}
    for key, title in ConsultationPage.objects.order_by("pk").values_list("translation_key", "title"):
        seen.setdefault(str(key), title)
    return list(seen.items())


class ResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ChoiceFilter(
        label=_("Consultation"), field_name="consultation_key", choices=consultation_choices
    )
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Response.Channel.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=[("ar", "العربية"), ("fr", "Français"), ("en", "English")]
    )
    submit_time = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    is_spam = django_filters.BooleanFilter(label=_("Spam"))
    held = django_filters.ChoiceFilter(label=_("Held for checking"), choices=Held.choices)

    class Meta:
        model = Response
        fields = ["consultation", "member", "channel", "language", "submit_time", "is_spam", "held"]


def erase_button(url: str) -> ListingButton:
    """The listing's entry to the right to erasure (its page asks for confirmation)."""
    return ListingButton(_("Erase personal data"), url=url, icon_name="warning", priority=80)


class ResponseIndexView(IndexView):
    """The listing, with export links that carry its filters and, for one consultation, its live count."""

    results_template_name = "consultations/admin/response_index_results.html"
    paginator_class = CappedPaginator

    @cached_property
    def consultation_key(self) -> uuid.UUID | None:
        """The consultation the listing is filtered on (a valid choice of its filter), if any."""
        chosen = self.filters.form.cleaned_data.get("consultation") if self.filters and self.filters.is_valid() else ""
        return uuid.UUID(chosen) if chosen else None

    def get_table(self, object_list):
        """The page's responses, each given its consultation from one query (not one per row)."""
        responses = list(object_list)
        keys = {response.consultation_key for response in responses}
        first_written = {}
        for page in ConsultationPage.objects.filter(translation_key__in=keys).order_by("-pk"):
            first_written[page.translation_key] = page  # the lowest pk is kept: as `consultation_for_key`
        for response in responses:
            response.consultation = first_written.get(response.consultation_key)
        return super().get_table(responses)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.consultation_key:
            context["live_counter"] = ResponseCount.of([self.consultation_key])[self.consultation_key]
        return context

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        query = self.request.GET.urlencode()
        if self.consultation_key and self.request.user.has_perm("consultations.change_response"):
            release_url = f"{reverse('consultation_responses:release_held')}?consultation={self.consultation_key}"
            buttons.append(Button(_("Release every held answer"), url=release_url, icon_name="tick", priority=40))
        if self.request.GET.get("consultation"):
            export_url = reverse("consultation_responses:export")
            for label, options in (
                (_("Export to Excel, headers in Arabic"), "export_format=xlsx&header_language=ar"),
                (_("Export to Excel, headers in French"), "export_format=xlsx&header_language=fr"),
                (_("Export to Excel, headers in English"), "export_format=xlsx&header_language=en"),
                (_("Export to Excel, choices joined in one column"), "export_format=xlsx&multiple_choice=joined"),
                (_("Export to CSV"), "export_format=csv"),
            ):
                buttons.append(Button(label, url=f"{export_url}?{query}&{options}", icon_name="download", priority=50))
            buttons.append(
                Button(
                    _("Prepare a large export in the background"),
                    url=f"{reverse('consultation_responses:export_background')}?{query}",
                    icon_name="download",
                    priority=51,
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.held and self.request.user.has_perm("consultations.change_response"):
            buttons.append(
                ListingButton(
                    _("Release: it counts"),
                    url=reverse("consultation_responses:release_held", args=[instance.pk]),
                    icon_name="tick",
                    priority=5,
                )
            )
        if self.request.user.has_perm("consultations.delete_response"):
            buttons.append(erase_button(reverse("consultation_responses:erase", args=[instance.pk])))
        return buttons


class ResponseViewSet(ModelViewSet):
    """Responses of every consultation; filter by consultation to see one's, and export them."""

    model = Response
    index_view_class = ResponseIndexView
    name = "consultation_responses"
    url_prefix = "consultations/responses"
    icon = "form"
    menu_label = _("Responses")
    filterset_class = ResponseFilterSet
    list_display = ["__str__", "consultation_title", "channel", "language", "submit_time", "is_spam", "held"]
    search_fields = ["respondent_name", "respondent_email", "respondent_commune", "member__title"]
    search_backend_name = None
    form_fields = ["member", "channel", "respondent_name", "respondent_email", "respondent_commune", "is_spam", "held"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation_title",
        "member",
        "channel",
        "language",
        "submit_time",
        "updated_at",
        "respondent_name",
        "respondent_email",
        "respondent_commune",
        "consent_given_at",
        "is_spam",
        "held",
        "answers_table",
    ]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return Response.objects.select_related("member")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("answers/<int:pk>/", views.edit_answers, name="edit_answers"),
            path("export/", views.export_responses, name="export"),
            path("export/background/", views.start_background_export, name="export_background"),
            path("export/job/<int:pk>/", views.export_job, name="export_job"),
            path("export/job/<int:pk>/download/", views.download_export, name="export_download"),
            path("export/job/<int:pk>/again/", views.start_export_again, name="export_again"),
            path("import/<int:page_id>/", views.import_files, name="import"),
            path("enter/<int:page_id>/", views.enter_paper_response, name="enter"),
            path("file/<int:pk>/<slug:code>/", views.answer_file, name="answer_file"),
            path("erase/<int:pk>/", views.erase_response, name="erase"),
            path("release/", views.release_held_answers, name="release_held"),
            path("release/<int:pk>/", views.release_held_answers, name="release_held"),
        ]


class MemberInvitationFilterSet(WagtailFilterSet):
    consultation = django_filters.ChoiceFilter(
        label=_("Consultation"), field_name="consultation_key", choices=consultation_choices
    )

    class Meta:
        model = MemberInvitation
        fields = ["consultation", "member"]


class MemberInvitationViewSet(ModelViewSet):
    """Private answer links of member councils: copy them, send them, revoke them."""

    model = MemberInvitation
    name = "consultation_member_links"
    url_prefix = "consultations/member-links"
    icon = "link"
    menu_label = _("Member links")
    filterset_class = MemberInvitationFilterSet
    list_display = ["member", "consultation_title", "answer_link", "sent_at", "revoked_at"]
    form_fields = ["revoked_at"]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return MemberInvitation.objects.select_related("member")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("create/<int:page_id>/", views.create_member_links, name="create_for"),
            path("send/<int:page_id>/", views.send_member_links, name="send_for"),
        ]


class ProposalEditView(EditView):
    """Publishing, rejecting or merging tells the author and moves the supports."""

    def save_instance(self):
        previous = Proposal.objects.get(pk=self.object.pk).status
        proposal = super().save_instance()
        if proposal.status != previous:
            proposal.notify_author()
            proposal.merge_supports()
        return proposal


class ProposalIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("consultations.delete_proposal"):
            buttons.append(erase_button(reverse("consultation_proposals:erase", args=[instance.pk])))
        return buttons

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Export to Excel"), url=reverse("consultation_proposals:export"), icon_name="download", priority=50
            ),
        ]


class ProposalViewSet(ModelViewSet):
    """The moderation queue of citizen proposals (Moderators and organisers)."""

    model = Proposal
    name = "consultation_proposals"
    url_prefix = "consultations/proposals"
    icon = "comment"
    menu_label = _("Proposals")
    list_display = [
        "title",
        "status",
        "commune",
        "supports",
        Column("attachment_link", label=_("attachment")),
        "created_at",
        "held",
    ]
    list_filter = ["status", "held", "language"]
    search_fields = ["title", "description", "author_name"]
    search_backend_name = None
    edit_view_class = ProposalEditView
    index_view_class = ProposalIndexView
    add_to_admin_menu = False

    def get_queryset(self, request):
        return Proposal.objects.select_related("commune")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/", views.export_proposals, name="export"),
            path("attachment/<int:pk>/", views.proposal_attachment, name="attachment"),
            path("erase/<int:pk>/", views.erase_proposal_author, name="erase"),
        ]


class ConsultationsViewSetGroup(ViewSetGroup):
    menu_label = _("Consultations")
    menu_icon = "form"
    menu_order = 250
    items = (ResponseViewSet, MemberInvitationViewSet, ProposalViewSet)


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    from .erasure import ERASE_ACTION, ERASE_ACTION_LABELS

    actions.register_action(ERASE_ACTION, *ERASE_ACTION_LABELS)
    actions.register_action(views.RELEASE_ACTION, _("Release a held answer"), _("Held answer released: it counts"))


@hooks.register("register_admin_viewset")
def register_consultation_viewsets():
    return ConsultationsViewSetGroup()


# --- Dashboard ------------------------------------------------------------------


class OpenConsultationsPanel(Component):
    """On the admin dashboard: each open consultation, its responses, and members yet to answer."""

    name = "open_consultations"
    order = 50
    template_name = "consultations/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        locale = active_locale()
        pages = list(
            ConsultationPage.objects.filter(opens_at__lte=now, closes_at__gt=now, locale=locale).order_by("closes_at")
        )
        keys = [page.translation_key for page in pages]
        counters = ResponseCount.of(keys)
        answered: dict = {}
        for key, member_id in Response.objects.filter(consultation_key__in=keys, member__isnull=False).values_list(
            "consultation_key", "member__translation_key"
        ):
            answered.setdefault(key, set()).add(member_id)
        members = list(
            CommunePage.objects.filter(locale=locale).order_by("title").values_list("title", "translation_key")
        )
        rows = [
            {
                "page": page,
                "counter": counters[page.translation_key],
                "missing": [title for title, key in members if key not in answered.get(page.translation_key, set())]
                if page.audience == ConsultationPage.Audience.MEMBERS
                else None,
                "responses_url": f"{reverse('consultation_responses:index')}?consultation={page.translation_key}",
            }
            for page in pages
        ]
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_open_consultations_panel(request, panels):
    if request.user.has_perm("consultations.view_response"):
        panels.append(OpenConsultationsPanel())


# --- The public home page ------------------------------------------------------------


@dataclass
class OpenConsultationsSection:
    consultations: list
    template: str = "consultations/includes/home_section.html"


@hooks.register("home_page_sections")
def open_consultations_section(request, home_page):
    consultations = list(ConsultationPage.open_in(home_page.locale_id)[:3])
    return OpenConsultationsSection(consultations) if consultations else None


# --- Buttons on a consultation's page in the admin ---------------------------------------


@hooks.register("register_page_header_buttons")
def consultation_page_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, ConsultationPage) or not user.has_perm("consultations.view_response"):
        return
    key = page.translation_key
    actions = [
        (_("Import filled questionnaires"), reverse("consultation_responses:import", args=[page.pk]), "upload"),
        (_("Type in a paper questionnaire"), reverse("consultation_responses:enter", args=[page.pk]), "edit"),
        (_("Responses"), f"{reverse('consultation_responses:index')}?consultation={key}", "form"),
    ]
    if page.specific_deferred.audience == ConsultationPage.Audience.MEMBERS:
        actions += [
            (_("Member links"), f"{reverse('consultation_member_links:index')}?consultation={key}", "link"),
            (_("Create member links"), reverse("consultation_member_links:create_for", args=[page.pk]), "plus"),
            (_("Send member links by e-mail"), reverse("consultation_member_links:send_for", args=[page.pk]), "mail"),
        ]
    for priority, (label, url, icon) in enumerate(actions, start=88):
        yield Button(label, url=url, icon_name=icon, priority=priority)


@hooks.register("load_demo")
def load_consultations_demo(home, stdout=None):
    from .demo import build

    build(home, stdout)


@hooks.register("insert_global_admin_js")
def live_response_counts_js():
    """Dashboard panels and listings that show response counts keep them live."""
    return format_html(
        '<script src="{}" defer></script><script src="{}" defer></script>',
        static("js/live.js"),
        static("consultations/live_counts.js"),
    )


@hooks.register("page_cache_next_change")
def next_opening_or_closing():
    """Consultations show as open or closed by the clock: the cached pages go when the next one turns."""
    now = timezone.now()
    moments = ConsultationPage.objects.live().aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)), closes=Min("closes_at", filter=Q(closes_at__gt=now))
    )
    return min((moment for moment in moments.values() if moment), default=None)
