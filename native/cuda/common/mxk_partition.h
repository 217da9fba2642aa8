// mxk_partition.h: the internal layout behind the opaque mxk_partition handle.
#ifndef MXK_PARTITION_H_
#define MXK_PARTITION_H_

#include <cuda_runtime.h>

#include <cstdint>

#include "maxk_native.h"

// Record flags (the 4th int of a record).
#define MXK_RECORD_SPLIT_ROW 1  // the row has more than one record: accumulate with atomics

struct mxk_partition {
    void* device_block = nullptr;     // one cudaMalloc holding every array below
    const int4* records = nullptr;    // [num_records] (row, start, len, flags)
    const int32_t* part_ptr = nullptr;   // [num_records + 1]
    const int32_t* part2node = nullptr;  // [num_records]
    const int32_t* zero_rows = nullptr;  // [num_zero_rows]
    // The same records ordered by length, longest first (stable: row order within a length), so that the
    // row-group kernels give the lane groups of one warp records of (nearly) equal length. Internal: not
    // exposed through mxk_partition_info_t.
    const int4* records_by_len = nullptr;  // [num_records]
    int64_t device_bytes = 0;
    int32_t n_rows = 0;
    int32_t nnz = 0;
    int32_t max_chunk = 0;
    int32_t num_records = 0;
    int32_t num_zero_rows = 0;
    int32_t num_split_rows = 0;
    int32_t max_degree = 0;
    int32_t num_empty_rows = 0;
    double mean_record_len = 0;  // nnz / num_records (0 when there are no records)
};

#endif  // MXK_PARTITION_H_
