from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from core.errors import unknown_route
from fans.admin import dossier_urls

from . import docs, ops

urlpatterns = [
    path("api/v1/", include("fans.urls")),
    path("api/v1/", include("gdpr.urls")),
    path("api/v1/", include("facts.urls")),
    path("api/v1/", include("emotions.urls")),
    path("api/v1/", include("openitems.urls")),
    path("api/schema/", docs.SchemaView.as_view(), name="schema"),
    path("api/docs/", docs.SwaggerView.as_view(url_name="schema"), name="docs"),
    path("api/redoc/", docs.RedocView.as_view(url_name="schema"), name="redoc"),
    path("healthz", ops.healthz),
    path("readyz", ops.readyz),
    path("metrics", ops.metrics),
    path("admin/fans/dossier/", include(dossier_urls)),
    path("admin/gdpr/fan-lookup/", RedirectView.as_view(pattern_name="fan-lookup")),  # the former address
    path("admin/", admin.site.urls),
    re_path(r"^", unknown_route),
]

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.not_found"
handler500 = "core.errors.server_error"
