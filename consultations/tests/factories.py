"""Factories for consultations: a page with every question type."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from consultations.models import ConsultationIndexPage, ConsultationPage, MemberInvitation, Question
from consultations.sample_questions import EVERY_QUESTION_TYPE


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
