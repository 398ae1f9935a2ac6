from django import template
from django.utils.translation import gettext as _

from consultations.questions import QuestionType, parse_choices

register = template.Library()

FIELDSET_TYPES = {
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.YES_NO,
    QuestionType.RATING,
    QuestionType.MATRIX,
    QuestionType.RANKING,
}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def uses_fieldset(question) -> bool:
    """Groups of inputs are a fieldset with a legend; single inputs a label."""
    if question is None:
        return False
    return question.field_type in FIELDSET_TYPES and not (
        question.field_type == QuestionType.SINGLE_CHOICE and question.widget == "dropdown"
    )


@register.simple_tag
def answer_rows(response, questions):
    """(question, shown answer) for each answered question, in question order, labels in this language."""
    rows = []
    for question in questions.values():
        if not question.is_answerable or question.code not in response.form_data:
            continue
        value = response.form_data[question.code]
        labels = {choice.code: choice.label for choice in parse_choices(question.choices)}
        if question.field_type == QuestionType.MATRIX:
            items = {item.code: item.label for item in parse_choices(question.matrix_items)}
            value = "; ".join(f"{items.get(code, code)}: {rating}" for code, rating in value.items())
        elif isinstance(value, list):
            value = ", ".join(labels.get(code, code) for code in value)
        elif isinstance(value, dict) and "name" in value:
            value = value["name"]
        else:
            value = labels.get(str(value), value)
        other = response.form_data.get(f"{question.code}__other")
        if other:
            value = f"{value} — {other}"
        rows.append((question, value))
    return rows


@register.simple_tag
def condition_text(question, questions) -> tuple[str, str]:
    """The earlier question's label and the expected answer's label, in this language."""
    source = questions.get(question.show_if_code)
    if source is None:
        return question.show_if_code, question.show_if_value
    labels = {choice.code: choice.label for choice in parse_choices(source.choices)}
    labels.update({"yes": _("Yes"), "no": _("No")})
    return source.label, labels.get(question.show_if_value, question.show_if_value)
