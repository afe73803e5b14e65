package com.rms.admin.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** A service's list of {@code total} numbers, paged as the services page. */
    private static Page<Long> page(long total, PageRequest request, List<Integer> asked) {
        asked.add(request.page());
        List<Long> items = LongStream.range(0, total).skip(request.offset()).limit(request.size()).boxed().toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    @Test
    void readsEveryPageUntilTheTotal() {
        long total = 2L * PageRequest.MAX_SIZE + 3;
        List<Integer> asked = new ArrayList<>();
        List<Long> all = Pages.all(request -> page(total, request, asked));
        assertEquals(LongStream.range(0, total).boxed().toList(), all);
        assertEquals(List.of(0, 1, 2), asked, "no page past the last");
    }

    @Test
    void anEmptyListIsOnePage() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(List.of(), Pages.all(request -> page(0, request, asked)));
        assertEquals(List.of(0), asked);
    }

    @Test
    void stopsAtAnEmptyPageWhenTheTotalShrankMeanwhile() {
        List<Integer> asked = new ArrayList<>();
        // the total said more than there is (rows deleted between the pages): an empty page ends it
        List<Long> all = Pages.all(request -> {
            asked.add(request.page());
            return request.page() == 0 ? new Page<>(List.of(1L), 0, request.size(), 5) : new Page<>(List.of(), 1, request.size(), 5);
        });
        assertEquals(List.of(1L), all);
        assertEquals(List.of(0, 1), asked);
    }
}
