"""Middleware of the ground floor: requests no page can answer are refused before any view runs."""

from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse


class RefuseNulCharacterMiddleware:
    """A NUL character in the path or the query string gets the translated 400 page.

    No link of the site carries one, and PostgreSQL refuses NUL in any text value ("A string
    literal cannot contain NUL characters"): a join code, a search or a filter holding one would
    fail its query with a server error on PostgreSQL while SQLite answers. Checking here covers
    every view and page, present and future, and every query parameter, its name included.
    Form posts are already covered: Django's form fields refuse NUL with a message of their own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            raise BadRequest("NUL character in the URL")
        return self.get_response(request)
