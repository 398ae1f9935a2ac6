"""Models of workshops: events and minutes, recommendations and their follow-up, action plans.

One module per subject, all re-exported here:

* `snippets` — `Organisation` and `Axis`, managed by organisers;
* `events` — `WorkshopIndexPage`, `WorkshopPage`, `MeetingPage` and their inlines;
* `recommendations` — `Recommendation`, `RecommendationUpdate`, `CommuneUptake`
  and the compilation page `RecommendationsPage`;
* `plans` — a commune's `ActionPlanPage` and its progress notes.
"""

from .events import (
    AgendaSession,
    MeetingDocument,
    MeetingPage,
    MeetingParticipant,
    WorkingGroup,
    WorkshopDocument,
    WorkshopIndexPage,
    WorkshopOrganisation,
    WorkshopPage,
    WorkshopParticipant,
    WorkshopPhoto,
    split_participants,
)
from .plans import ActionPlanPage, PlanUpdate
from .recommendations import (
    CommuneUptake,
    Recommendation,
    RecommendationFilters,
    RecommendationsPage,
    RecommendationUpdate,
    Status,
)
from .snippets import Axis, Organisation

__all__ = [
    "ActionPlanPage",
    "AgendaSession",
    "Axis",
    "CommuneUptake",
    "MeetingDocument",
    "MeetingPage",
    "MeetingParticipant",
    "Organisation",
    "PlanUpdate",
    "Recommendation",
    "RecommendationFilters",
    "RecommendationUpdate",
    "RecommendationsPage",
    "Status",
    "WorkingGroup",
    "WorkshopDocument",
    "WorkshopIndexPage",
    "WorkshopOrganisation",
    "WorkshopPage",
    "WorkshopParticipant",
    "WorkshopPhoto",
    "split_participants",
]
