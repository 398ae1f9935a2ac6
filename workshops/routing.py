from django.urls import path

from .consumers import FacilitatorConsumer, SessionConsumer

websocket_urlpatterns = [
    path("ws/live/<str:code>/", SessionConsumer.as_asgi()),
    path("ws/live/<str:code>/facilitate/", FacilitatorConsumer.as_asgi()),
]
