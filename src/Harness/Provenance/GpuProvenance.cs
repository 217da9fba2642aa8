using System.Security.Cryptography;
using MaxK.Baselines.CuSparse;
using MaxK.Harness.Results;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Harness.Provenance;

/// <summary>What produced GPU numbers: the device (GpuInfo), the CUDA runtime, cuSPARSE, and the native library file.</summary>
public sealed record GpuProvenance(GpuInfo Gpu, string CuSparseVersion, string? NativeLibrary, string? NativeLibrarySha256,
    string NativeVersion, string NativeBuildInfo, int NativeCompiledCudaVersion)
{
    /// <summary>Queries the current device and the loaded libraries (they must be loadable: see <see cref="GpuEnvironment"/>).</summary>
    public static GpuProvenance Query()
    {
        CudaRuntime.Check(CudaRuntime.cudaGetDevice(out var device), "cudaGetDevice");
        var gpu = GpuInfo.Query(device);
        var nativeVersion = MaxkNative.Version().ToString();
        var buildInfo = MaxkNative.BuildInfo();
        var compiled = MaxkNative.DeviceInfo(device).CompiledCudaVersion;
        var path = MaxkNativeLibraryResolver.LoadedPath;
        return new GpuProvenance(gpu, CuSparseLibrary.GetVersion().ToString(), path, Sha256(path), nativeVersion, buildInfo, compiled);
    }

    /// <summary>The manifest with the GPU fields filled in (and the timing protocol, when given).</summary>
    public RunManifest Apply(RunManifest manifest, string? timing = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest with
        {
            Gpu = Gpu.Name, CudaDriverVersion = Gpu.DriverVersion, CudaRuntimeVersion = Gpu.RuntimeVersion, CusparseVersion = CuSparseVersion,
            GpuComputeCapability = Gpu.ComputeCapability, GpuSmCount = Gpu.MultiprocessorCount, GpuMemoryBytes = Gpu.TotalMemoryBytes,
            GpuL2Bytes = Gpu.L2CacheBytes, GpuSmClockKhz = Gpu.SmClockKHz, GpuMemoryClockKhz = Gpu.MemoryClockKHz,
            GpuMemoryBusWidthBits = Gpu.MemoryBusWidthBits, NativeLibrary = NativeLibrary, NativeLibrarySha256 = NativeLibrarySha256,
            NativeVersion = NativeVersion, NativeBuildInfo = NativeBuildInfo, NativeCompiledCudaVersion = NativeCompiledCudaVersion,
            GpuTiming = timing ?? manifest.GpuTiming,
        };
    }

    private static string? Sha256(string? path)
    {
        if (path is null || !File.Exists(path))
            return null;
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
