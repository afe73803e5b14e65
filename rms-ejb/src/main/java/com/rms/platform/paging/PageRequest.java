package com.rms.platform.paging;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import java.util.List;

/** {@code page} (0-based) and {@code size} (default 50, at most 500) of a list request. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new ValidationException("invalid paging", List.of(new FieldError("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("invalid paging",
                    List.of(new FieldError("size", "must be between 1 and " + MAX_SIZE)));
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
