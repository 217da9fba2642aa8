// mxk_device.cuh: small device-side building blocks shared by the kernels.
#ifndef MXK_DEVICE_CUH_
#define MXK_DEVICE_CUH_

#include <cuda_runtime.h>

#include <cstdint>

namespace mxk {

constexpr unsigned kFullMask = 0xffffffffu;

// Sum of an unsigned value over the 32 lanes of a fully active warp.
__device__ __forceinline__ unsigned warp_sum_u32(unsigned v) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    return __reduce_add_sync(kFullMask, v);  // one REDUX instruction on sm_80+
#else
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(kFullMask, v, o);
    return v;
#endif
}

// Maximum of an unsigned value over the 32 lanes of a fully active warp.
__device__ __forceinline__ unsigned warp_max_u32(unsigned v) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    return __reduce_max_sync(kFullMask, v);
#else
    for (int o = 16; o > 0; o >>= 1) v = max(v, __shfl_xor_sync(kFullMask, v, o));
    return v;
#endif
}

// Order-preserving map float -> uint32 for SIGNED value order: a < b (as floats, -0 == +0) iff
// key(a) < key(b). -0.0 is mapped like +0.0. NaN with sign bit clear maps above +inf, with it set below -inf.
__device__ __forceinline__ uint32_t float_to_key(float f) {
    uint32_t b = __float_as_uint(f);
    if ((b << 1) == 0u) b = 0u;  // -0.0 -> +0.0
    return (b & 0x80000000u) ? ~b : (b | 0x80000000u);
}

__device__ __forceinline__ float key_to_float(uint32_t k) {
    uint32_t b = (k & 0x80000000u) ? (k & 0x7fffffffu) : ~k;
    return __uint_as_float(b);
}

#ifndef MXK_RED_V4_SYNTAX
#define MXK_RED_V4_SYNTAX 0  // set by CMake after probing ptxas (1 or 2: the two qualifier orders)
#endif

// Global float atomic add of 4 consecutive floats; `addr` must be 16-byte aligned. One vector reduction
// (red.global.add.v4.f32, sm_90, PTX ISA 8.1) where the toolkit supports it, else four scalar atomics.
__device__ __forceinline__ void red_add_f32x4(float* addr, float a, float b, float c, float d) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900 && MXK_RED_V4_SYNTAX == 1
    asm volatile("red.global.add.v4.f32 [%0], {%1, %2, %3, %4};" ::"l"(addr), "f"(a), "f"(b), "f"(c), "f"(d)
                 : "memory");
#elif defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900 && MXK_RED_V4_SYNTAX == 2
    asm volatile("red.global.v4.f32.add [%0], {%1, %2, %3, %4};" ::"l"(addr), "f"(a), "f"(b), "f"(c), "f"(d)
                 : "memory");
#else
    atomicAdd(addr + 0, a);
    atomicAdd(addr + 1, b);
    atomicAdd(addr + 2, c);
    atomicAdd(addr + 3, d);
#endif
}

__device__ __forceinline__ void red_add_f32(float* addr, float a) {
    atomicAdd(addr, a);  // the result is unused, so the compiler emits RED (fire-and-forget)
}

// Asks the L2 to fetch every 128-byte line of [p, p + bytes) (the lanes of a warp take lines round robin).
// No register is written, so nothing waits for it: used to turn the DRAM latency of the streamed CSR
// arrays into an L2 hit latency for later loads.
__device__ __forceinline__ void prefetch_l2_range(const void* p, size_t bytes, int lane) {
    const uintptr_t e = reinterpret_cast<uintptr_t>(p) + bytes;
    for (uintptr_t a = (reinterpret_cast<uintptr_t>(p) & ~static_cast<uintptr_t>(127)) + 128u * lane; a < e;
         a += 32u * 128u) {
        asm volatile("prefetch.global.L2 [%0];" ::"l"(a));
    }
}

// 4-byte asynchronous global -> shared copy (sm_80+ cp.async; bytes past src_bytes are zero-filled, so
// src_bytes = 0 writes a zero without reading). Tracked by commit groups, not by register scoreboards.
__device__ __forceinline__ void cp_async4(void* smem_dst, const void* src, int src_bytes) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    const uint32_t d = static_cast<uint32_t>(__cvta_generic_to_shared(smem_dst));
    asm volatile("cp.async.ca.shared.global [%0], [%1], 4, %2;" ::"r"(d), "l"(src), "r"(src_bytes) : "memory");
#else
    *static_cast<int*>(smem_dst) = src_bytes ? *static_cast<const int*>(src) : 0;
#endif
}

// 16-byte asynchronous global -> shared copy that bypasses L1 (sm_80+ cp.async.cg; plain copy before sm_80).
// Both addresses 16-byte aligned. Tracked by commit groups, not by register scoreboards, so a lane can have
// many in flight without holding registers.
__device__ __forceinline__ void cp_async16(void* smem_dst, const void* src) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    const uint32_t d = static_cast<uint32_t>(__cvta_generic_to_shared(smem_dst));
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16;" ::"r"(d), "l"(src) : "memory");
#else
    *static_cast<float4*>(smem_dst) = *static_cast<const float4*>(src);
#endif
}

__device__ __forceinline__ void cp_async_commit() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    asm volatile("cp.async.commit_group;" ::: "memory");
#endif
}

