using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Grid;

/// <summary>The error paths: unsupported shapes and invalid arguments, through the wrappers and straight through the C ABI.</summary>
public sealed partial class GpuKernelVerifier
{
    private const int SmallNodes = 64;

    private DeviceCsr? _dSmall;
    private GpuPartition? _pSmall;

    /// <summary>
    /// Requests the header documents as MXK_ERR_UNSUPPORTED_SHAPE: k &gt; 256 in the products, D not a multiple of 32 or
    /// above 4,096, uint8 indices with D &gt; 256, k &gt; D, and k &gt; 4,096 for selection above D = 1,024.
    /// </summary>
    public static IReadOnlyList<(string Call, int Dim, int K, CbsrIndexWidth Width)> UnsupportedShapeCases { get; } =
    [
        (GpuMaxKSelect.NativeName, 288, 16, CbsrIndexWidth.UInt8),
        (GpuMaxKSelect.NativeName, 32, 33, CbsrIndexWidth.UInt8),
        (GpuMaxKSelect.NativeName, 8_192, 4_097, CbsrIndexWidth.UInt16),
        (GpuSpgemmForward.NativeName, 48, 16, CbsrIndexWidth.UInt16),
        (GpuSpgemmForward.NativeName, 512, 257, CbsrIndexWidth.UInt16),
        (GpuSpgemmForward.NativeName, 288, 16, CbsrIndexWidth.UInt8),
        (GpuSpgemmForward.NativeName, 4_128, 16, CbsrIndexWidth.UInt16),
        (GpuSpgemmForward.NativeName, 32, 33, CbsrIndexWidth.UInt8),
        (GpuSspmmBackward.NativeName, 48, 16, CbsrIndexWidth.UInt16),
        (GpuSspmmBackward.NativeName, 512, 257, CbsrIndexWidth.UInt16),
        (GpuSspmmBackward.NativeName, 288, 16, CbsrIndexWidth.UInt8),
        (GpuSspmmBackward.NativeName, 4_128, 16, CbsrIndexWidth.UInt16),
        (GpuSspmmBackward.NativeName, 32, 33, CbsrIndexWidth.UInt8),
        (GpuMaxKBackwardScatter.NativeName, 288, 16, CbsrIndexWidth.UInt8),
        (GpuMaxKBackwardScatter.NativeName, 32, 33, CbsrIndexWidth.UInt8),
    ];

    /// <summary>Every error-path check, in a fixed order.</summary>
    public IEnumerable<GpuKernelCheck> ErrorPaths()
    {
        foreach (var (call, dim, k, width) in UnsupportedShapeCases)
            yield return UnsupportedShape(call, dim, k, width);
        yield return GnnAdvisorSharedMemoryTooLarge();
        yield return MisalignedOutput();
        yield return InvalidCsr();
    }

    /// <summary>
    /// An unsupported shape must fail in the wrapper (MaxkNativeException, MXK_ERR_UNSUPPORTED_SHAPE, checked before the
    /// call) and in the library itself (status 2 and an mxk_last_error message naming the function), and the library
    /// must launch nothing (the NaN-poisoned output keeps every byte). Mismatches counts failed expectations.
    /// </summary>
    public unsafe GpuKernelCheck UnsupportedShape(string call, int dim, int k, CbsrIndexWidth width) =>
        Check(call, UnsupportedShapeVariant(width), k, dim, "MXK_ERR_UNSUPPORTED_SHAPE from wrapper and library; output untouched", 0, () =>
        {
            var (a, n) = SmallGraph();
            var problems = new List<string>();
            var denseRows = call == GpuMaxKSelect.NativeName || call == GpuMaxKBackwardScatter.NativeName ? n : a.Rows;
            using var dense = Poison(DeviceBuffer.Allocate<float>((long)denseRows * dim));
            using var values = Poison(DeviceBuffer.Allocate<float>((long)n * k));
            using var indices = Poison(DeviceBuffer.Allocate((long)n * k * (int)width));
            var (output, wrapper, native) = call switch
            {
                GpuMaxKSelect.NativeName => (values, (Action)(() => GpuMaxKSelect.Run(dense.Pointer, n, dim, k, values.Pointer, indices.Pointer, width)),
                    (Func<int>)(() => MaxkNativeMethods.mxk_maxk_select(dense.Pointer, n, dim, k, values.Pointer, indices.Pointer, (int)width, IntPtr.Zero))),
                GpuSpgemmForward.NativeName => (dense, () => GpuSpgemmForward.Run(a, values.Pointer, indices.Pointer, width, k, dim, dense.Pointer),
                    Native(() => MaxkNativeMethods.mxk_spgemm_forward(a.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, values.Pointer, indices.Pointer, (int)width, k, dim, dense.Pointer, null, IntPtr.Zero))),
                GpuSspmmBackward.NativeName => (values, () => GpuSspmmBackward.Run(a, dense.Pointer, indices.Pointer, width, k, dim, values.Pointer),
                    Native(() => MaxkNativeMethods.mxk_sspmm_backward(a.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, dense.Pointer, indices.Pointer, (int)width, k, dim, values.Pointer, null, IntPtr.Zero))),
                GpuMaxKBackwardScatter.NativeName => (dense, () => GpuMaxKBackwardScatter.Run(values.Pointer, indices.Pointer, width, n, k, dim, dense.Pointer),
                    () => MaxkNativeMethods.mxk_maxk_backward_scatter(values.Pointer, indices.Pointer, (int)width, n, k, dim, dense.Pointer, IntPtr.Zero)),
                _ => throw new ArgumentOutOfRangeException(nameof(call), call, "Not a kernel entry point."),
            };
            ExpectWrapperRejects(wrapper, problems);
            ExpectNativeStatus(call, native(), MxkStatus.UnsupportedShape, problems);
            ExpectUntouched(output, problems);
            return Outcome(problems);
        });

