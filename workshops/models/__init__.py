"""Models of workshops: events and minutes, recommendations and their follow-up, action plans.

One module per subject, all re-exported here:

* `snippets` — `Organisation` and `Axis`, managed by organisers;
* `events` — `WorkshopIndexPage`, `WorkshopPage`, `MeetingPage` and their inlines;
* `recommendations` — `Recommendation`, `RecommendationUpdate`, `CommuneUptake`
  and the compilation page `RecommendationsPage`;
* `plans` — a commune's `ActionPlanPage` and its progress notes;
* `live` — `LiveSession`s of workshops and their `Idea`s and votes.
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
from .live import Idea, IdeaVote, LiveSession, TaggedIdea
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
    "Idea",
    "IdeaVote",
    "LiveSession",
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
    "TaggedIdea",
    "WorkingGroup",
    "WorkshopDocument",
    "WorkshopIndexPage",
    "WorkshopOrganisation",
    "WorkshopPage",
    "WorkshopParticipant",
    "WorkshopPhoto",
    "split_participants",
]
