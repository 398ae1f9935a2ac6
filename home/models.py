"""Pages and snippets of the ground floor: the network, its members and its news.

`consultations` and `workshops` build on what is defined here (pages, blocks,
snippets, helpers) and never the other way round.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock
from .locales import locale_by_id
from .page_cache import PAGE_CACHE_TIMEOUT, cached_until_publication, key_until_publication

# --- Snippets -----------------------------------------------------------------


class NamedTranslatableSnippet(TranslatableMixin, models.Model):
    """A short translatable name with a stable code, used as a tag across the site."""

    code = models.SlugField(
        _("code"),
        max_length=80,
        help_text=_("A stable identifier, the same in every language (letters, digits, hyphens)."),
    )
    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Mechanism(NamedTranslatableSnippet):
    """A participatory mechanism a member practises: participatory budget, youth council…"""

    class Meta(NamedTranslatableSnippet.Meta):
        verbose_name = _("participatory mechanism")
        verbose_name_plural = _("participatory mechanisms")
        unique_together = [("translation_key", "locale"), ("code", "locale")]


class Theme(NamedTranslatableSnippet):
    """A public-policy theme (transparency, youth, local planning…) shared by all content."""

    class Meta(NamedTranslatableSnippet.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("code", "locale")]


class SiteIdentity(TranslatableMixin, models.Model):
    """The network's name, tagline and footer text, one translation per language."""

    network_name = models.CharField(_("network name"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("network_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self) -> str:
        return self.network_name


@register_setting(icon="site")
class NetworkSettings(BaseGenericSetting):
    """Contact details and social links, the same in every language."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    x_url = models.URLField(_("X (Twitter) account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")], _("Contact")),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("x_url"), FieldPanel("youtube_url")], _("Social networks")
        ),
    ]

    class Meta:
        verbose_name = _("network settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("Facebook", self.facebook_url), ("X", self.x_url), ("YouTube", self.youtube_url)]
        return [(name, url) for name, url in links if url]


def localized_snippets(snippets: models.QuerySet, locale_id: int) -> list:
    """The snippets of `snippets`, each in the locale `locale_id` where translated, in one query.

    Pages point at the snippets of the language they were written in; at render
    time the visitor's language is wanted. An untranslated snippet stays as it
    is; the order of `snippets` is kept.
    """
    model = snippets.model
    keys = snippets.values("translation_key")
    candidates = model.objects.filter(
        models.Q(translation_key__in=keys, locale_id=locale_id) | models.Q(pk__in=snippets.values("pk"))
    ).order_by(*snippets.query.order_by or ["pk"])
    chosen: dict = {}
    for snippet in candidates:
        if snippet.translation_key not in chosen or snippet.locale_id == locale_id:
            chosen[snippet.translation_key] = snippet
    return list(chosen.values())


# --- Pages ----------------------------------------------------------------------

# The rendition every listing card uses (includes/card.html): listings prefetch it
# so that a list of cards costs the same number of queries whatever its length.
CARD_IMAGE_FILTER = "fill-480x300"


def with_card_images(pages):
    """Prefetch each page's image and its card rendition in two queries."""
    return pages.prefetch_related(
        models.Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER))
    )


class BasePage(Page):
    """Every public page of the site."""

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permissions, except that deleting, moving and unpublishing are for organisers (`home.roles`)."""
        from .roles import RemovalNeedsBulkDelete

        return RemovalNeedsBulkDelete(user, self)

    @property
    def content_locale(self) -> Locale:
        """The language the page's content is written in.

        An alias shows another language's page unchanged: it keeps the original's
        language so that the `lang` and `dir` of its content are right.
        """
        if self.alias_of_id:
            return locale_by_id(Page.objects.values_list("locale_id", flat=True).get(pk=self.alias_of_id))
        return locale_by_id(self.locale_id)


class IndexPage(BasePage):
    """A section's front page under a language's home page: an introduction, then its listing."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class StandardPage(BasePage):
    """A plain page of text: about the network, legal notice, how to join…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class HomePage(BasePage):
    """The front page of one language: the network, then what is happening in it.

    Sections about consultations and workshops come from those apps through the
    `home_page_sections` hook, so that this app never imports them.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    news_count = models.PositiveSmallIntegerField(_("number of news items shown"), default=3)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("featured_experiences", label=_("Featured experiences"), max_num=6),
        FieldPanel("news_count"),
    ]
    # Child page types are not listed here: the apps above this one add their own
    # index pages under the home page, and each child type names its parents.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The featured experiences, the latest news and the members are the same for every visitor
        # until the next publication: the template keeps their HTML under `listings_key`, and these
        # lazy lists cost nothing when it is kept.
        context["listings_key"] = key_until_publication(
            f"home:listings:{self.pk}:{translation.get_language()}:{request.get_host()}"
        )
        context["listings_timeout"] = PAGE_CACHE_TIMEOUT
        context["featured_experiences"] = SimpleLazyObject(self.featured_experience_pages)
        context["latest_news"] = with_card_images(NewsPage.objects.live().descendant_of(self).order_by("-date"))[
            : self.news_count
        ]
        context["members"] = (
            CommunePage.objects.live()
            .descendant_of(self)
            .order_by("title")
            .only("title", "url_path", "path", "depth", "locale_id")
        )
        context["sections"] = [
            section
            for make_section in hooks.get_hooks("home_page_sections")
            if (section := make_section(request, self)) is not None
        ]
        return context

    def featured_experience_pages(self) -> list[ExperiencePage]:
        """The live featured experiences in the editors' order, with their card images."""
        featured_ids = list(self.featured_experiences.values_list("page_id", flat=True))
        featured = with_card_images(ExperiencePage.objects.live().filter(pk__in=featured_ids)).in_bulk()
        return [featured[pk] for pk in featured_ids if pk in featured]


