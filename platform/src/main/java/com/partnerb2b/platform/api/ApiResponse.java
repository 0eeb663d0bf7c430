package com.partnerb2b.platform.api;

import java.util.List;

/**
 * The success envelope: {@code {"data": …, "meta": {"timestamp", "request_id"}}}.
 */
public record ApiResponse<T>(T data, ResponseMeta meta) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(data, ResponseMeta.now());
    }

    public static <T> ApiResponse<List<T>> page(List<T> items, PageRequest request, long total) {
        return new ApiResponse<>(items, ResponseMeta.forPage(request, total));
    }
}
