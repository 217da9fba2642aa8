/*
 * maxk_native.h: the public C ABI of libmaxk_native.so (MaxK-GNN kernels, clean-room CUDA).
 *
 * Conventions (they hold for every function below unless its comment says otherwise):
 *   - Every function returns an int status: MXK_OK (0) on success or one of the MXK_ERR_* codes. On failure,
 *     mxk_last_error() returns a message for the calling thread. Nothing throws across this boundary.
 *   - Buffers marked [device] are CUDA device pointers (cudaMalloc'd, or a framework tensor's data pointer)
 *     on the current device; [host] buffers are ordinary process memory.
 *   - `stream` is a cudaStream_t passed as void*; NULL is the legacy default stream. Kernels are enqueued on
 *     it and the call returns without synchronising, except where a comment says "synchronises".
 *   - Shapes are validated on the host before any launch. A shape the kernels do not support gives
 *     MXK_ERR_UNSUPPORTED_SHAPE and a message naming the limit; nothing is launched in that case.
 *   - The contents of device buffers (column indices in range, distinct CBSR indices per row) cannot be
 *     checked without a device round trip: mxk_csr_validate() does that for a CSR on request.
 *   - CSR: int32 indptr[n_rows + 1] (indptr[0] = 0, non-decreasing, indptr[n_rows] = nnz), int32
 *     indices[nnz] in [0, n_cols), float32 values[nnz] or NULL (= every weight 1).
 *   - CBSR (Compressed Balanced Sparse Row), the MaxK format: exactly k entries per row, row i at offset i*k,
 *     float32 values[n*k] and indices[n*k] of width `index_width` bytes: MXK_INDEX_U8 (uint8, dim <= 256)
 *     or MXK_INDEX_U16 (uint16, dim <= 65,536). The k indices of a row must be distinct.
 *   - Dense matrices are float32, row-major, with row stride equal to their width (no padding).
 *   - Alignment: dense matrices must be 16-byte aligned (cudaMalloc gives 256). CBSR values 16-byte aligned
 *     and indices 4-byte (uint8) / 8-byte (uint16) aligned, with k % 4 == 0, select the vector path of the
 *     SpGEMM/SSpMM kernels; otherwise a slower scalar path is used (same results).
 */
#ifndef MAXK_NATIVE_H_
#define MAXK_NATIVE_H_

#include <stdint.h>

#if defined(_WIN32)
#  if defined(MXK_BUILDING_LIBRARY)
#    define MXK_API __declspec(dllexport)
#  else
#    define MXK_API __declspec(dllimport)
#  endif
#else
#  define MXK_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------------------
 * Status codes, errors, version
 * ------------------------------------------------------------------------------------------------------- */

#define MXK_OK 0
/** A NULL pointer where one is required, a negative size, a bad enum value, a misaligned buffer, a
 *  partition built for another graph or chunk size, or invalid CSR contents (mxk_csr_validate). */
#define MXK_ERR_INVALID_ARGUMENT 1
/** A well-formed request for a shape the kernels do not implement (k > 256 in SpGEMM, dim not a multiple
 *  of 32, uint8 indices with dim > 256, ...). The message names the limit. */
#define MXK_ERR_UNSUPPORTED_SHAPE 2
/** A CUDA runtime error (launch failure, illegal address reported by an earlier kernel, ...). */
#define MXK_ERR_CUDA 3
/** cudaMalloc or a host allocation failed. */
#define MXK_ERR_OUT_OF_MEMORY 4
/** A bug in this library (an internal invariant failed). Please report it with mxk_last_error(). */
#define MXK_ERR_INTERNAL 5

/** CBSR index widths (bytes per index). */
#define MXK_INDEX_U8 1
#define MXK_INDEX_U16 2

#define MXK_VERSION_MAJOR 0
#define MXK_VERSION_MINOR 3
#define MXK_VERSION_PATCH 0

