"""OpenAPI links: where an answer's ids lead (for generated clients, and schemathesis' stateful
tests). A postprocessing hook after core.schema's."""

FAN_OF_REQUEST = {"fan_id": "$request.path.fan_id"}
LINKS = {
    ("/api/v1/interactions/", "post", "201"): {
        "Context": ("v1_fans_context_retrieve", {"fan_id": "$response.body#/fan_id"}),
        "Engagement": ("v1_fans_engagement_retrieve", {"fan_id": "$response.body#/fan_id"}),
    },
    ("/api/v1/fans/{fan_id}/facts/", "post", "201"): {
        "UpdateFact": ("v1_fans_facts_partial_update", {**FAN_OF_REQUEST, "fact_id": "$response.body#/id"}),
        "DeleteFact": ("v1_fans_facts_destroy", {**FAN_OF_REQUEST, "fact_id": "$response.body#/id"}),
    },
    ("/api/v1/fans/{fan_id}/notes/", "post", "201"): {
        "DeleteNote": ("v1_fans_notes_destroy", {**FAN_OF_REQUEST, "note_id": "$response.body#/id"}),
    },
    ("/api/v1/fans/{fan_id}/erasure/", "post", "202"): {
        "ErasureStatus": ("v1_gdpr_erasure_requests_retrieve", {"request_id": "$response.body#/request_id"}),
    },
}


def add_links(result, generator, request, public):
    for (path, method, status), links in LINKS.items():
        response = result["paths"][path][method]["responses"][status]
        response["links"] = {name: {"operationId": operation_id, "parameters": parameters}
                             for name, (operation_id, parameters) in links.items()}
    return result
