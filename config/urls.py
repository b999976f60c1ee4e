from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from gdpr.admin import FanLookupView
from memory.views import FanViewSet, InteractionViewSet, StatsView

from . import ops

router = SimpleRouter(trailing_slash=True)
router.register("interactions", InteractionViewSet, basename="interactions")
router.register("fans", FanViewSet, basename="fans")

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/stats/", StatsView.as_view(), name="stats"),
    path("api/v1/", include("gdpr.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("healthz", ops.healthz),
    path("readyz", ops.readyz),
    path("metrics", ops.metrics),
    path("admin/gdpr/fan-lookup/", admin.site.admin_view(FanLookupView.as_view()), name="fan-lookup"),
    path("admin/", admin.site.urls),
]
urlpatterns += [path("api/v1/", include("preferences.urls"))]
urlpatterns += [path("api/v1/", include("personality.urls"))]
urlpatterns += [path("api/v1/", include("facts.urls"))]
urlpatterns += [path("api/v1/", include("emotions.urls"))]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
