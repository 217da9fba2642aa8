namespace MaxK.Interop;

/// <summary><c>cudaDataType</c> (library_types.h), shared by cuSPARSE and cuBLAS (platform.md §1.2).</summary>
public enum CudaDataType
{
    /// <summary><c>CUDA_R_32F</c>: float32.</summary>
    R32F = 0,

    /// <summary><c>CUDA_R_64F</c>: float64.</summary>
    R64F = 1,

    /// <summary><c>CUDA_R_16F</c>: float16.</summary>
    R16F = 2,

    /// <summary><c>CUDA_R_16BF</c>: bfloat16.</summary>
    R16BF = 14,
}
