"""Factories for the ground floor's pages and snippets (wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import (
    CommuneIndexPage,
    CommunePage,
    ExperiencePage,
    HomePage,
    Mechanism,
    NewsIndexPage,
    NewsPage,
    SiteIdentity,
    StandardPage,
    Theme,
)


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "ar"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class MechanismFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"mechanism-{n}")
    name = factory.Sequence(lambda n: f"Mechanism {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Mechanism


class ThemeFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Theme {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Theme


class SiteIdentityFactory(factory.django.DjangoModelFactory):
    network_name = "الشبكة المغربية للحكامة التشاركية"
    tagline = "تبادل التجارب"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = SiteIdentity


class HomePageFactory(wagtail_factories.PageFactory):
    title = "الشبكة"
    slug = "home"

    class Meta:
        model = HomePage


class CommuneIndexPageFactory(wagtail_factories.PageFactory):
    title = "الجماعات الأعضاء"
    slug = "communes"
    show_in_menus = True

    class Meta:
        model = CommuneIndexPage


class CommunePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.Sequence(lambda n: f"commune-{n}")
    region = "Tanger-Tétouan-Al Hoceïma"
    province = "Tétouan"
    population = 380787
    date_joined = datetime.date(2015, 6, 24)
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = CommunePage


class ExperiencePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Experience {n}")
    slug = factory.Sequence(lambda n: f"experience-{n}")
    summary = "Un budget participatif."
    start_date = datetime.date(2022, 11, 14)
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = ExperiencePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "الأخبار"
    slug = "news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    intro = "اجتماع المكتب التنفيذي"
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    image = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = NewsPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "عن الشبكة"
    slug = "about"
    intro = "Une page."

    class Meta:
        model = StandardPage
