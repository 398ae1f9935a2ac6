"""Odd input from anonymous visitors costs bounded work and never a server error."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from home.tests.nasty_input import live_pages, page_route_templates, public_route_templates, server_errors

ROOT = Path(__file__).resolve().parents[2]


def test_every_documented_server_command_reads_websocket_frames_up_to_the_limit_only():
    """`make run`, production (docs/operations.md) and the benchmarks serve with `--ws-max-size`.

    The test servers read the setting itself (home/tests/browser.py and servers.py).
    """
    for path, pattern in [
        ("Makefile", r"WS_MAX_SIZE := (\d+)"),
        ("docs/operations.md", r"--ws-max-size (\d+)"),
        ("bench/benchlib.py", r'WS_MAX_SIZE = "(\d+)"'),
    ]:
        text = (ROOT / path).read_text()
        assert "--ws-max-size" in text, path
        values = {int(value) for value in re.findall(pattern, text)}
        assert values == {settings.WEBSOCKET_MAX_FRAME_BYTES}, path


def test_every_url_pattern_answers_odd_values_without_a_server_error(site_tree):
    assert server_errors(public_route_templates()) == []


def test_every_page_of_the_site_answers_odd_values_without_a_server_error(site_tree):
    assert server_errors(page_route_templates(live_pages())) == []


def test_a_nul_character_in_a_link_gets_the_translated_refusal_page(client, site_tree):
    with translation.override("fr"):
        refused = translation.gettext("Request refused")
    assert refused != "Request refused"
    for url in ("/fr/search/?q=a%00b", "/fr/communes/?mechanism=%00", "/fr/live/A%00B/", "/fr/?%00=1"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert refused in response.content.decode(), url


def test_a_search_with_an_unbalanced_quote_finds_the_words_typed(client, site_tree):
    commune = site_tree.page_in(site_tree.commune, "fr")
    response = client.get('/fr/search/?q="' + commune.title)
    assert response.status_code == 200
    assert [result.specific for result in response.context["results_page"]] == [commune]
    assert response.context["query"] == '"' + commune.title  # shown as typed
    assert client.get('/fr/search/?q="').context["results_page"].paginator.count == 0
