"""`python manage.py load_demo`: build the demo site from the network's documents.

Idempotent: run it twice and the site is the same. The network's pages come
first; then every app's demo builder registered on the `load_demo` hook runs,
in the order the hooks were registered, with the Arabic home page.
"""

from django.core.management.base import BaseCommand
from wagtail import hooks

from home.demo import network
from home.models import HomePage


class Command(BaseCommand):
    help = "Build the demo site (members, experiences, news and each app's demo content)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when the site already has a home page.")

    def handle(self, *args, **options):
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The site already has content: demo not loaded.")
            return
        # No enclosing transaction: wagtail-localize publishes translations in
        # on-commit callbacks, which would then run late, on stale pages. Each
        # step is idempotent instead, so an interrupted run is simply resumed.
        home = network.build(stdout=self.stdout)
        for build_app_demo in hooks.get_hooks("load_demo"):
            build_app_demo(home=home, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
