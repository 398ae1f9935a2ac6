"""The database stops answering: visitors get a 503 in their language, and the site recovers alone."""

import pytest
from django.db import connection


@pytest.fixture
def unreachable_database(transactional_db):
    """The site's connection pointed at a closed port: a real refused connection, restored after the test."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database never closes; CI's PostgreSQL pass runs this")
    real = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield
    connection.close()
    connection.settings_dict.update(real)


@pytest.mark.parametrize(
    ("path", "language", "words"),
    [("/ar/", "ar", "غير متاح"), ("/fr/communes/", "fr", "indisponible"), ("/en/search/?q=x", "en", "unavailable")],
)
def test_a_visitor_gets_a_503_in_their_language_while_the_database_is_down(unreachable_database, path, language, words):
    from django.test import Client

    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    content = response.content.decode()
    assert f'lang="{language}"' in content and words in content
    assert ('dir="rtl"' in content) == (language == "ar")


def test_the_site_answers_again_once_the_database_is_back(transactional_db, client):
    """Run after a test that broke the connection (the fixture restores it): nothing to restart."""
    assert client.get("/readyz", HTTP_ACCEPT="application/json").status_code == 200