// Waits until at most one committed group (the most recent) is still in flight.
__device__ __forceinline__ void cp_async_wait1() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    asm volatile("cp.async.wait_group 1;" ::: "memory");
#endif
}

__device__ __forceinline__ void cp_async_wait0() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    asm volatile("cp.async.wait_group 0;" ::: "memory");
#endif
}

// Per-warp ring of 3 staged CSR windows (32 columns + 32 weights each) for MXK_TUNE_PREFETCH_WINDOW.
constexpr int kCsrStageInts = 3 * 64;

// Issues the asynchronous copy of the CSR window starting at edge `e0` of a record (start, len) into ring
// slot `slot` of `stage` and commits it as one group (lanes past the record write zeros).
__device__ __forceinline__ void stage_csr_window(int* stage, int slot, const int32_t* indices, const float* values,
                                                 int start, int len, int e0, int lane) {
    const int e = e0 + lane;
    const bool ok = e < len;
    const int at = start + (ok ? e : 0);
    cp_async4(stage + slot * 64 + lane, indices + at, ok ? 4 : 0);
    if (values != nullptr) cp_async4(stage + slot * 64 + 32 + lane, values + at, ok ? 4 : 0);
    cp_async_commit();
}

// Start of a record (row, start, len, flags) in the forward and backward kernels. PF != 0: the CSR lines after
// the first window go to L2 now; PF == 1: the first two windows are staged in shared memory with cp.async
// (no register scoreboard) and later windows are loaded two ahead.
template <int PF>
__device__ __forceinline__ void begin_csr_record(int* stage, const int32_t* indices, const float* values, int4 r, int lane) {
    if constexpr (PF != 0) {
        if (r.z > 32) {
            prefetch_l2_range(indices + r.y + 32, static_cast<size_t>(r.z - 32) * 4, lane);
            if (values != nullptr) prefetch_l2_range(values + r.y + 32, static_cast<size_t>(r.z - 32) * 4, lane);
        }
    }
    if constexpr (PF == 1) {
        cp_async_wait0();  // stale groups of the previous record (zero fills) must not land after these
        stage_csr_window(stage, 0, indices, values, r.y, r.z, 0, lane);
        stage_csr_window(stage, 1, indices, values, r.y, r.z, 32, lane);
    }
}

// Lane `lane`'s edge of the CSR window starting at edge `base` of record r (n = edges in the window): its column
// `c_l` and weight `w_l` (0 and 0 past the window). PF == 1 reads the staged ring slot `slot` and stages the
// window two ahead; otherwise it streams from global memory.
template <int PF>
__device__ __forceinline__ void load_csr_window(int* stage, int& slot, const int32_t* indices, const float* values, int4 r,
                                                int base, int n, int lane, int& c_l, float& w_l) {
    c_l = 0;
    w_l = 0.f;
    if constexpr (PF == 1) {
        cp_async_wait1();  // this window's group (all but the newest) has landed
        c_l = stage[slot * 64 + lane];
        w_l = values != nullptr ? __int_as_float(stage[slot * 64 + 32 + lane]) : 1.f;
        stage_csr_window(stage, slot == 0 ? 2 : slot - 1, indices, values, r.y, r.z, base + 64, lane);
        slot = slot == 2 ? 0 : slot + 1;
    } else {
        if (lane < n) {
            c_l = __ldcs(indices + r.y + base + lane);
            w_l = values != nullptr ? __ldcs(values + r.y + base + lane) : 1.f;
        }
    }
}

// Loads `n` consecutive CBSR values (n = 1 or 4; 4 needs 16-byte alignment) through the read-only path.
template <int N>
struct ValVec;

template <>
struct ValVec<1> {
    float v[1];
    __device__ __forceinline__ void load(const float* p) { v[0] = __ldg(p); }
};

template <>
struct ValVec<4> {
    float v[4];
    __device__ __forceinline__ void load(const float* p) {
        const float4 t = __ldg(reinterpret_cast<const float4*>(p));
        v[0] = t.x; v[1] = t.y; v[2] = t.z; v[3] = t.w;
    }
};

// Loads `n` consecutive CBSR indices (n = 1, 2 or 4) as one aligned access.
template <typename IdxT, int N>
struct IdxVec;

template <typename IdxT>
struct IdxVec<IdxT, 1> {
    uint32_t v[1];
    __device__ __forceinline__ void load(const IdxT* p) { v[0] = __ldg(p); }
};

template <>
struct IdxVec<uint8_t, 4> {
    uint32_t v[4];
    __device__ __forceinline__ void load(const uint8_t* p) {
        uint32_t w = __ldg(reinterpret_cast<const unsigned int*>(p));
        v[0] = w & 0xffu; v[1] = (w >> 8) & 0xffu; v[2] = (w >> 16) & 0xffu; v[3] = w >> 24;
    }
};

template <>
struct IdxVec<uint16_t, 4> {
    uint32_t v[4];
    __device__ __forceinline__ void load(const uint16_t* p) {
        uint2 w = __ldg(reinterpret_cast<const uint2*>(p));
        v[0] = w.x & 0xffffu; v[1] = w.x >> 16; v[2] = w.y & 0xffffu; v[3] = w.y >> 16;
    }
};

}  // namespace mxk

#endif  // MXK_DEVICE_CUH_
