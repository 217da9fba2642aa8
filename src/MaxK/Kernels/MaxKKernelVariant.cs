using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The two launch families of the MaxK SpGEMM/SSpMM kernels (native/cuda/NOTES.md, third round): one warp per record
/// (the kernels of the Reddit-sized measurements) or row groups (every lane group owns a record; made for low-degree
/// graphs). Words on disk: "warp-per-record", "row-groups".
/// </summary>
public enum MaxKKernelVariant
{
    WarpPerRecord,
    RowGroups,
}

/// <summary>Words and tuning of <see cref="MaxKKernelVariant"/>.</summary>
public static class MaxKKernelVariants
{
    public static IReadOnlyList<MaxKKernelVariant> All { get; } = [MaxKKernelVariant.RowGroups, MaxKKernelVariant.WarpPerRecord];

    public static string Word(this MaxKKernelVariant variant) => variant switch
    {
        MaxKKernelVariant.WarpPerRecord => "warp-per-record",
        MaxKKernelVariant.RowGroups => "row-groups",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <summary>The tuning that forces <paramref name="variant"/> (everything else at the library's defaults).</summary>
    public static MxkTuning Tuning(this MaxKKernelVariant variant) => new()
    {
        Flags = variant == MaxKKernelVariant.RowGroups ? MxkTuningFlags.RowGroups : MxkTuningFlags.NoRowGroups,
    };
}

/// <summary>The two MaxK aggregation kernels a variant is chosen for. Words on disk: "spgemm-forward", "sspmm-backward".</summary>
public enum MaxKKernelOperation
{
    SpgemmForward,
    SspmmBackward,
}

/// <summary>Words of <see cref="MaxKKernelOperation"/>.</summary>
public static class MaxKKernelOperations
{
    public static string Word(this MaxKKernelOperation op) => op switch
    {
        MaxKKernelOperation.SpgemmForward => "spgemm-forward",
        MaxKKernelOperation.SspmmBackward => "sspmm-backward",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
