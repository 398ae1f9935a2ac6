from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals

        post_migrate.connect(signals.let_moderators_moderate, sender=self)
        post_save.connect(signals.announce_count, sender="consultations.Response")
        post_delete.connect(signals.announce_count, sender="consultations.Response")
