"""Public URLs of live sessions, under each language prefix (/ar/live/…)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.join, name="live_join"),
    path("<str:code>/", views.session_page, name="live_session"),
    path("<str:code>/board/", views.board, name="live_board"),
    path("<str:code>/events/", views.events, name="live_events"),
    path("<str:code>/ideas/<int:idea>/vote/", views.vote, name="live_vote"),
]
