package com.rms.web.edge;

import com.rms.platform.paging.PageRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The {@code page} and {@code size} query parameters of every list. */
public class Paging {

    @QueryParam("page")
    @DefaultValue("0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    public int size;

    public PageRequest request() {
        return new PageRequest(page, size);
    }
}
