"""Forms of the consultations app beyond the questions themselves."""

from django import forms
from django.utils.translation import gettext_lazy as _


def with_respondent_fields(form_class):
    """Add who answers (all optional) and the required consent of a public consultation."""

    class PublicConsultationForm(form_class):
        respondent_name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
        respondent_email = forms.EmailField(
            label=_("Your e-mail address (optional)"),
            required=False,
            help_text=_("Only to contact you about your answer."),
        )
        respondent_commune = forms.CharField(label=_("Your commune (optional)"), max_length=200, required=False)
        consent = forms.BooleanField(
            label=_("I agree that my answers are processed for this consultation, as described above."),
            error_messages={"required": _("Your consent is needed to take part.")},
        )

        respondent_fields = ("respondent_name", "respondent_email", "respondent_commune", "consent")

        def answers(self) -> dict:
            answers = super().answers()
            for name in self.respondent_fields:
                answers.pop(name, None)
            return answers

    return PublicConsultationForm
