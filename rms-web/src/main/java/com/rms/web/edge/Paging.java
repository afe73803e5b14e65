package com.rms.web.edge;

import com.rms.platform.paging.PageRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every list. */
public class Paging {

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "The page, 0-based.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Parameter(description = "Items per page, at most 500.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    public int size;

    public PageRequest request() {
        return new PageRequest(page, size);
    }
}
