"""WebSocket routes of every app, in one list for the ASGI router."""

from consultations.routing import websocket_urlpatterns as consultation_routes
from workshops.routing import websocket_urlpatterns as workshop_routes

websocket_urlpatterns = [*consultation_routes, *workshop_routes]
