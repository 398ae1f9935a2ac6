from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.feeds import NewsAtomFeed, NewsRssFeed

# Outside the language prefix: the admin, machine endpoints and the bare root,
# which sends visitors to the language their browser asks for.
urlpatterns = [
    path("", home_views.language_redirect, name="language_redirect"),
    path("healthz", home_views.healthz, name="healthz"),
    path("readyz", home_views.ReadinessView.as_view(), name="readyz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own URLs of the same paths: the same views, throttled or within the user's reach.
    path("admin/password_reset/", home_views.ThrottledPasswordResetView.as_view()),
    path("admin/pages/<int:parent_page_id>/", home_views.page_explorer("index")),
    path("admin/pages/<int:parent_page_id>/results/", home_views.page_explorer("index_results")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "home.views.bad_request"
handler500 = "home.views.server_error"

# Every public page lives under its language: /ar/, /fr/, /en/.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("news/feed/rss/", NewsRssFeed(), name="news_rss"),
    path("news/feed/atom/", NewsAtomFeed(), name="news_atom"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("live/", include("workshops.urls")),
    path("", include("home.page_routes")),
    prefix_default_language=True,
)
