using MaxK.Baselines.CuSparse;
using MaxK.Interop;

namespace MaxK.Tests.Interop;

/// <summary>
/// Bad arguments must be rejected before any native call: these run on machines without CUDA, where a native call
/// would throw <see cref="DllNotFoundException"/> instead of the asserted argument exception.
/// </summary>
public class CuSparseSpmmValidationTests
{
    private static readonly IntPtr P = new(0x1000);
    private static readonly IntPtr Q = new(0x2000);
    private static readonly DeviceCsrView Good = new(10, 10, 30, new(0x3000), new(0x4000), new(0x5000));

    public static TheoryData<string> BadCases() => new(BadArguments.Keys);

    private static readonly Dictionary<string, Action> BadArguments = new()
    {
        ["zero rows"] = () => _ = new CuSparseSpmm(Good with { Rows = 0 }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["too many rows"] = () => _ = new CuSparseSpmm(Good with { Rows = int.MaxValue }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["zero columns"] = () => _ = new CuSparseSpmm(Good with { Columns = 0 }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["too many columns"] = () => _ = new CuSparseSpmm(Good with { Columns = 1L << 31 }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["negative nnz"] = () => _ = new CuSparseSpmm(Good with { NonZeros = -1 }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["too many nnz"] = () => _ = new CuSparseSpmm(Good with { NonZeros = 1L << 31 }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["zero width"] = () => _ = new CuSparseSpmm(Good, 0, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["undefined algorithm"] = () => _ = new CuSparseSpmm(Good, 32, (CuSparseSpmmAlgorithm)5, P, Q),
        ["null row offsets"] = () => _ = new CuSparseSpmm(Good with { RowOffsets = IntPtr.Zero }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["null column indices"] = () => _ = new CuSparseSpmm(Good with { ColumnIndices = IntPtr.Zero }, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q),
        ["null values"] = () => _ = new CuSparseSpmm(Good with { Values = IntPtr.Zero }, 32, CuSparseSpmmAlgorithm.CsrAlg3, P, Q),
        ["null x"] = () => _ = new CuSparseSpmm(Good, 32, CuSparseSpmmAlgorithm.CsrAlg2, IntPtr.Zero, Q),
        ["null y"] = () => _ = new CuSparseSpmm(Good, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, IntPtr.Zero),
        ["y aliases x"] = () => _ = new CuSparseSpmm(Good, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, P),
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void BadArgumentsThrowBeforeAnyNativeCall(string name)
    {
        Assert.ThrowsAny<ArgumentException>(BadArguments[name]);
    }

    [Fact]
    public void ValidArgumentsPassValidation()
    {
        CuSparseSpmm.Validate(Good, 1, CuSparseSpmmAlgorithm.Default, P, Q);
        CuSparseSpmm.Validate(Good with { NonZeros = 0 }, 384, CuSparseSpmmAlgorithm.CsrAlg1, P, Q);
        CuSparseSpmm.Validate(Good with { Rows = 5, Columns = 7 }, 64, CuSparseSpmmAlgorithm.CsrAlg3, P, Q);
    }

    [Fact]
    public void ValidArgumentsReachTheNativeLayer()
    {
        if (CudaLibraryResolver.Candidates("cusparse", CudaLibraryHints.FromProcess()).Any(c => CudaLibraryResolver.TryLoadNative(c).Handle != IntPtr.Zero))
            Assert.Skip("cuSPARSE is installed here; the GPU tests cover construction");
        var ex = Assert.Throws<DllNotFoundException>(() => new CuSparseSpmm(Good, 32, CuSparseSpmmAlgorithm.CsrAlg2, P, Q));
        Assert.Contains("libcusparse.so.12", ex.Message);
    }
}