/** The calling thread's last error message ("" if none since mxk_clear_error). The pointer stays valid
 *  until the next mxk_* call on the same thread. Never returns NULL. */
MXK_API const char* mxk_last_error(void);

/** Clears the calling thread's last error message. */
MXK_API void mxk_clear_error(void);

/** A static English name for a status code ("MXK_OK", "MXK_ERR_CUDA", ...; "unknown status" otherwise). */
MXK_API const char* mxk_status_string(int status);

/** Library version. major, minor, patch: [host] int32 each, any may be NULL. Always returns MXK_OK. */
MXK_API int mxk_version(int32_t* major, int32_t* minor, int32_t* patch);

/** Device and toolkit provenance, filled by mxk_device_info. Plain C layout (no padding surprises:
 *  fields are 4- and 8-byte and ordered by size after the name). */
typedef struct mxk_device_info_t {
    char name[256];                 /* e.g. "NVIDIA H200", NUL-terminated */
    int64_t total_global_mem_bytes; /* device memory */
    int32_t device;                 /* ordinal queried */
    int32_t driver_version;         /* cudaDriverGetVersion, e.g. 13000 */
    int32_t runtime_version;        /* cudaRuntimeGetVersion of the runtime this library runs against */
    int32_t compiled_cuda_version;  /* CUDART_VERSION this library was compiled with */
    int32_t cc_major;               /* compute capability */
    int32_t cc_minor;
    int32_t sm_count;
    int32_t l2_cache_bytes;
    int32_t max_shared_per_block_optin; /* bytes a block may opt in to */
    int32_t clock_khz;              /* SM clock from cudaDevAttrClockRate (0 if unavailable) */
    int32_t memory_bus_width_bits;
    int32_t reserved;
} mxk_device_info_t;

/** Fills *out for CUDA device `device` (an ordinal, not necessarily the current one).
 *  out: [host] one mxk_device_info_t. Uses cudaDeviceGetAttribute only (no cudaDeviceProp). */
MXK_API int mxk_device_info(int32_t device, mxk_device_info_t* out);

/** Writes the CUDA architectures this library was compiled for (e.g. "90") and its version, NUL-terminated
 *  and truncated to fit, into buffer. buffer: [host] char[buffer_len], buffer_len >= 1. */
MXK_API int mxk_build_info(char* buffer, int32_t buffer_len);

/* ---------------------------------------------------------------------------------------------------------
 * Graph work partition (shared by SpGEMM forward, SSpMM backward and the GNNAdvisor baseline)
 *
 * Rows are cut, in order, into consecutive chunks of at most `max_chunk` edges ("records"); a row of
 * degree 0 gets no record. Record i is int4 (row, start, len, flags): start is the absolute offset into
 * indices/values, 1 <= len <= max_chunk, flags bit 0 = the row has more than one record (its output is
 * accumulated with atomics, so it is zeroed first). The same records, with max_chunk = ngs, are
 * GNNAdvisor's neighbour groups: part_ptr[i] = start of record i, part_ptr[num_records] = nnz (an
 * explicit sentinel, also when the last row has degree 0), part2node[i] = row of record i.
 * zero_rows lists the rows the forward kernel zeroes before accumulating: rows of degree 0 and rows with
 * more than one record (ascending).
 * ------------------------------------------------------------------------------------------------------- */

typedef struct mxk_partition mxk_partition; /* opaque; owns its device memory */

typedef struct mxk_partition_info_t {
    const void* records;      /* [device] int4[num_records] (row, start, len, flags), 16-byte aligned */
    const int32_t* part_ptr;  /* [device] int32[num_records + 1] */
    const int32_t* part2node; /* [device] int32[num_records] */
    const int32_t* zero_rows; /* [device] int32[num_zero_rows] (NULL if num_zero_rows = 0) */
    int64_t device_bytes;     /* device memory held by the partition */
    int32_t n_rows;
    int32_t nnz;
    int32_t max_chunk;
    int32_t num_records;
    int32_t num_zero_rows;
    int32_t num_split_rows;   /* rows with more than one record */
    int32_t max_degree;
    int32_t num_empty_rows;   /* rows of degree 0 */
} mxk_partition_info_t;

