// mxk_partition.cu: builds the record list (work partition) of a CSR graph on the host and uploads it,
// and validates a CSR on the device.
#include <cstring>
#include <vector>

#include "mxk_common.h"
#include "mxk_partition.h"

namespace {

size_t align_up(size_t v, size_t a) { return (v + a - 1) / a * a; }

__global__ void csr_validate_kernel(const int32_t* __restrict__ indptr, const int32_t* __restrict__ indices,
                                    const float* __restrict__ values, int32_t n_rows, int32_t n_cols,
                                    int32_t nnz, int32_t check_values, unsigned long long* first_bad) {
    // first_bad[0]: smallest bad row (indptr problem), first_bad[1]: smallest bad edge (index / value).
    int64_t tid = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
    int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
    for (int64_t r = tid; r < n_rows; r += stride) {
        int32_t a = indptr[r], b = indptr[r + 1];
        bool bad = (a > b) || (r == 0 && a != 0) || (r == n_rows - 1 && b != nnz) || a < 0 || b > nnz;
        if (bad) atomicMin(&first_bad[0], static_cast<unsigned long long>(r));
    }
    for (int64_t e = tid; e < nnz; e += stride) {
        int32_t c = indices[e];
        bool bad = c < 0 || c >= n_cols;
        if (check_values && values != nullptr) bad = bad || !isfinite(values[e]);
        if (bad) atomicMin(&first_bad[1], static_cast<unsigned long long>(e));
    }
}

}  // namespace

