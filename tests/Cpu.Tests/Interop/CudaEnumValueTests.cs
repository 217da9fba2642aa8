using MaxK.Baselines.CuSparse;
using MaxK.Interop;

namespace MaxK.Tests.Interop;

/// <summary>Pins the numbers of every enum crossing the P/Invoke boundary (platform.md §1.2, §1.5; driver_types.h).</summary>
public class CudaEnumValueTests
{
    [Fact]
    public void CuSparseStatusValues()
    {
        Assert.Equal(0, (int)CuSparseStatus.Success);
        Assert.Equal(1, (int)CuSparseStatus.NotInitialized);
        Assert.Equal(2, (int)CuSparseStatus.AllocFailed);
        Assert.Equal(3, (int)CuSparseStatus.InvalidValue);
        Assert.Equal(4, (int)CuSparseStatus.ArchMismatch);
        Assert.Equal(5, (int)CuSparseStatus.MappingError);
        Assert.Equal(6, (int)CuSparseStatus.ExecutionFailed);
        Assert.Equal(7, (int)CuSparseStatus.InternalError);
        Assert.Equal(8, (int)CuSparseStatus.MatrixTypeNotSupported);
        Assert.Equal(9, (int)CuSparseStatus.ZeroPivot);
        Assert.Equal(10, (int)CuSparseStatus.NotSupported);
        Assert.Equal(11, (int)CuSparseStatus.InsufficientResources);
    }

    [Fact]
    public void CuSparseDescriptorEnumValues()
    {
        Assert.Equal(0, (int)CuSparseIndexBase.Zero);
        Assert.Equal(1, (int)CuSparseIndexBase.One);
        Assert.Equal(0, (int)CuSparseOperation.NonTranspose);
        Assert.Equal(1, (int)CuSparseOperation.Transpose);
        Assert.Equal(2, (int)CuSparseOperation.ConjugateTranspose);
        Assert.Equal(1, (int)CuSparseOrder.Column);
        Assert.Equal(2, (int)CuSparseOrder.Row);
        Assert.Equal(1, (int)CuSparseIndexType.UInt16);
        Assert.Equal(2, (int)CuSparseIndexType.Int32);
        Assert.Equal(3, (int)CuSparseIndexType.Int64);
        Assert.Equal(1, (int)CuSparseFormat.Csr);
        Assert.Equal(2, (int)CuSparseFormat.Csc);
        Assert.Equal(3, (int)CuSparseFormat.Coo);
        Assert.Equal(0, (int)CuSparsePointerMode.Host);
        Assert.Equal(1, (int)CuSparsePointerMode.Device);
    }

    [Fact]
    public void CuSparseSpmmAlgorithmValues()
    {
        Assert.Equal(0, (int)CuSparseSpmmAlgorithm.Default);
        Assert.Equal(4, (int)CuSparseSpmmAlgorithm.CsrAlg1);
        Assert.Equal(6, (int)CuSparseSpmmAlgorithm.CsrAlg2);
        Assert.Equal(12, (int)CuSparseSpmmAlgorithm.CsrAlg3);
        Assert.Equal(4, Enum.GetValues<CuSparseSpmmAlgorithm>().Length);
    }

    [Fact]
    public void CudaDataTypeValues()
    {
        Assert.Equal(0, (int)CudaDataType.R32F);
        Assert.Equal(1, (int)CudaDataType.R64F);
        Assert.Equal(2, (int)CudaDataType.R16F);
        Assert.Equal(14, (int)CudaDataType.R16BF);
    }

    [Fact]
    public void CudaRuntimeEnumValues()
    {
        Assert.Equal(0, (int)CudaMemcpyKind.HostToHost);
        Assert.Equal(1, (int)CudaMemcpyKind.HostToDevice);
        Assert.Equal(2, (int)CudaMemcpyKind.DeviceToHost);
        Assert.Equal(3, (int)CudaMemcpyKind.DeviceToDevice);
        Assert.Equal(4, (int)CudaMemcpyKind.Default);
        Assert.Equal(2, (int)CudaError.MemoryAllocation);
        Assert.Equal(4, (int)CudaError.CudartUnloading);
        Assert.Equal(13, (int)CudaDeviceAttribute.ClockRate);
        Assert.Equal(16, (int)CudaDeviceAttribute.MultiProcessorCount);
        Assert.Equal(36, (int)CudaDeviceAttribute.MemoryClockRate);
        Assert.Equal(38, (int)CudaDeviceAttribute.L2CacheSize);
        Assert.Equal(75, (int)CudaDeviceAttribute.ComputeCapabilityMajor);
        Assert.Equal(76, (int)CudaDeviceAttribute.ComputeCapabilityMinor);
        Assert.Equal(97, (int)CudaDeviceAttribute.MaxSharedMemoryPerBlockOptin);
    }
}
