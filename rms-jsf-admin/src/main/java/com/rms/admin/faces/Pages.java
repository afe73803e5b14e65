package com.rms.admin.faces;

import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A whole list read from a service page by page, for the pages that show all of it (a list may outgrow one page). */
public final class Pages {

    private Pages() {
    }

    /** Every item {@code pages} gives, asked for in pages of the largest size until the total is read or a page is empty. */
    public static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
        List<T> all = new ArrayList<>();
        int page = 0;
        Page<T> chunk;
        do {
            chunk = pages.apply(PageRequest.of(page++, PageRequest.MAX_SIZE));
            all.addAll(chunk.items());
        } while (!chunk.items().isEmpty() && all.size() < chunk.total());
        return all;
    }
}
