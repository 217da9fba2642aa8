namespace MaxK.Baselines.CuSparse;

/// <summary>Facts about the cuSPARSE library actually loaded, for result provenance.</summary>
public static class CuSparseLibrary
{
    /// <summary>The loaded cuSPARSE's version (cusparseGetProperty), e.g. 12.6.3 in CUDA 13.0.</summary>
    /// <exception cref="DllNotFoundException">No libcusparse.so.12 could be loaded.</exception>
    public static Version GetVersion()
    {
        CuSparseNative.Check(CuSparseNative.cusparseGetProperty(0, out var major), "cusparseGetProperty(MAJOR_VERSION)");
        CuSparseNative.Check(CuSparseNative.cusparseGetProperty(1, out var minor), "cusparseGetProperty(MINOR_VERSION)");
        CuSparseNative.Check(CuSparseNative.cusparseGetProperty(2, out var patch), "cusparseGetProperty(PATCH_LEVEL)");
        return new Version(major, minor, patch);
    }
}
