"""A sample consultation's questions, one of every type, as the fields of `Question`.

The test factories build their consultation from them, and the benchmarks
theirs (a benchmark must not import test code), so that both ask the same
questions.
"""

import datetime

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


def sample_questions(*codes: str) -> list[dict]:
    """The questions of `codes`, in that order."""
    by_code = {spec["code"]: spec for spec in EVERY_QUESTION_TYPE}
    return [by_code[code] for code in codes]
