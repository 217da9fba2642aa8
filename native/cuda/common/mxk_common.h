// mxk_common.h: internal helpers shared by every operation: status reporting (thread-local last error),
// CUDA error-check macros, argument-check macros and the "no exception crosses the ABI" wrapper.
#ifndef MXK_COMMON_H_
#define MXK_COMMON_H_

#include <cuda_runtime.h>

#include <cstdint>
#include <cstdio>
#include <new>
#include <string>

#include "maxk_native.h"

namespace mxk {

// Records `message` as the calling thread's last error and returns `status` (so `return fail(...)` works).
int fail(int status, const std::string& message);

// printf-style variant of fail().
int failf(int status, const char* format, ...) __attribute__((format(printf, 2, 3)));

// Maps a CUDA error to MXK_ERR_OUT_OF_MEMORY or MXK_ERR_CUDA and records "<what>: <cuda message>".
int fail_cuda(cudaError_t err, const char* what, const char* file, int line);

inline cudaStream_t as_stream(void* s) { return static_cast<cudaStream_t>(s); }

inline bool aligned16(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 15u) == 0; }

}  // namespace mxk

// Returns from the enclosing int-returning function if a CUDA call fails.
#define MXK_CUDA_CHECK(call)                                                      \
    do {                                                                          \
        cudaError_t mxk_err_ = (call);                                            \
        if (mxk_err_ != cudaSuccess) {                                            \
            return ::mxk::fail_cuda(mxk_err_, #call, __FILE__, __LINE__);         \
        }                                                                         \
    } while (0)

// After a kernel launch: reports launch-configuration errors (and sticky errors of earlier kernels).
#define MXK_CHECK_LAUNCH(name)                                                    \
    do {                                                                          \
        cudaError_t mxk_err_ = cudaGetLastError();                                \
        if (mxk_err_ != cudaSuccess) {                                            \
            return ::mxk::fail_cuda(mxk_err_, "launch of " name, __FILE__, __LINE__); \
        }                                                                         \
    } while (0)

// Host-side argument checks.
#define MXK_REQUIRE(cond, status, ...)                                            \
    do {                                                                          \
        if (!(cond)) {                                                            \
            return ::mxk::failf((status), __VA_ARGS__);                           \
        }                                                                         \
    } while (0)

#define MXK_REQUIRE_ARG(cond, ...) MXK_REQUIRE(cond, MXK_ERR_INVALID_ARGUMENT, __VA_ARGS__)
#define MXK_REQUIRE_SHAPE(cond, ...) MXK_REQUIRE(cond, MXK_ERR_UNSUPPORTED_SHAPE, __VA_ARGS__)

// Wraps the body of an exported function so that no C++ exception escapes through the C ABI.
#define MXK_API_BEGIN try {
#define MXK_API_END                                                               \
    }                                                                             \
    catch (const std::bad_alloc&) {                                               \
        return ::mxk::fail(MXK_ERR_OUT_OF_MEMORY, "host allocation failed");      \
    }                                                                             \
    catch (const std::exception& e) {                                             \
        return ::mxk::fail(MXK_ERR_INTERNAL, std::string("internal error: ") + e.what()); \
    }                                                                             \
    catch (...) {                                                                 \
        return ::mxk::fail(MXK_ERR_INTERNAL, "internal error: unknown exception"); \
    }

#endif  // MXK_COMMON_H_
