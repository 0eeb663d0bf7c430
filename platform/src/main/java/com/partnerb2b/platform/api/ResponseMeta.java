package com.partnerb2b.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code meta} object of every response. Pagination fields are present on lists only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseMeta(
        String timestamp,
        @JsonProperty("request_id") String requestId,
        Integer page,
        Integer limit,
        Long total,
        @JsonProperty("total_pages") Integer totalPages) {

    public static ResponseMeta now() {
        return new ResponseMeta(Timestamps.meta(), RequestIds.current(), null, null, null, null);
    }

    public static ResponseMeta forPage(PageRequest request, long total) {
        int pages = (int) ((total + request.limit() - 1) / request.limit());
        return new ResponseMeta(Timestamps.meta(), RequestIds.current(), request.page(), request.limit(), total, pages);
    }
}