/** Builds the partition of a CSR graph. Synchronises `stream` (it copies indptr to the host, checks it,
 *  builds the records on the host in O(n_rows + num_records) and uploads them with cudaMalloc'd memory).
 *  indptr:    [device] int32[n_rows + 1], checked: indptr[0] = 0, non-decreasing, indptr[n_rows] = nnz.
 *  n_rows:    >= 1.   nnz: >= 0.
 *  max_chunk: edges per record, 1 .. 65,536; MXK_DEFAULT_CHUNK (1024) keeps every row of average-degree
 *             graphs in one record (plain stores, no atomics) while still splitting hub rows.
 *  out:       [host] receives the handle; release it with mxk_partition_destroy. */
#define MXK_DEFAULT_CHUNK 1024
MXK_API int mxk_partition_create(const int32_t* indptr, int32_t n_rows, int32_t nnz, int32_t max_chunk,
                                 void* stream, mxk_partition** out);

/** Frees the partition's device memory (cudaFree: implicitly synchronises the device). NULL is a no-op. */
MXK_API int mxk_partition_destroy(mxk_partition* partition);

/** Copies the partition's sizes and device pointers into *out ([host]). */
MXK_API int mxk_partition_get_info(const mxk_partition* partition, mxk_partition_info_t* out);

/** Checks a CSR on the device: indptr[0] = 0, non-decreasing, indptr[n_rows] = nnz, every index in
 *  [0, n_cols), and (if check_values) every value finite. Synchronises `stream`. Returns MXK_OK if valid,
 *  MXK_ERR_INVALID_ARGUMENT with the first problem found otherwise.
 *  indptr: [device] int32[n_rows + 1]; indices: [device] int32[nnz]; values: [device] float[nnz] or NULL. */
MXK_API int mxk_csr_validate(const int32_t* indptr, const int32_t* indices, const float* values,
                             int32_t n_rows, int32_t n_cols, int32_t nnz, int32_t check_values, void* stream);

/* ---------------------------------------------------------------------------------------------------------
 * Optional launch tuning (pass NULL for the defaults)
 * ------------------------------------------------------------------------------------------------------- */
typedef struct mxk_tuning_t {
    int32_t warps_per_block; /* 0 = default (8). 1..16. Each warp owns one record at a time. */
    int32_t max_blocks;      /* 0 = one record per warp (grid = ceil(records / warps_per_block)); otherwise the
                                grid is capped and warps loop over records (grid-stride). */
    int32_t group_lanes;     /* 0 = default; lanes that share one edge: 1, 2, 4, 8, 16 or 32. Raised to the
                                power of two >= min(slot vectors per row, 32) if smaller (a slot vector is 4
                                CBSR slots on the vector path, 1 on the scalar path). */
    int32_t flags;           /* 0 = default; a sum of MXK_TUNE_* bits below. */
} mxk_tuning_t;

/** Force the scalar path (one CBSR slot per lane access) even when k % 4 == 0 and buffers are aligned. */
#define MXK_TUNE_SCALAR_SLOTS 1
/** SpGEMM only: accumulate all edge groups of a warp into ONE shared-memory row with shared-memory float
 *  atomics instead of one private row per group (less shared memory; speed depends on the GPU). */
#define MXK_TUNE_SHARED_ATOMICS 2
/** SSpMM only, experimental: each edge group gathers from its own copy of the staged grad_y row, confined
 *  to a subset of the 32 shared-memory banks, so groups never conflict with each other. Fewer conflicts in
 *  the gather but a conflicted staging; not faster on the H200 for Reddit-sized rows (NOTES.md), hence off
 *  by default. Vector path with 2..8 groups only (ignored otherwise). */
#define MXK_TUNE_PARTITIONED_BANKS 4
/** SpGEMM and SSpMM, experimental: the lane-private kernels (every lane owns a bank-private copy of the
 *  dim-wide row in shared memory: conflict-free scatter/gather, but 128 * dim bytes per warp, so only ~7
 *  warps per SM at dim = 256; NOTES.md). Vector path (k % 4 == 0, aligned buffers) and dim <= 256 only,
 *  elsewhere ignored. Slower than the default kernels on the H200 (latency-bound), hence opt-in.
 *  warps_per_block is clamped to what fits (at most 8; 7 at dim = 256); max_blocks caps the persistent grid. */
#define MXK_TUNE_LANE_PRIVATE 8
/** SpGEMM and SSpMM: never use the lane-private kernels (overrides MXK_TUNE_LANE_PRIVATE). */
#define MXK_TUNE_NO_LANE_PRIVATE 16
/** SpGEMM and SSpMM (default kernels, vector path): at the start of each record, ask the L2 to prefetch
 *  the record's CSR column/weight lines after its first 32-edge window, and stage every 32-edge window's
 *  columns/weights two windows ahead in shared memory with cp.async (sm_80+), so that the chain
 *  "CSR load -> CBSR load -> scatter" of a window no longer starts with a DRAM round trip. */
#define MXK_TUNE_PREFETCH_WINDOW 32
/** As MXK_TUNE_PREFETCH_WINDOW but only the L2 prefetch of the record's CSR lines. Used by default where it
 *  measured faster on the H200: SpGEMM when its accumulation rows take >= 8 KB per warp (k <= 16 at
 *  dim 256), SSpMM for k >= 64 (vector path). MXK_TUNE_PREFETCH_WINDOW is slower there (NOTES.md). */
#define MXK_TUNE_PREFETCH_L2 64
/** Neither prefetch (overrides the two flags above and the library's default choice). */
#define MXK_TUNE_NO_PREFETCH 128
/** SpGEMM and SSpMM (vector path: k % 4 == 0, aligned buffers): the row-group kernels. Every lane group of
 *  a warp owns one record (instead of the whole warp sharing one), records are taken longest first from a
 *  length-sorted copy of the partition, and each group flushes (forward) or stages (backward) only its own
 *  dim-wide row. Made for low-degree graphs, where the default kernels' per-record cost dominates; used by
 *  default when the partition's mean record length is short (maxk_forward_config.h,
 *  maxk_backward_config.h). This flag forces them (ignored with SHARED_ATOMICS, PREFETCH_*, LANE_PRIVATE or
 *  DIAGNOSTIC_SKIP_ACCUMULATE, which select other kernels). */
#define MXK_TUNE_ROW_GROUPS 512
/** Never use the row-group kernels (overrides MXK_TUNE_ROW_GROUPS and the default choice). */
#define MXK_TUNE_NO_ROW_GROUPS 1024
/** DIAGNOSTIC, results are WRONG: SSpMM issues plain stores instead of global atomics, and SpGEMM skips
 *  the shared-memory accumulation, so that timings show what the remaining work costs. Never use it for
 *  training. */
#define MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE 256

/* ---------------------------------------------------------------------------------------------------------
 * MaxK selection: dense X -> CBSR
 * ------------------------------------------------------------------------------------------------------- */

/** Keeps the k largest entries of each row of X by signed value and writes them as CBSR.
 *  Tie rule: value descending, then lower column index first (deterministic). -0.0 equals +0.0 and is
 *  written as +0.0. NaN: a NaN with the sign bit clear ranks above +inf, one with it set below -inf.
 *  Slot order: by rank. Slot 0 holds the largest value, slot k-1 the k-th largest (ties by lower column),
 *  i.e. out row i is exactly the first k entries of row i sorted by (value desc, column asc).
 *  x:            [device] float[n_rows * dim], row-major.
 *  n_rows:       >= 0 (0 is a no-op).   dim: 1 .. 65,536 (dim > 256 needs MXK_INDEX_U16).
 *  k:            1 .. dim; for dim > 1,024 also k <= 4,096 (slower block-per-row path).
 *  out_values:   [device] float[n_rows * k].
 *  out_indices:  [device] uint8 or uint16 [n_rows * k] per index_width.
 *  Speed: dim <= 1,024 uses one warp per row with the row in registers; larger dim one block per row. */
MXK_API int mxk_maxk_select(const float* x, int32_t n_rows, int32_t dim, int32_t k, float* out_values,
                            void* out_indices, int32_t index_width, void* stream);

/* ---------------------------------------------------------------------------------------------------------
 * Forward SpGEMM: Y = A * X_cbsr
 * ------------------------------------------------------------------------------------------------------- */

/** Y[r, :] = sum over edges e of row r of values[e] * scatter(x_values[c_e, :], x_indices[c_e, :]).
 *  Y is written completely by this call: rows whose edges fit in one record are stored with plain
 *  stores, rows of degree 0 and rows split over several records are zeroed first (a small kernel over
 *  zero_rows) and then accumulated with atomics. The caller need not zero Y.
 *  partition: built from this CSR's indptr (any max_chunk).
 *  indices:   [device] int32[nnz] in [0, n_cols).   values: [device] float[nnz] or NULL (all ones).
 *  n_cols:    rows of X (columns of A), >= 1.
 *  x_values:  [device] float[n_cols * k];  x_indices: [device] uint8/uint16 [n_cols * k] in [0, dim),
 *             distinct within a row (the kernel accumulates without atomics and relies on it).
 *  k:         1 .. min(256, dim).   dim: multiple of 32, 32 .. 4,096 (uint8 indices: dim <= 256).
 *  y:         [device] float[n_rows * dim], 16-byte aligned.
 *  tuning:    [host] or NULL. Defaults: 8 warps per block, one record per warp, lanes per edge group =
 *             power of two >= k/4 (vector path; more when dim is large), e.g. 8 edges per warp step at k = 16.
 *  Results: summation order is fixed for single-record rows (deterministic); split rows use atomics. */
MXK_API int mxk_spgemm_forward(const mxk_partition* partition, const int32_t* indices, const float* values,
                               int32_t n_cols, const float* x_values, const void* x_indices,
                               int32_t index_width, int32_t k, int32_t dim, float* y,
                               const mxk_tuning_t* tuning, void* stream);

/* ---------------------------------------------------------------------------------------------------------
 * Backward
 * ------------------------------------------------------------------------------------------------------- */

/** SSpMM: grad_xs[c, s] = sum over edges (r -> c) of values[e] * grad_y[r, x_indices[c, s]], i.e. (A^T G)
 *  sampled at the CBSR pattern, computed from the FORWARD CSR (no transpose is built: each record stages
 *  grad_y[r, :] in shared memory and scatters into grad_xs with float atomics). Correct for any A,
 *  including non-symmetric ones. The call zeroes grad_xs itself (cudaMemsetAsync) before accumulating.
 *  partition/indices/values/n_cols: as in mxk_spgemm_forward (the forward CSR, not its transpose).
 *  grad_y:    [device] float[n_rows * dim], 16-byte aligned.
 *  x_indices: [device] uint8/uint16 [n_cols * k] (the forward's CBSR pattern).
 *  k, dim:    as in mxk_spgemm_forward.
 *  grad_xs:   [device] float[n_cols * k] (CBSR value layout). Results are summed with atomics, so the
 *             order of additions (and the last bits) may vary between runs. */
MXK_API int mxk_sspmm_backward(const mxk_partition* partition, const int32_t* indices, const float* values,
                               int32_t n_cols, const float* grad_y, const void* x_indices,
                               int32_t index_width, int32_t k, int32_t dim, float* grad_xs,
                               const mxk_tuning_t* tuning, void* stream);

