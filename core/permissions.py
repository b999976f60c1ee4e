"""The read-only mode's gate on the API (core.rollout), a DRF default permission."""
from rest_framework.permissions import SAFE_METHODS, BasePermission

from . import rollout


class WritesAllowed(BasePermission):
    """In read-only mode, refuse every write: any method but GET/HEAD/OPTIONS, unless the view
    (or the action) says it only reads (`only_reads = True`: a POST carrying a query)."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or getattr(view, "only_reads", False):
            return True
        mode = rollout.service_mode()
        if mode.read_only:
            from .errors import ServiceError  # not at the top: core.errors imports DRF, which imports this

            raise ServiceError("READ_ONLY", "The service is in read-only mode: retry this write later.",
                               retry_after=mode.retry_after_seconds)
        return True
