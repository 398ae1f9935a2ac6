"""Who may record a commune's uptake of a recommendation.

Organisers hold the model permissions on `CommuneUptake` and may record any
commune's. A commune's editors (its *Commune editors: <name>* group, see
`home.roles`) hold no model permission: they may add, see and change the uptake
of their own commune only, never delete it, never touch another commune's.
"""

from __future__ import annotations

from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import CommuneEditorGroup, CommunePage

EDITOR_ACTIONS = {"add", "change", "view"}


def commune_keys_of(user) -> set:
    """Translation keys of the communes whose editor groups `user` belongs to."""
    if not user.is_active or user.is_anonymous:
        return set()
    return set(CommuneEditorGroup.objects.filter(group__user=user).values_list("commune_key", flat=True))


def communes_of(user, locale: Locale | None = None):
    """The member communes `user` may record uptake for, as pages of `locale` (default: the default locale)."""
    locale = locale or Locale.get_default()
    communes = CommunePage.objects.filter(locale=locale).order_by("title")
    if UptakePermissionPolicy().user_has_model_permission(user, "change"):
        return communes
    return communes.filter(translation_key__in=commune_keys_of(user))


class UptakePermissionPolicy(ModelPermissionPolicy):
    def __init__(self, model=None, auth_model=None):
        from .models import CommuneUptake

        super().__init__(model or CommuneUptake, auth_model=auth_model)

    def user_has_model_permission(self, user, action: str) -> bool:
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action: str) -> bool:
        if self.user_has_model_permission(user, action):
            return True
        return action in EDITOR_ACTIONS and bool(commune_keys_of(user))

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if self.user_has_model_permission(user, action):
            return True
        return action in EDITOR_ACTIONS and instance.commune.translation_key in commune_keys_of(user)

    def instances_user_has_permission_for(self, user, action: str):
        if self.user_has_model_permission(user, action):
            return self.model.objects.all()
        if action not in EDITOR_ACTIONS:
            return self.model.objects.none()
        return self.model.objects.filter(commune__translation_key__in=commune_keys_of(user))
