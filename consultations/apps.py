from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, pre_delete, pre_save
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        post_migrate.connect(signals.let_moderators_moderate, sender=self)
        pre_delete.connect(signals.uncount_deleted_response, sender="consultations.Response")
        post_delete.connect(signals.delete_response_files, sender="consultations.Response")
        pre_save.connect(signals.delete_replaced_files, sender="consultations.Response")
        post_delete.connect(signals.delete_proposal_attachment, sender="consultations.Proposal")
        post_delete.connect(signals.delete_export_file, sender="consultations.ExportJob")
