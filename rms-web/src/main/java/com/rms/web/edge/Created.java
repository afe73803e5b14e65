package com.rms.web.edge;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A 201 answer with the new resource's location below the request path and its representation. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uri, Object id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(entity).build();
    }
}
