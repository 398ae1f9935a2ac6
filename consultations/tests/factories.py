"""Factories for consultations: a page with every question type."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from consultations.models import ConsultationIndexPage, ConsultationPage, MemberInvitation, Question

EVERY_QUESTION_TYPE = [
    {
        "code": "intro",
        "field_type": "section",
        "label": "Votre commune",
        "help_text": "Quelques questions.",
        "required": False,
    },
    {"code": "name", "field_type": "short_text", "label": "Nom du projet", "max_length": 80},
    {"code": "story", "field_type": "long_text", "label": "Décrivez", "required": False},
    {
        "code": "axis",
        "field_type": "single_choice",
        "label": "Axe prioritaire",
        "choices": "competences | Compétences\nfinance | Ressources financières\nstaff | Ressources humaines",
        "allow_other": True,
    },
    {
        "code": "tools",
        "field_type": "multiple_choice",
        "label": "Outils utilisés",
        "choices": "budget | Budget participatif\npetitions | Pétitions\nyouth | Conseil des jeunes",
        "min_choices": 1,
        "max_choices": 2,
    },
    {"code": "plan", "field_type": "yes_no", "label": "Avez-vous un plan d'action ?"},
    {
        "code": "plan-year",
        "field_type": "number",
        "label": "Année d'adoption du plan",
        "min_value": 2015,
        "max_value": 2030,
        "show_if_code": "plan",
        "show_if_value": "yes",
    },
    {
        "code": "satisfaction",
        "field_type": "rating",
        "label": "Satisfaction",
        "min_value": 1,
        "max_value": 5,
        "min_label": "Faible",
        "max_label": "Forte",
    },
    {
        "code": "grid",
        "field_type": "matrix",
        "label": "Évaluez",
        "matrix_items": "transparency | Transparence\nparticipation | Participation",
        "min_value": 1,
        "max_value": 4,
        "required": False,
    },
    {
        "code": "priorities",
        "field_type": "ranking",
        "label": "Classez",
        "choices": "a | Eau\nb | Routes\nc | Écoles",
        "required": False,
    },
    {
        "code": "meeting",
        "field_type": "date",
        "label": "Date de la réunion",
        "min_date": datetime.date(2020, 1, 1),
        "max_date": datetime.date(2030, 12, 31),
        "required": False,
    },
    {"code": "contact", "field_type": "email", "label": "Courriel", "required": False},
    {
        "code": "report",
        "field_type": "file",
        "label": "Rapport",
        "allowed_extensions": "pdf, jpg, png",
        "max_file_megabytes": 1,
        "required": False,
    },
]


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "الاستشارات"
    slug = "consultations"

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    audience = ConsultationPage.Audience.PUBLIC

    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def questions(page, create, extracted, **kwargs):
        specs = EVERY_QUESTION_TYPE if extracted is None else extracted
        for order, spec in enumerate(specs):
            Question.objects.create(page=page, sort_order=order, **{"required": True, **spec})


class MemberInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberInvitation
