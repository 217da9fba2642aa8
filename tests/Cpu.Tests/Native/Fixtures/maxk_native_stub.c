/*
 * maxk_native_stub.c: a CPU-only stand-in for libmaxk_native.so, compiled by the CPU tests against the real
 * native/cuda/include/maxk_native.h (so every definition must match the header's declarations). It launches
 * nothing: it validates shapes the way the header documents, fills the out-structs with distinct values and
 * records every argument of the last kernel call, so the tests can check the C# declarations' parameter order,
 * types and struct layouts without a GPU. Pointers marked [device] are never dereferenced, except indptr in
 * mxk_partition_create, which the tests pass as host memory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maxk_native.h"

#ifndef STUB_MINOR
#define STUB_MINOR MXK_VERSION_MINOR
#endif

#define STUB_EXPORT __attribute__((visibility("default")))

struct mxk_partition {
    int32_t n_rows, nnz, max_chunk, num_records, num_zero_rows, num_split_rows, max_degree, num_empty_rows;
};

static __thread char last_error[512];
static int64_t last_call[16];
static int32_t destroyed;

static int fail(int status, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, args);
    va_end(args);
    return status;
}

static void record(int n, ...) {
    va_list args;
    va_start(args, n);
    memset(last_call, 0, sizeof last_call);
    for (int i = 0; i < n && i < 16; ++i) last_call[i] = va_arg(args, int64_t);
    va_end(args);
}

#define P(x) ((int64_t)(intptr_t)(x))

STUB_EXPORT int64_t stub_last_call(int32_t i) { return last_call[i]; }
STUB_EXPORT int32_t stub_destroyed(void) { return destroyed; }

const char* mxk_last_error(void) { return last_error; }
void mxk_clear_error(void) { last_error[0] = 0; }

const char* mxk_status_string(int status) {
    switch (status) {
        case MXK_OK: return "MXK_OK";
        case MXK_ERR_INVALID_ARGUMENT: return "MXK_ERR_INVALID_ARGUMENT";
        case MXK_ERR_UNSUPPORTED_SHAPE: return "MXK_ERR_UNSUPPORTED_SHAPE";
        case MXK_ERR_CUDA: return "MXK_ERR_CUDA";
        case MXK_ERR_OUT_OF_MEMORY: return "MXK_ERR_OUT_OF_MEMORY";
        case MXK_ERR_INTERNAL: return "MXK_ERR_INTERNAL";
        default: return "unknown status";
    }
}

int mxk_version(int32_t* major, int32_t* minor, int32_t* patch) {
    if (major) *major = MXK_VERSION_MAJOR;
    if (minor) *minor = STUB_MINOR;
    if (patch) *patch = 7;
    return MXK_OK;
}

int mxk_device_info(int32_t device, mxk_device_info_t* out) {
    if (out == NULL) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_device_info: out is NULL");
    if (device != 0) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_device_info: device %d out of range [0, 1)", device);
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "Stub GPU \xc3\xa9");
    out->total_global_mem_bytes = 150012345678LL;
    out->device = device;
    out->driver_version = 13000;
    out->runtime_version = 12080;
    out->compiled_cuda_version = 12090;
    out->cc_major = 9;
    out->cc_minor = 1;
    out->sm_count = 132;
    out->l2_cache_bytes = 52428800;
    out->max_shared_per_block_optin = 232448;
    out->clock_khz = 1980000;
    out->memory_bus_width_bits = 6144;
    out->reserved = -5;
    return MXK_OK;
}

int mxk_build_info(char* buffer, int32_t buffer_len) {
    if (buffer == NULL || buffer_len < 1) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_build_info: buffer is NULL or empty");
    snprintf(buffer, (size_t)buffer_len, "stub; arch 90; %d.%d.7", MXK_VERSION_MAJOR, STUB_MINOR);
    return MXK_OK;
}

int mxk_partition_create(const int32_t* indptr, int32_t n_rows, int32_t nnz, int32_t max_chunk, void* stream,
                         mxk_partition** out) {
    if (out == NULL || indptr == NULL) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_partition_create: NULL argument");
    if (n_rows < 1 || nnz < 0 || max_chunk < 1 || max_chunk > 65536)
        return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_partition_create: bad sizes (%d, %d, %d)", n_rows, nnz, max_chunk);
    if (indptr[0] != 0 || indptr[n_rows] != nnz)
        return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_partition_create: indptr[n_rows] = %d but nnz = %d", indptr[n_rows], nnz);
    struct mxk_partition p = {n_rows, nnz, max_chunk, 0, 0, 0, 0, 0};
    for (int32_t r = 0; r < n_rows; ++r) {
        int32_t deg = indptr[r + 1] - indptr[r];
        if (deg < 0) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_partition_create: indptr decreases at row %d", r);
        if (deg > p.max_degree) p.max_degree = deg;
        p.num_records += (deg + max_chunk - 1) / max_chunk;
        if (deg == 0) ++p.num_empty_rows;
        if (deg > max_chunk) ++p.num_split_rows;
    }
    p.num_zero_rows = p.num_empty_rows + p.num_split_rows;
    record(2, P(stream), (int64_t)max_chunk);
    *out = malloc(sizeof p);
    **out = p;
    return MXK_OK;
}

int mxk_partition_destroy(mxk_partition* partition) {
    if (partition != NULL) {
        ++destroyed;
        free(partition);
    }
    return MXK_OK;
}

int mxk_partition_get_info(const mxk_partition* partition, mxk_partition_info_t* out) {
    if (partition == NULL || out == NULL) return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_partition_get_info: NULL argument");
    out->records = (const void*)0x10000;
    out->part_ptr = (const int32_t*)0x20000;
    out->part2node = (const int32_t*)0x30000;
    out->zero_rows = partition->num_zero_rows ? (const int32_t*)0x40000 : NULL;
    out->device_bytes = 5000000000LL + partition->num_records;
    out->n_rows = partition->n_rows;
    out->nnz = partition->nnz;
    out->max_chunk = partition->max_chunk;
    out->num_records = partition->num_records;
    out->num_zero_rows = partition->num_zero_rows;
    out->num_split_rows = partition->num_split_rows;
    out->max_degree = partition->max_degree;
    out->num_empty_rows = partition->num_empty_rows;
    return MXK_OK;
}

int mxk_csr_validate(const int32_t* indptr, const int32_t* indices, const float* values, int32_t n_rows, int32_t n_cols,
                     int32_t nnz, int32_t check_values, void* stream) {
    record(8, P(indptr), P(indices), P(values), (int64_t)n_rows, (int64_t)n_cols, (int64_t)nnz, (int64_t)check_values, P(stream));
    return MXK_OK;
}

int mxk_maxk_select(const float* x, int32_t n_rows, int32_t dim, int32_t k, float* out_values, void* out_indices,
                    int32_t index_width, void* stream) {
    if (index_width != MXK_INDEX_U16 && dim > 256)
        return fail(MXK_ERR_UNSUPPORTED_SHAPE, "mxk_maxk_select: uint8 indices need dim <= 256 (got dim %d); use uint16", dim);
    record(8, P(x), (int64_t)n_rows, (int64_t)dim, (int64_t)k, P(out_values), P(out_indices), (int64_t)index_width, P(stream));
    return MXK_OK;
}

static int64_t tuning_code(const mxk_tuning_t* t) {
    if (t == NULL) return -1;
    return (int64_t)t->warps_per_block * 1000000 + (int64_t)t->max_blocks * 10000 + (int64_t)t->group_lanes * 1000 + t->flags;
}

int mxk_spgemm_forward(const mxk_partition* partition, const int32_t* indices, const float* values, int32_t n_cols,
                       const float* x_values, const void* x_indices, int32_t index_width, int32_t k, int32_t dim,
                       float* y, const mxk_tuning_t* tuning, void* stream) {
    if (k > 256) return fail(MXK_ERR_UNSUPPORTED_SHAPE, "mxk_spgemm_forward: k must be in [1, min(256, dim = %d)] (got %d)", dim, k);
    record(12, (int64_t)partition->n_rows, P(indices), P(values), (int64_t)n_cols, P(x_values), P(x_indices),
           (int64_t)index_width, (int64_t)k, (int64_t)dim, P(y), tuning_code(tuning), P(stream));
    return MXK_OK;
}

int mxk_sspmm_backward(const mxk_partition* partition, const int32_t* indices, const float* values, int32_t n_cols,
                       const float* grad_y, const void* x_indices, int32_t index_width, int32_t k, int32_t dim,
                       float* grad_xs, const mxk_tuning_t* tuning, void* stream) {
    record(12, (int64_t)partition->n_rows, P(indices), P(values), (int64_t)n_cols, P(grad_y), P(x_indices),
           (int64_t)index_width, (int64_t)k, (int64_t)dim, P(grad_xs), tuning_code(tuning), P(stream));
    return MXK_OK;
}

int mxk_maxk_backward_scatter(const float* grad_values, const void* indices, int32_t index_width, int32_t n_rows,
                              int32_t k, int32_t dim, float* grad_dense, void* stream) {
    record(8, P(grad_values), P(indices), (int64_t)index_width, (int64_t)n_rows, (int64_t)k, (int64_t)dim, P(grad_dense), P(stream));
    return MXK_OK;
}

int mxk_gnnadvisor_decide(int32_t n_rows, int64_t nnz, int32_t dim, int32_t hidden_layer_quirk,
                          int32_t shared_mem_limit_bytes, mxk_gnnadvisor_config_t* out) {
    if (out == NULL || n_rows < 1 || nnz < 0 || dim < 1 || shared_mem_limit_bytes < 0)
        return fail(MXK_ERR_INVALID_ARGUMENT, "mxk_gnnadvisor_decide: bad arguments");
    int64_t ngs = nnz / n_rows;
    if (ngs < 1) ngs = 1;
    double limit = shared_mem_limit_bytes == 0 ? 100000.0 : (double)shared_mem_limit_bytes;
    double dim_term = hidden_layer_quirk ? (double)dim : 4.0 * dim;
    double budget = 8.0 * (4.0 * ngs + dim_term + 400.0);
    if (budget > 0.4 * limit) budget = 0.4 * limit;
    int64_t wpb = (int64_t)(budget / (4.0 * ngs + 4.0 * dim));
    if (wpb < 1) wpb = 1;
    if (wpb > 8) wpb = 8;
    out->ngs = (int32_t)ngs;
    out->wpb = (int32_t)wpb;
    out->dw = dim > 32 ? 32 : dim;
    out->shared_mem_bytes = (int32_t)(wpb * (8 * ngs + 4 * (int64_t)dim));
    return MXK_OK;
}

int mxk_gnnadvisor_spmm(const mxk_partition* partition, const int32_t* indices, const float* values, int32_t n_cols,
                        const float* x, int32_t dim, int32_t wpb, int32_t dw, float* y, void* stream) {
    record(10, (int64_t)partition->max_chunk, P(indices), P(values), (int64_t)n_cols, P(x), (int64_t)dim, (int64_t)wpb,
           (int64_t)dw, P(y), P(stream));
    return MXK_OK;
}
