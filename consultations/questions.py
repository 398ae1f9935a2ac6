"""Question types of consultations and the Django form fields that ask them.

Wagtail's form builder maps each question's `field_type` to a `create_<type>_field`
method; `ConsultationFormBuilder` adds the types a consultation needs (rating
scale, matrix, ranking, yes/no, file upload, section heading) to the ones it has.
Every answer is stored under the question's stable `code` with a stable value
(choice codes, not labels), so the Arabic, French and English pages of one
consultation share one set of responses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from .uploads import AnswerFileField, store_answer_file

OTHER = "other"
MAX_TEXT_LENGTH = 5000


class QuestionType(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    YES_NO = "yes_no", _("Yes / no")
    RATING = "rating", _("Rating scale")
    MATRIX = "matrix", _("Matrix (several items on one scale)")
    RANKING = "ranking", _("Ranking")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    EMAIL = "email", _("E-mail address")
    FILE = "file", _("File upload")
    SECTION = "section", _("Section heading (no answer)")


CHOICE_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.RANKING}


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


def parse_choices(text: str) -> list[Choice]:
    """One choice per line, written `code | label`; a line without `|` uses its position as code."""
    choices = []
    for position, line in enumerate((line.strip() for line in text.splitlines() if line.strip()), start=1):
        code, separator, label = line.partition("|")
        choices.append(Choice(code.strip(), label.strip()) if separator else Choice(str(position), line))
    return choices


class RadioSelect(forms.RadioSelect):
    """Radio buttons without the empty option, with each input's `dir` following its text."""

    option_template_name = "consultations/widgets/input_option.html"


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    option_template_name = "consultations/widgets/input_option.html"


class MatrixWidget(forms.MultiWidget):
    template_name = "consultations/widgets/matrix.html"

    def __init__(self, items: list[Choice], scale: list[tuple[str, str]], attrs=None):
        self.items = items
        super().__init__([RadioSelect(choices=scale) for _item in items], attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(item.code) for item in self.items]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["rows"] = list(zip(self.items, context["widget"]["subwidgets"], strict=True))
        return context


class MatrixField(forms.MultiValueField):
    """Several items rated on one scale: the answer is `{item code: rating}`."""

    def __init__(self, items: list[Choice], low: int, high: int, *, required: bool, **kwargs):
        self.items = items
        scale = [(str(value), str(value)) for value in range(low, high + 1)]
        fields = [forms.TypedChoiceField(choices=scale, coerce=int, required=required) for _item in items]
        super().__init__(
            fields, widget=MatrixWidget(items, scale), require_all_fields=required, required=required, **kwargs
        )

    def compress(self, data_list):
        if not data_list:
            return {}
        return {item.code: value for item, value in zip(self.items, data_list, strict=True) if value not in (None, "")}


class RankingWidget(forms.MultiWidget):
    template_name = "consultations/widgets/ranking.html"

    def __init__(self, options: list[Choice], attrs=None):
        self.options = options
        ranks = [("", "—")] + [(str(rank), str(rank)) for rank in range(1, len(options) + 1)]
        super().__init__([forms.Select(choices=ranks) for _option in options], attrs)

    def decompress(self, value):
        order = list(value or [])
        return [str(order.index(option.code) + 1) if option.code in order else "" for option in self.options]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["rows"] = list(zip(self.options, context["widget"]["subwidgets"], strict=True))
        return context


class RankingField(forms.MultiValueField):
    """Order the options: one rank per option, each rank used once; the answer is the codes in order."""

    default_error_messages = {
        "duplicate": _("Give each rank only once."),
        "incomplete": _("Rank every option."),
    }

    def __init__(self, options: list[Choice], *, required: bool, **kwargs):
        self.options = options
        count = len(options)
        fields = [
            forms.IntegerField(
                min_value=1,
                max_value=count,
                required=False,
                error_messages={
                    "min_value": _("Ranks go from 1 to %(limit_value)s.") % {"limit_value": count},
                    "max_value": _("Ranks go from 1 to %(limit_value)s.") % {"limit_value": count},
                },
            )
            for _option in options
        ]
        super().__init__(fields, widget=RankingWidget(options), require_all_fields=False, required=required, **kwargs)

    def compress(self, data_list):
        ranks = [rank for rank in (data_list or []) if rank is not None]
        if not ranks:
            return []
        if len(set(ranks)) != len(ranks):
            raise ValidationError(self.error_messages["duplicate"], code="duplicate")
        if len(ranks) != len(self.options):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        ranked = sorted(zip(ranks, self.options, strict=True), key=lambda pair: pair[0])
        return [option.code for _rank, option in ranked]


class BoundedMultipleChoiceField(forms.MultipleChoiceField):
    default_error_messages = {
        "too_few": _("Choose at least %(count)s options."),
        "too_many": _("Choose at most %(count)s options."),
    }

    def __init__(self, *, min_choices: int | None, max_choices: int | None, **kwargs):
        self.min_choices, self.max_choices = min_choices, max_choices
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and self.min_choices and len(value) < self.min_choices:
            raise ValidationError(self.error_messages["too_few"], params={"count": self.min_choices})
        if self.max_choices and len(value) > self.max_choices:
            raise ValidationError(self.error_messages["too_many"], params={"count": self.max_choices})