class FeaturedExperience(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_experiences", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "home.ExperiencePage", verbose_name=_("experience"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]


class CommuneIndexPage(IndexPage):
    """The list of member communes and councils, filterable by region, kind and mechanism."""

    subpage_types = ["home.CommunePage"]

    class Meta:
        verbose_name = _("member index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = with_card_images(CommunePage.objects.child_of(self).live().order_by("title"))
        mechanisms = localized_snippets(
            Mechanism.objects.filter(communes__in=members).distinct().order_by("name"), self.locale_id
        )
        mechanism_code = request.GET.get("mechanism", "")
        kind = request.GET.get("kind", "")
        if mechanism_code:
            members = members.filter(mechanisms__code=mechanism_code).distinct()
        if kind in CommunePage.Kind.values:
            members = members.filter(kind=kind)
        # The cards are the same for every visitor until the next publication: the template keeps
        # their HTML for each choice of filters, only for filters the page offers.
        offered = {"", *(mechanism.code for mechanism in mechanisms)}
        known = mechanism_code in offered and kind in {"", *CommunePage.Kind.values}
        context.update(
            listing_key=key_until_publication(
                f"home:members:{self.pk}:{translation.get_language()}:{request.get_host()}:{kind}:{mechanism_code}"
            ),
            listing_timeout=PAGE_CACHE_TIMEOUT if known else 0,
            members=members,
            mechanisms=mechanisms,
            kinds=CommunePage.Kind.choices,
            selected_mechanism=mechanism_code,
            selected_kind=kind,
        )
        return context


class CommunePage(BasePage):
    """A member of the network: a commune, or a province or prefecture council."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        PROVINCE = "province", _("Province council")
        PREFECTURE = "prefecture", _("Prefecture council")

    kind = models.CharField(_("kind of member"), max_length=20, choices=Kind.choices, default=Kind.COMMUNE)
    intro = models.TextField(_("introduction"), blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    province = models.CharField(_("province or prefecture"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    date_joined = models.DateField(_("member since"), null=True, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    mechanisms = ParentalManyToManyField(
        Mechanism, verbose_name=_("participatory mechanisms"), blank=True, related_name="communes"
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("province")]),
                FieldRowPanel([FieldPanel("population"), FieldPanel("date_joined")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            _("Territory"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("website"), FieldPanel("address")],
            _("Contact"),
        ),
        FieldPanel("mechanisms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("region"),
        index.SearchField("province"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["home.CommuneIndexPage"]
    subpage_types = ["home.ExperiencePage"]

    class Meta:
        verbose_name = _("member commune or council")
        verbose_name_plural = _("member communes and councils")

    def group_for_editors(self):
        """The group whose members may edit and publish this member's pages."""
        from .roles import commune_editor_group

        return commune_editor_group(self)

    def clean(self):
        super().clean()
        if self.date_joined and self.date_joined > timezone.localdate():
            raise ValidationError({"date_joined": _("The date of joining cannot be in the future.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["mechanisms"] = self.localized_mechanisms()
        context["experiences"] = with_card_images(ExperiencePage.objects.child_of(self).live().order_by("-start_date"))
        context["other_pages"] = self.other_pages()
        return context

    def localized_mechanisms(self) -> list[Mechanism]:
        """The member's mechanisms in the page's language, by name, kept until the next publication.

        Kept under the mechanisms' own keys, so a preview's unsaved choice never replaces the copy
        visitors see; saving or deleting a mechanism purges the page cache, and with it this copy.
        """
        pks = sorted(self.mechanisms.values_list("pk", flat=True))
        if not pks:
            return []
        return cached_until_publication(
            f"home:mechanisms:{self.locale_id}:{','.join(map(str, pks))}",
            lambda: localized_snippets(Mechanism.objects.filter(pk__in=pks).order_by("name"), self.locale_id),
        )

    def other_pages(self) -> list[tuple[str, list[Page]]]:
        """The member's other public pages (its action plans, minutes…) as (type's plural name, pages).

        The apps above this one add their own child types to a member page
        (`subpage_types`); listing the children by their type's name links to
        them without this app naming those types. Types come in the order of
        `subpage_types`, pages newest first. Kept until the next publication.
        """

        def build():
            order = {model: position for position, model in enumerate(self.specific_class.allowed_subpage_models())}
            children = (
                Page.objects.child_of(self)
                .live()
                .not_type(ExperiencePage)
                .filter(view_restrictions__isnull=True)
                .order_by("-first_published_at", "path")
                .only("title", "url_path", "path", "depth", "locale_id", "content_type_id")
            )
            groups: dict = {}
            for child in children:
                if child.specific_class is not None:
                    groups.setdefault(child.specific_class, []).append(child)
            ordered = sorted(groups.items(), key=lambda group: order.get(group[0], len(order)))
            return [(str(model._meta.verbose_name_plural), pages) for model, pages in ordered]

        return cached_until_publication(f"home:member-pages:{self.pk}", build)


class ExperiencePage(BasePage):
    """A participatory practice a member publishes: what was done, when, with which results."""

    summary = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("mechanism"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty if it is ongoing."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    results = RichTextField(_("results"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("mechanism"), FieldPanel("theme")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("body"),
        FieldPanel("results"),
        InlinePanel("documents", label=_("Documents to download")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("results"),
    ]
    parent_page_types = ["home.CommunePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("participatory experience")
        verbose_name_plural = _("participatory experiences")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["labels"] = self.labels()
        context["documents"] = self.documents.select_related("document")
        return context

    def labels(self) -> list[NamedTranslatableSnippet]:
        """The page's mechanism and theme in the page's language, kept until the next publication.

        Saving a mechanism or a theme purges the page cache, and with it this copy.
        """

        def build():
            return [
                *localized_snippets(Mechanism.objects.filter(pk=self.mechanism_id), self.locale_id),
                *localized_snippets(Theme.objects.filter(pk=self.theme_id), self.locale_id),
            ]

        if self.mechanism_id is None and self.theme_id is None:
            return []
        return cached_until_publication(f"home:labels:{self.mechanism_id}:{self.theme_id}:{self.locale_id}", build)


class ExperienceDocument(Orderable):
    page = ParentalKey(ExperiencePage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Defaults to the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class NewsIndexPage(IndexPage):
    """The network's news, newest first, ten a page; also served as RSS and Atom feeds."""

    per_page = 10
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return with_card_images(NewsPage.objects.child_of(self).live().order_by("-date", "-pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = Paginator(self.news(), self.per_page).get_page(request.GET.get("page"))
        return context


class NewsPage(BasePage):
    """A news item: a board meeting, an agreement signed, a visit."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


# --- Roles ------------------------------------------------------------------------


class CommuneEditorGroup(models.Model):
    """The group whose members edit one commune's pages, in every language.

    A commune's translations are separate pages in separate trees; they share a
    `translation_key`, which is what this group is attached to.
    """

    commune_key = models.UUIDField(_("commune translation key"), unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="commune_editors")

    class Meta:
        verbose_name = _("commune editor group")

    def __str__(self) -> str:
        return self.group.name
