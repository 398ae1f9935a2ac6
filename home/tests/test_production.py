"""The production configuration: a public address for every link sent out, no server banner."""

import os
import subprocess
import sys
import time
import urllib.request

from django.core.checks import run_checks

from home.tests.servers import ROOT, free_port


def deploy_check(**environment) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` with the production settings and this environment."""
    # Not what a deployment has: the public address comes from `environment`, and the browser tests
    # of the same process allow async-unsafe calls (which `check --deploy` rightly refuses).
    left_out = {"WAGTAILADMIN_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in left_out}
    env.update(SECRET_KEY="x" * 60, **environment)
    command = [sys.executable, "manage.py", "check", "--deploy", "--settings=network_site.settings.production"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_check_fails_without_the_public_address():
    refused = deploy_check()
    assert refused.returncode == 1
    assert "home.E001" in refused.stderr
    assert deploy_check(WAGTAILADMIN_BASE_URL="https://shabaka.example.ma").returncode == 0


def test_the_public_address_must_be_https(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://shabaka.example.ma"
    assert "home.E001" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.WAGTAILADMIN_BASE_URL = "https://shabaka.example.ma"
    assert "home.E001" not in [message.id for message in run_checks(include_deployment_checks=True)]


def test_make_serve_does_not_announce_the_server_and_its_version(tmp_path):
    port = free_port()
    recipe = subprocess.run(
        ["make", "-s", "-n", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "network_site.settings.test"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    # `exec`: the shell becomes the server, so that terminating it stops the server (no stray process).
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(f"exec {recipe}", shell=True, cwd=ROOT, env=env, **quiet)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    headers = response.headers
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "Server" not in headers
