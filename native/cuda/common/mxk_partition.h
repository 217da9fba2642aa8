// mxk_partition.h: the internal layout behind the opaque mxk_partition handle.
#ifndef MXK_PARTITION_H_
#define MXK_PARTITION_H_

#include <cuda_runtime.h>

#include <cstdint>

#include "maxk_native.h"

// Row-group list (mxk_partition::rows_records): record length cap, and the length above which a record is
// processed by a whole warp (its edges spread over the warp's lane groups) instead of by one lane group.
constexpr int32_t kRowsChunk = 256;
constexpr int32_t kRowsLongLen = 32;

// Record flags (the 4th int of a record).
#define MXK_RECORD_SPLIT_ROW 1  // the row has more than one record: accumulate with atomics

struct mxk_partition {
    void* device_block = nullptr;     // one cudaMalloc holding every array below
    const int4* records = nullptr;    // [num_records] (row, start, len, flags)
    const int32_t* part_ptr = nullptr;   // [num_records + 1]
    const int32_t* part2node = nullptr;  // [num_records]
    const int32_t* zero_rows = nullptr;  // [num_zero_rows]
    // The row-group kernels' own list (maxk_forward_rows.cuh, maxk_backward_rows.cuh): the rows cut into
    // records of at most rows_chunk = min(max_chunk, kRowsChunk) edges, plus one length-0 record per empty
    // row (the forward writes its zero row), ordered by length, longest first (stable: row order within a
    // length). The first num_rows_long records (len > kRowsLongLen) are processed by a whole warp, the rest
    // by one lane group each; records [0, num_rows_nonempty) have len > 0. rows_zero_rows lists the rows
    // cut into several records here (accumulated with atomics, so the forward zeroes them first).
    // Internal: not exposed through mxk_partition_info_t.
    const int4* rows_records = nullptr;     // [num_rows_records]
    const int32_t* rows_zero_rows = nullptr;  // [num_rows_zero_rows]
    int64_t device_bytes = 0;
    int32_t n_rows = 0;
    int32_t nnz = 0;
    int32_t max_chunk = 0;
    int32_t num_records = 0;
    int32_t num_zero_rows = 0;
    int32_t num_split_rows = 0;
    int32_t max_degree = 0;
    int32_t num_empty_rows = 0;
    int32_t num_rows_records = 0;
    int32_t num_rows_long = 0;
    int32_t num_rows_nonempty = 0;
    int32_t num_rows_zero_rows = 0;
    double mean_record_len = 0;  // nnz / num_records (0 when there are no records)
};

#endif  // MXK_PARTITION_H_