extern "C" {

MXK_API int mxk_partition_create(const int32_t* indptr, int32_t n_rows, int32_t nnz, int32_t max_chunk,
                                 void* stream, mxk_partition** out) {
    MXK_API_BEGIN
    MXK_REQUIRE_ARG(out != nullptr, "mxk_partition_create: out is NULL");
    *out = nullptr;
    MXK_REQUIRE_ARG(indptr != nullptr, "mxk_partition_create: indptr is NULL");
    MXK_REQUIRE_ARG(n_rows >= 1, "mxk_partition_create: n_rows must be >= 1 (got %d)", n_rows);
    MXK_REQUIRE_ARG(nnz >= 0, "mxk_partition_create: nnz must be >= 0 (got %d)", nnz);
    MXK_REQUIRE_ARG(max_chunk >= 1 && max_chunk <= 65536,
                    "mxk_partition_create: max_chunk must be in [1, 65536] (got %d)", max_chunk);
    cudaStream_t s = mxk::as_stream(stream);

    std::vector<int32_t> h_indptr(static_cast<size_t>(n_rows) + 1);
    MXK_CUDA_CHECK(cudaMemcpyAsync(h_indptr.data(), indptr, h_indptr.size() * sizeof(int32_t),
                                   cudaMemcpyDeviceToHost, s));
    MXK_CUDA_CHECK(cudaStreamSynchronize(s));
    MXK_REQUIRE_ARG(h_indptr[0] == 0, "mxk_partition_create: indptr[0] = %d, expected 0", h_indptr[0]);
    MXK_REQUIRE_ARG(h_indptr[n_rows] == nnz, "mxk_partition_create: indptr[n_rows] = %d but nnz = %d",
                    h_indptr[n_rows], nnz);

    auto p = new mxk_partition();
    struct Guard {
        mxk_partition*& p;
        ~Guard() { if (p) { if (p->device_block) cudaFree(p->device_block); delete p; } }
    } guard{p};

    std::vector<int4> recs;
    std::vector<int32_t> zero_rows;
    int32_t max_degree = 0, split_rows = 0, empty_rows = 0;
    int64_t total_records = 0;
    for (int32_t r = 0; r < n_rows; ++r) {
        int32_t a = h_indptr[r], b = h_indptr[r + 1];
        MXK_REQUIRE_ARG(b >= a, "mxk_partition_create: indptr decreases at row %d (%d > %d)", r, a, b);
        int32_t deg = b - a;
        if (deg > max_degree) max_degree = deg;
        total_records += (deg + static_cast<int64_t>(max_chunk) - 1) / max_chunk;
    }
    MXK_REQUIRE_SHAPE(total_records <= INT32_MAX, "mxk_partition_create: too many records (%lld)",
                      static_cast<long long>(total_records));
    recs.reserve(static_cast<size_t>(total_records));
    for (int32_t r = 0; r < n_rows; ++r) {
        int32_t a = h_indptr[r], deg = h_indptr[r + 1] - a;
        if (deg == 0) {
            zero_rows.push_back(r);
            ++empty_rows;
            continue;
        }
        int32_t flags = deg > max_chunk ? MXK_RECORD_SPLIT_ROW : 0;
        if (flags) {
            zero_rows.push_back(r);
            ++split_rows;
        }
        for (int32_t off = 0; off < deg; off += max_chunk) {
            int32_t len = deg - off < max_chunk ? deg - off : max_chunk;
            recs.push_back(make_int4(r, a + off, len, flags));
        }
    }
    const size_t R = recs.size(), Z = zero_rows.size();
    const size_t off_records = 0;
    const size_t off_part_ptr = align_up(off_records + R * sizeof(int4), 256);
    const size_t off_part2node = align_up(off_part_ptr + (R + 1) * sizeof(int32_t), 256);
    const size_t off_zero = align_up(off_part2node + R * sizeof(int32_t), 256);
    // The row-group list (see mxk_partition.h): rows cut at rows_chunk edges, every empty row as a length-0
    // record, all ordered by length, longest first (counting sort, stable: row order within a length).
    const int32_t rows_chunk = max_chunk < kRowsChunk ? max_chunk : kRowsChunk;
    std::vector<int4> rows_recs;
    std::vector<int32_t> rows_zero;
    for (int32_t r = 0; r < n_rows; ++r) {
        const int32_t a = h_indptr[r], deg = h_indptr[r + 1] - a;
        if (deg == 0) {
            rows_recs.push_back(make_int4(r, a, 0, 0));
            continue;
        }
        const int32_t flags = deg > rows_chunk ? MXK_RECORD_SPLIT_ROW : 0;
        if (flags) rows_zero.push_back(r);
        for (int32_t off = 0; off < deg; off += rows_chunk) {
            const int32_t len = deg - off < rows_chunk ? deg - off : rows_chunk;
            rows_recs.push_back(make_int4(r, a + off, len, flags));
        }
    }
    MXK_REQUIRE_SHAPE(rows_recs.size() <= static_cast<size_t>(INT32_MAX), "mxk_partition_create: too many records");
    const size_t RR = rows_recs.size(), RZ = rows_zero.size();
    std::vector<int4> by_len(RR);
    int32_t rows_long = 0, rows_nonempty = 0;
    {
        std::vector<int64_t> start(static_cast<size_t>(rows_chunk) + 2, 0);
        for (const int4& q : rows_recs) ++start[static_cast<size_t>(rows_chunk - q.z) + 1];
        for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
        for (const int4& q : rows_recs) by_len[static_cast<size_t>(start[static_cast<size_t>(rows_chunk - q.z)]++)] = q;
        for (const int4& q : rows_recs) {
            rows_long += q.z > kRowsLongLen ? 1 : 0;
            rows_nonempty += q.z > 0 ? 1 : 0;
        }
    }
    const size_t off_rows = align_up(off_zero + Z * sizeof(int32_t), 256);
    const size_t off_rows_zero = align_up(off_rows + RR * sizeof(int4), 256);
    const size_t total = align_up(off_rows_zero + RZ * sizeof(int32_t), 256);

    std::vector<unsigned char> host(total, 0);
    std::vector<int32_t> part_ptr(R + 1), part2node(R);
    for (size_t i = 0; i < R; ++i) {
        part_ptr[i] = recs[i].y;
        part2node[i] = recs[i].x;
    }
    part_ptr[R] = nnz;  // explicit sentinel (also when the last row has degree 0)
    if (R) std::memcpy(host.data() + off_records, recs.data(), R * sizeof(int4));
    std::memcpy(host.data() + off_part_ptr, part_ptr.data(), (R + 1) * sizeof(int32_t));
    if (R) std::memcpy(host.data() + off_part2node, part2node.data(), R * sizeof(int32_t));
    if (Z) std::memcpy(host.data() + off_zero, zero_rows.data(), Z * sizeof(int32_t));
    if (RR) std::memcpy(host.data() + off_rows, by_len.data(), RR * sizeof(int4));
    if (RZ) std::memcpy(host.data() + off_rows_zero, rows_zero.data(), RZ * sizeof(int32_t));

    MXK_CUDA_CHECK(cudaMalloc(&p->device_block, total));
    MXK_CUDA_CHECK(cudaMemcpyAsync(p->device_block, host.data(), total, cudaMemcpyHostToDevice, s));
    MXK_CUDA_CHECK(cudaStreamSynchronize(s));  // `host` is pageable and goes out of scope

    auto base = static_cast<unsigned char*>(p->device_block);
    p->records = reinterpret_cast<const int4*>(base + off_records);
    p->part_ptr = reinterpret_cast<const int32_t*>(base + off_part_ptr);
    p->part2node = reinterpret_cast<const int32_t*>(base + off_part2node);
    p->zero_rows = Z ? reinterpret_cast<const int32_t*>(base + off_zero) : nullptr;
    p->rows_records = reinterpret_cast<const int4*>(base + off_rows);
    p->rows_zero_rows = RZ ? reinterpret_cast<const int32_t*>(base + off_rows_zero) : nullptr;
    p->num_rows_records = static_cast<int32_t>(RR);
    p->num_rows_long = rows_long;
    p->num_rows_nonempty = rows_nonempty;
    p->num_rows_zero_rows = static_cast<int32_t>(RZ);
    p->mean_record_len = R ? static_cast<double>(nnz) / static_cast<double>(R) : 0.0;
    p->device_bytes = static_cast<int64_t>(total);
    p->n_rows = n_rows;
    p->nnz = nnz;
    p->max_chunk = max_chunk;
    p->num_records = static_cast<int32_t>(R);
    p->num_zero_rows = static_cast<int32_t>(Z);
    p->num_split_rows = split_rows;
    p->max_degree = max_degree;
    p->num_empty_rows = empty_rows;
    *out = p;
    p = nullptr;  // ownership passed to the caller
    return MXK_OK;
    MXK_API_END
}

MXK_API int mxk_partition_destroy(mxk_partition* partition) {
    MXK_API_BEGIN
    if (partition == nullptr) return MXK_OK;
    cudaError_t err = partition->device_block ? cudaFree(partition->device_block) : cudaSuccess;
    delete partition;
    MXK_CUDA_CHECK(err);
    return MXK_OK;
    MXK_API_END
}

MXK_API int mxk_partition_get_info(const mxk_partition* partition, mxk_partition_info_t* out) {
    MXK_API_BEGIN
    MXK_REQUIRE_ARG(partition != nullptr && out != nullptr, "mxk_partition_get_info: NULL argument");
    out->records = partition->records;
    out->part_ptr = partition->part_ptr;
    out->part2node = partition->part2node;
    out->zero_rows = partition->zero_rows;
    out->device_bytes = partition->device_bytes;
    out->n_rows = partition->n_rows;
    out->nnz = partition->nnz;
    out->max_chunk = partition->max_chunk;
    out->num_records = partition->num_records;
    out->num_zero_rows = partition->num_zero_rows;
    out->num_split_rows = partition->num_split_rows;
    out->max_degree = partition->max_degree;
    out->num_empty_rows = partition->num_empty_rows;
    return MXK_OK;
    MXK_API_END
}

MXK_API int mxk_csr_validate(const int32_t* indptr, const int32_t* indices, const float* values,
                             int32_t n_rows, int32_t n_cols, int32_t nnz, int32_t check_values, void* stream) {
    MXK_API_BEGIN
    MXK_REQUIRE_ARG(indptr != nullptr, "mxk_csr_validate: indptr is NULL");
    MXK_REQUIRE_ARG(nnz == 0 || indices != nullptr, "mxk_csr_validate: indices is NULL");
    MXK_REQUIRE_ARG(n_rows >= 1 && n_cols >= 1 && nnz >= 0, "mxk_csr_validate: bad sizes (%d, %d, %d)",
                    n_rows, n_cols, nnz);
    cudaStream_t s = mxk::as_stream(stream);
    unsigned long long* d_bad = nullptr;
    MXK_CUDA_CHECK(cudaMalloc(&d_bad, 2 * sizeof(unsigned long long)));
    unsigned long long h_bad[2] = {~0ull, ~0ull};
    cudaError_t err = cudaMemcpyAsync(d_bad, h_bad, sizeof(h_bad), cudaMemcpyHostToDevice, s);
    if (err == cudaSuccess) {
        int64_t work = n_rows > nnz ? n_rows : nnz;
        int blocks = static_cast<int>((work + 255) / 256);
        if (blocks > 4096) blocks = 4096;
        if (blocks < 1) blocks = 1;
        csr_validate_kernel<<<blocks, 256, 0, s>>>(indptr, indices, values, n_rows, n_cols, nnz, check_values,
                                                   d_bad);
        err = cudaGetLastError();
    }
    if (err == cudaSuccess) err = cudaMemcpyAsync(h_bad, d_bad, sizeof(h_bad), cudaMemcpyDeviceToHost, s);
    if (err == cudaSuccess) err = cudaStreamSynchronize(s);
    cudaFree(d_bad);
    MXK_CUDA_CHECK(err);
    MXK_REQUIRE_ARG(h_bad[0] == ~0ull, "mxk_csr_validate: indptr invalid at row %llu", h_bad[0]);
    MXK_REQUIRE_ARG(h_bad[1] == ~0ull, "mxk_csr_validate: column index out of [0, %d) or non-finite value "
                    "at edge %llu", n_cols, h_bad[1]);
    return MXK_OK;
    MXK_API_END
}

}  // extern "C"
