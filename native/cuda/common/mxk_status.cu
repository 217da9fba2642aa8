// mxk_status.cu: thread-local last error, status names, version and device/build provenance.
#include <cstdarg>
#include <cstring>

#include "mxk_common.h"

#ifndef MXK_RED_V4_SYNTAX
#define MXK_RED_V4_SYNTAX 0
#endif

#ifndef MXK_CUDA_ARCHS
#define MXK_CUDA_ARCHS "unknown"
#endif

namespace mxk {

namespace {
thread_local std::string g_last_error;
}

int fail(int status, const std::string& message) {
    try {
        g_last_error = message;
    } catch (...) {
        // Out of memory while formatting the message: keep the status, lose the text.
    }
    return status;
}

int failf(int status, const char* format, ...) {
    char buf[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(buf, sizeof(buf), format, args);
    va_end(args);
    return fail(status, buf);
}

int fail_cuda(cudaError_t err, const char* what, const char* file, int line) {
    const char* base = std::strrchr(file, '/');
    base = base ? base + 1 : file;
    int status = (err == cudaErrorMemoryAllocation) ? MXK_ERR_OUT_OF_MEMORY : MXK_ERR_CUDA;
    return failf(status, "%s failed: %s (%s, cudaError %d) at %s:%d", what, cudaGetErrorString(err),
                 cudaGetErrorName(err), static_cast<int>(err), base, line);
}

}  // namespace mxk

extern "C" {

MXK_API const char* mxk_last_error(void) { return mxk::g_last_error.c_str(); }

MXK_API void mxk_clear_error(void) { mxk::g_last_error.clear(); }

MXK_API const char* mxk_status_string(int status) {
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

MXK_API int mxk_version(int32_t* major, int32_t* minor, int32_t* patch) {
    if (major) *major = MXK_VERSION_MAJOR;
    if (minor) *minor = MXK_VERSION_MINOR;
    if (patch) *patch = MXK_VERSION_PATCH;
    return MXK_OK;
}

MXK_API int mxk_device_info(int32_t device, mxk_device_info_t* out) {
    MXK_API_BEGIN
    MXK_REQUIRE_ARG(out != nullptr, "mxk_device_info: out is NULL");
    std::memset(out, 0, sizeof(*out));
    int count = 0;
    MXK_CUDA_CHECK(cudaGetDeviceCount(&count));
    MXK_REQUIRE_ARG(device >= 0 && device < count, "mxk_device_info: device %d out of range [0, %d)",
                    device, count);
    out->device = device;
    MXK_CUDA_CHECK(cudaDriverGetVersion(&out->driver_version));
    MXK_CUDA_CHECK(cudaRuntimeGetVersion(&out->runtime_version));
    out->compiled_cuda_version = CUDART_VERSION;
    auto attr = [&](cudaDeviceAttr a, int32_t* dst) -> cudaError_t {
        int v = 0;
        cudaError_t e = cudaDeviceGetAttribute(&v, a, device);
        *dst = (e == cudaSuccess) ? v : 0;
        return e;
    };
    MXK_CUDA_CHECK(attr(cudaDevAttrComputeCapabilityMajor, &out->cc_major));
    MXK_CUDA_CHECK(attr(cudaDevAttrComputeCapabilityMinor, &out->cc_minor));
    MXK_CUDA_CHECK(attr(cudaDevAttrMultiProcessorCount, &out->sm_count));
    MXK_CUDA_CHECK(attr(cudaDevAttrL2CacheSize, &out->l2_cache_bytes));
    MXK_CUDA_CHECK(attr(cudaDevAttrMaxSharedMemoryPerBlockOptin, &out->max_shared_per_block_optin));
    MXK_CUDA_CHECK(attr(cudaDevAttrGlobalMemoryBusWidth, &out->memory_bus_width_bits));
#if CUDART_VERSION < 13000
    if (attr(cudaDevAttrClockRate, &out->clock_khz) != cudaSuccess) {
        cudaGetLastError();  // not fatal
        out->clock_khz = 0;
    }
#else
    out->clock_khz = 0;  // CUDA 13 deprecates the clock-rate attribute; not needed by callers
#endif
    // Name and total memory: cudaDeviceProp's layout changed in CUDA 13, but reading it inside the library
    // (compiled against the same headers) is safe; only the caller must not marshal it.
    cudaDeviceProp prop;
    MXK_CUDA_CHECK(cudaGetDeviceProperties(&prop, device));
    std::strncpy(out->name, prop.name, sizeof(out->name) - 1);
    out->name[sizeof(out->name) - 1] = '\0';
    out->total_global_mem_bytes = static_cast<int64_t>(prop.totalGlobalMem);
    return MXK_OK;
    MXK_API_END
}

MXK_API int mxk_build_info(char* buffer, int32_t buffer_len) {
    MXK_API_BEGIN
    MXK_REQUIRE_ARG(buffer != nullptr && buffer_len >= 1, "mxk_build_info: buffer is NULL or empty");
    snprintf(buffer, static_cast<size_t>(buffer_len),
             "maxk_native %d.%d.%d; CUDA archs %s; CUDART %d; vector reductions %s", MXK_VERSION_MAJOR,
             MXK_VERSION_MINOR, MXK_VERSION_PATCH, MXK_CUDA_ARCHS, CUDART_VERSION,
             MXK_RED_V4_SYNTAX ? "red.global.v4.f32" : "scalar atomics");
    return MXK_OK;
    MXK_API_END
}

}  // extern "C"