/** MaxK backward: grad_dense[i, indices[i, s]] = grad_values[i, s]; every other element of grad_dense is
 *  written 0. The call writes all n_rows * dim elements (no pre-zeroing needed).
 *  grad_values: [device] float[n_rows * k]; indices: [device] uint8/uint16 [n_rows * k], distinct per row.
 *  n_rows >= 0; k: 1 .. dim; dim: 1 .. 65,536.
 *  grad_dense:  [device] float[n_rows * dim]. */
MXK_API int mxk_maxk_backward_scatter(const float* grad_values, const void* indices, int32_t index_width,
                                      int32_t n_rows, int32_t k, int32_t dim, float* grad_dense,
                                      void* stream);

/* ---------------------------------------------------------------------------------------------------------
 * GNNAdvisor-style SpMM baseline (weighted: computes the same Y = A X as cuSPARSE)
 * ------------------------------------------------------------------------------------------------------- */

typedef struct mxk_gnnadvisor_config_t {
    int32_t ngs;               /* neighbour-group size (edges per group; the partition's max_chunk) */
    int32_t wpb;               /* warps per block, one group per warp */
    int32_t dw;                /* dimension workers: lanes 0..dw-1 of a warp own features d = lane + j*dw */
    int32_t shared_mem_bytes;  /* per block, as this library's kernel uses it: wpb * (8 * ngs + 4 * dim) */
} mxk_gnnadvisor_config_t;

/** GNNAdvisor's decider (param.py auto mode), as documented in platform.md section 3:
 *    ngs    = max(1, int(nnz / n_rows))                   (the average degree, truncated)
 *    budget = min(8 * (4 * ngs + dimTerm + 400), 0.4 * shared_mem_limit_bytes)   [bytes]
 *             dimTerm = 4 * dim, or dim when hidden_layer_quirk != 0 (GNNAdvisor's hidden-layer bug)
 *    wpb    = clamp(floor(budget / (4 * ngs + 4 * dim)), 1, 8)
 *    dw     = 32 if dim > 32 else dim
 *  shared_mem_limit_bytes: 0 means GNNAdvisor's default 100 KB (100,000 bytes).
 *  Reddit (232,965 nodes, 114.6M edges, dim 256) gives ngs 491, wpb 8 (7 with the quirk), dw 32.
 *  out: [host]. Pure host computation. */
MXK_API int mxk_gnnadvisor_decide(int32_t n_rows, int64_t nnz, int32_t dim, int32_t hidden_layer_quirk,
                                  int32_t shared_mem_limit_bytes, mxk_gnnadvisor_config_t* out);

/** Y = A X with GNNAdvisor's mapping: one warp per neighbour group (the partition's records, built with
 *  max_chunk = ngs), wpb warps per block, lanes < dw each own features lane, lane + dw, ...; the group's
 *  neighbour ids and weights and a dim-wide partial row per warp live in shared memory; partial rows are
 *  flushed with float atomicAdd. The call zeroes y first (cudaMemsetAsync), so no pre-zeroing is needed.
 *  partition: built with max_chunk = ngs (its max_chunk is the group size used).
 *  indices, values: the CSR arrays (values NULL = all ones).
 *  x:   [device] float[n_cols * dim], 16-byte aligned.   dim: 1 .. 65,536 with the shared memory below.
 *  wpb: 1 .. 32; dw: 1 .. 32.  Shared memory per block wpb * (8 * ngs + 4 * dim) must fit the device
 *  opt-in limit (about 227 KB on the H200) or MXK_ERR_UNSUPPORTED_SHAPE is returned.
 *  y:   [device] float[n_rows * dim]. */
MXK_API int mxk_gnnadvisor_spmm(const mxk_partition* partition, const int32_t* indices, const float* values,
                                int32_t n_cols, const float* x, int32_t dim, int32_t wpb, int32_t dw,
                                float* y, void* stream);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MAXK_NATIVE_H_ */
