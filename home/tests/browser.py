"""Helpers for the browser tests: a headless Chromium driven by Playwright, checked by axe-core."""

from __future__ import annotations

import shutil

# Chromium comes from the system; Playwright's own download is not used.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core impact levels that fail a test ("minor" and "moderate" are reported by axe only).
FAILING_IMPACTS = ("serious", "critical")


def chromium_path() -> str | None:
    return shutil.which("chromium")


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def accessibility_violations(page, impacts=FAILING_IMPACTS) -> list[dict]:
    """Run axe-core on the page as it is now; return the violations of the given impacts."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [violation for violation in results.response["violations"] if violation["impact"] in impacts]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per violated rule, one line per offending element, for assertion messages."""
    paragraphs = []
    for violation in violations:
        lines = [f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"  - {target}\n      {node['html'][:200]}\n      {summary}")
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