    /// <summary>GNNAdvisor with ngs 65,536 (shared memory ≈ 512 KiB per block): unsupported in the wrapper and the library.</summary>
    public unsafe GpuKernelCheck GnnAdvisorSharedMemoryTooLarge() =>
        Check(GnnAdvisorSpmm.NativeName, GnnAdvisorSharedMemoryVariant, 0, 32,
            "MXK_ERR_UNSUPPORTED_SHAPE from wrapper and library; output untouched", 0, () =>
        {
            const int dim = 32;
            const int ngs = GpuPartition.MaxChunkLimit;
            var (a, n) = SmallGraph();
            var problems = new List<string>();
            var config = new GnnAdvisorConfig(ngs, 32, 1, MaxkShapeLimits.GnnAdvisorSharedMemoryBytes(ngs, 1, dim));
            using var x = Poison(DeviceBuffer.Allocate<float>((long)n * dim));
            using var y = Poison(DeviceBuffer.Allocate<float>((long)n * dim));
            ExpectWrapperRejects(() => new GnnAdvisorSpmm(_dSmall!, dim, config).Dispose(), problems);
            using var groups = GpuPartition.Create(_dSmall!, ngs);
            var status = MaxkNativeMethods.mxk_gnnadvisor_spmm(groups.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, x.Pointer, dim, 1, 32, y.Pointer, IntPtr.Zero);
            ExpectNativeStatus(GnnAdvisorSpmm.NativeName, status, MxkStatus.UnsupportedShape, problems);
            ExpectUntouched(y, problems);
            return Outcome(problems);
        });

    /// <summary>A forward output 4 bytes off 16-byte alignment: ArgumentException in the wrapper, MXK_ERR_INVALID_ARGUMENT in the library.</summary>
    public unsafe GpuKernelCheck MisalignedOutput() =>
        Check(GpuSpgemmForward.NativeName, MisalignedOutputVariant, 16, 32, "ArgumentException / MXK_ERR_INVALID_ARGUMENT; output untouched", 0, () =>
        {
            const int dim = 32;
            const int k = 16;
            var (a, n) = SmallGraph();
            var problems = new List<string>();
            using var values = Poison(DeviceBuffer.Allocate<float>((long)n * k));
            using var indices = DeviceBuffer.Allocate((long)n * k);
            indices.FillZero();
            using var y = Poison(DeviceBuffer.Allocate<float>(((long)a.Rows * dim) + 4));
            var misaligned = y.Pointer + 4;
            try
            {
                GpuSpgemmForward.Run(a, values.Pointer, indices.Pointer, CbsrIndexWidth.UInt8, k, dim, misaligned);
                problems.Add("the wrapper accepted a misaligned y");
            }
            catch (ArgumentException)
            {
            }
            var status = MaxkNativeMethods.mxk_spgemm_forward(
                a.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, values.Pointer, indices.Pointer, 1, k, dim, misaligned, null, IntPtr.Zero);
            ExpectNativeStatus(GpuSpgemmForward.NativeName, status, MxkStatus.InvalidArgument, problems);
            ExpectUntouched(y, problems);
            return Outcome(problems);
        });