class SectionField(forms.Field):
    """A heading with help text between questions: shown, never answered."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs["required"] = False
        super().__init__(**kwargs)

    def clean(self, value):
        return None


class ConsultationForm(BaseForm):
    """The form built from a consultation's questions.

    After each field's own validation, questions whose condition is not met are
    dropped (their errors and values), "Other" answers are checked for their
    text, and sections are removed from the data.
    """

    honeypot_name = "website"

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {question.code: question for question in questions}

    def is_shown(self, question, data) -> bool:
        if not question.show_if_code:
            return True
        answer = data.get(question.show_if_code)
        if isinstance(answer, list | tuple):
            return question.show_if_value in answer
        return str(answer) == question.show_if_value if answer not in (None, "") else False

    def clean(self):
        cleaned = super().clean()
        for code, question in self.questions.items():
            if question.field_type == QuestionType.SECTION:
                cleaned.pop(code, None)
                continue
            if not self.is_shown(question, cleaned):
                cleaned.pop(code, None)
                self.errors.pop(code, None)
                continue
            if question.allow_other:
                self._clean_other(question, cleaned)
        for code in list(cleaned):
            if code.endswith("__other") and code[: -len("__other")] not in cleaned:
                cleaned.pop(code)
        return cleaned

    def _clean_other(self, question, cleaned) -> None:
        answer = cleaned.get(question.code)
        chose_other = answer == OTHER or (isinstance(answer, list) and OTHER in answer)
        text = (cleaned.get(f"{question.code}__other") or "").strip()
        if chose_other and not text:
            self.add_error(f"{question.code}__other", _("Say what “other” means here."))
        if not chose_other:
            cleaned.pop(f"{question.code}__other", None)

    def stored_answers(self, previous: dict | None = None) -> dict:
        """`answers()` with uploaded files saved privately; a file question left empty keeps `previous`'s file."""
        answers = self.answers()
        for code, value in list(answers.items()):
            if hasattr(value, "read"):
                answers[code] = store_answer_file(value)
            elif value in (None, "") and previous and isinstance(previous.get(code), dict):
                answers[code] = previous[code]
        return answers

    def answers(self) -> dict:
        """The cleaned answers, JSON-ready (dates as ISO strings, decimals as numbers)."""
        result = {}
        for code, value in self.cleaned_data.items():
            if code == self.honeypot_name:
                continue
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            result[code] = value
        return result


class ConsultationFormBuilder(FormBuilder):
    """Wagtail's form builder, taught the consultation's question types."""

    def __init__(self, fields, *, form_class=ConsultationForm):
        super().__init__(fields)
        self.base_form_class = form_class

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["help_text"] = field.help_text
        return options

    def create_short_text_field(self, field, options):
        return forms.CharField(max_length=field.max_length or 255, **options)

    def create_long_text_field(self, field, options):
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 5}), max_length=field.max_length or MAX_TEXT_LENGTH, **options
        )

    def _choices(self, field) -> list[tuple[str, str]]:
        choices = [(choice.code, choice.label) for choice in parse_choices(field.choices)]
        if field.allow_other:
            choices.append((OTHER, field.other_label or _("Other")))
        return choices

    def create_single_choice_field(self, field, options):
        if field.widget == "dropdown":
            return forms.ChoiceField(choices=[("", "—"), *self._choices(field)], **options)
        return forms.ChoiceField(choices=self._choices(field), widget=RadioSelect, **options)

    def create_multiple_choice_field(self, field, options):
        return BoundedMultipleChoiceField(
            choices=self._choices(field),
            widget=CheckboxSelectMultiple,
            min_choices=field.min_choices,
            max_choices=field.max_choices,
            **options,
        )

    def create_yes_no_field(self, field, options):
        return forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))], widget=RadioSelect, **options)

    def create_rating_field(self, field, options):
        low, high = field.scale_bounds
        scale = [(str(value), str(value)) for value in range(low, high + 1)]
        return forms.TypedChoiceField(choices=scale, coerce=int, widget=RadioSelect, **options)

    def create_matrix_field(self, field, options):
        low, high = field.scale_bounds
        return MatrixField(parse_choices(field.matrix_items), low, high, **options)

    def create_ranking_field(self, field, options):
        return RankingField(parse_choices(field.choices), **options)

    def create_number_field(self, field, options):
        return forms.DecimalField(
            min_value=field.min_value, max_value=field.max_value, max_digits=15, decimal_places=4, **options
        )

    def create_date_field(self, field, options):
        validators = []
        if field.min_date:
            validators.append(_date_bound(field.min_date, after=True))
        if field.max_date:
            validators.append(_date_bound(field.max_date, after=False))
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), validators=validators, **options)

    def create_email_field(self, field, options):
        return forms.EmailField(**options)

    def create_file_field(self, field, options):
        return AnswerFileField(
            allowed_extensions=field.allowed_extensions, max_megabytes=field.max_file_megabytes, **options
        )

    def create_section_field(self, field, options):
        return SectionField(label=options["label"], help_text=options.get("help_text"))

    @property
    def formfields(self):
        fields = super().formfields
        for question in self.fields:
            if question.show_if_code and question.clean_name in fields:
                # The "answer only if…" note describes the input even when the question has no help text.
                fields[question.clean_name].widget.attrs["aria-describedby"] = f"id_{question.clean_name}_helptext"
            if question.allow_other and question.field_type in CHOICE_TYPES:
                fields[f"{question.clean_name}__other"] = forms.CharField(
                    label=_("Other: please specify"), required=False, max_length=255
                )
        fields[ConsultationForm.honeypot_name] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields

    def get_form_class(self):
        questions = list(self.fields)
        base = self.base_form_class

        class Form(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, questions=questions, **kwargs)

        return type("ConsultationQuestionsForm", (Form,), self.formfields)


def _date_bound(bound: datetime.date, *, after: bool):
    def validate(value: datetime.date) -> None:
        if after and value < bound:
            raise ValidationError(_("Give a date on or after %(date)s."), params={"date": bound.isoformat()})
        if not after and value > bound:
            raise ValidationError(_("Give a date on or before %(date)s."), params={"date": bound.isoformat()})

    return validate
