"""The schema and the pages that show it (Swagger UI, Redoc), served from installed packages
(drf-spectacular-sidecar): nothing is fetched from a CDN. They answer GET and HEAD; OPTIONS lists
those, other methods are a 405 in the error envelope."""
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from core.errors import unanswered_method


class GetOnly:
    def dispatch(self, request, *args, **kwargs):
        return unanswered_method(request, ("GET", "HEAD")) or super().dispatch(request, *args, **kwargs)


class SchemaView(GetOnly, SpectacularAPIView):
    pass


class SwaggerView(GetOnly, SpectacularSwaggerView):
    pass


class RedocView(GetOnly, SpectacularRedocView):
    pass