    /// <summary>
    /// A CSR with a column index out of range and one with a NaN value must fail mxk_csr_validate (the NaN only when
    /// values are checked), and decreasing row offsets must fail mxk_partition_create, all with MXK_ERR_INVALID_ARGUMENT.
    /// </summary>
    public GpuKernelCheck InvalidCsr() =>
        Check(GpuCsrValidator.NativeName, InvalidCsrVariant, 0, 0, "MXK_ERR_INVALID_ARGUMENT", 0, () =>
        {
            var problems = new List<string>();
            using var offsets = DeviceBuffer.FromHost<int>([0, 1, 2]);
            using var badOffsets = DeviceBuffer.FromHost<int>([0, 2, 1]);
            using var goodIndices = DeviceBuffer.FromHost<int>([1, 0]);
            using var badIndices = DeviceBuffer.FromHost<int>([0, 5]);
            using var goodValues = DeviceBuffer.FromHost<float>([1f, 2f]);
            using var nanValues = DeviceBuffer.FromHost<float>([1f, float.NaN]);
            DeviceCsrView View(DeviceBuffer rows, DeviceBuffer cols, DeviceBuffer vals) => new(2, 2, 2, rows.Pointer, cols.Pointer, vals.Pointer);

            ExpectValidation(() => GpuCsrValidator.Validate(View(offsets, goodIndices, goodValues)), null, "a valid CSR", problems);
            ExpectValidation(() => GpuCsrValidator.Validate(View(offsets, badIndices, goodValues)), MxkStatus.InvalidArgument, "column 5 of 2", problems);
            ExpectValidation(() => GpuCsrValidator.Validate(View(offsets, goodIndices, nanValues)), MxkStatus.InvalidArgument, "a NaN value", problems);
            ExpectValidation(() => GpuCsrValidator.Validate(View(offsets, goodIndices, nanValues), checkValues: false), null, "a NaN value, values unchecked", problems);
            ExpectValidation(() => GpuPartition.Create(View(badOffsets, goodIndices, goodValues)).Dispose(), MxkStatus.InvalidArgument, "decreasing row offsets", problems);
            return Outcome(problems);
        });

    private (GpuPartition Partition, int Nodes) SmallGraph()
    {
        if (_pSmall is null)
        {
            _dSmall = DeviceCsr.Upload(VerificationGraph.Build(_seed, SmallNodes, meanDegree: 4, emptyRowFraction: 0.1, hubDegree: 40));
            _pSmall = GpuPartition.Create(_dSmall);
        }
        return (_pSmall, SmallNodes);
    }

    private void DisposeSmallGraph()
    {
        _pSmall?.Dispose();
        _dSmall?.Dispose();
    }

    private static Func<int> Native(Func<int> call) => call;

    private static void ExpectWrapperRejects(Action wrapper, List<string> problems)
    {
        try
        {
            wrapper();
            problems.Add("the wrapper accepted the request");
        }
        catch (MaxkNativeException ex) when (ex.Status == MxkStatus.UnsupportedShape && ex.CheckedBeforeCall)
        {
        }
        catch (Exception ex)
        {
            problems.Add($"the wrapper threw {ex.GetType().Name} instead of an MXK_ERR_UNSUPPORTED_SHAPE check: {ex.Message}");
        }
    }

    private static void ExpectNativeStatus(string call, int status, MxkStatus expected, List<string> problems)
    {
        var message = MaxkNative.LastError();
        MaxkNativeMethods.mxk_clear_error();
        if (status != (int)expected)
            problems.Add($"{call} returned {MxkStatusNames.Of(status)} ({status}), expected {MxkStatusNames.Of((int)expected)}");
        else if (!message.Contains(call, StringComparison.Ordinal))
            problems.Add($"mxk_last_error does not name {call}: '{message}'");
    }

    private static void ExpectUntouched(DeviceBuffer output, List<string> problems)
    {
        CudaRuntime.Synchronize();
        if (output.ToArray<byte>().Any(b => b != 0xFF))
            problems.Add("the output was written although the call was rejected");
    }

    private static void ExpectValidation(Action action, MxkStatus? expected, string what, List<string> problems)
    {
        try
        {
            action();
            if (expected is not null)
                problems.Add($"{what} was accepted");
        }
        catch (MaxkNativeException ex) when (expected is not null && ex.Status == expected && !ex.CheckedBeforeCall)
        {
        }
        catch (Exception ex)
        {
            problems.Add($"{what}: unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static (double, long) Outcome(List<string> problems) =>
        problems.Count == 0 ? (0, 0) : throw new VerificationFailedException(string.Join("; ", problems), problems.Count);
}
