from django.urls import path

from .consumers import ExportProgressConsumer, ResponseCountsConsumer

websocket_urlpatterns = [
    path("ws/consultations/counts/", ResponseCountsConsumer.as_asgi()),
    path("ws/consultations/exports/<int:pk>/", ExportProgressConsumer.as_asgi()),
]
