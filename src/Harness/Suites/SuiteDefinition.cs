namespace MaxK.Harness.Suites;

/// <summary>
/// A declarative suite read from <c>suites/&lt;name&gt;.json</c>: a name, a base seed and sections (kernel, training or
/// accuracy), each expanded into cases by <see cref="SuiteExpander"/>. <see cref="Sha256"/> is the hash of the file's
/// bytes, recorded in the manifest so a result names exactly the suite that produced it. <see cref="Role"/> (the file's
/// "role", else <see cref="Results.RunRoles.ForSuite"/> of the name) goes into the manifest: only headline runs fill
/// headline tables.
/// </summary>
public sealed record SuiteDefinition(string Name, string Description, ulong Seed, string File, string Sha256, IReadOnlyList<SuiteSection> Sections)
{
    public Results.RunRole Role { get; init; } = Results.RunRoles.ForSuite(Name);
}

/// <summary>What a section measures.</summary>
public enum SuiteSectionKind
{
    /// <summary>graphs × D × k × kernels (× cuSPARSE algorithms): verified, then timed.</summary>
    Kernel,

    /// <summary>datasets × models × variants (nonlinearity, k, backend) × seeds: epoch time, phases, Amdahl.</summary>
    Training,

    /// <summary>A training section whose figure of merit is test accuracy against the ReLU baseline.</summary>
    Accuracy,
}

/// <summary>
/// One section of a suite. <see cref="Requires"/>: null (always), "cuda" (only when the GPU part can run) or
/// "no-cuda" (only when it cannot: the CPU stand-in of a GPU section).
/// </summary>
public sealed record SuiteSection
{
    public required string Name { get; init; }
    public required SuiteSectionKind Kind { get; init; }
    public string? Requires { get; init; }

    /// <summary>"cpu" or "cuda".</summary>
    public required string Device { get; init; }
    public KernelSectionSpec? Kernel { get; init; }
    public TrainingSectionSpec? Training { get; init; }
}

/// <summary>The cross product of a kernel section; <see cref="Runs"/> and <see cref="Warmup"/> per case.</summary>
public sealed record KernelSectionSpec(
    IReadOnlyList<string> Graphs, IReadOnlyList<int> Dims, IReadOnlyList<int> Ks, IReadOnlyList<string> Kernels, int Runs, int Warmup);

/// <summary>
/// The cross product of a training section. Null sizes take the dataset's defaults. <see cref="Fallbacks"/> maps a
/// real dataset to a synthetic stand-in with the same statistics, used (and labelled) when the real files are missing.
/// </summary>
public sealed record TrainingSectionSpec(
    IReadOnlyList<string> Datasets, IReadOnlyList<string> Models, IReadOnlyList<TrainingVariant> Variants, IReadOnlyList<long> Seeds,
    int? Epochs, int? Hidden, int? Layers, int? WarmupEpochs, IReadOnlyDictionary<string, string> Fallbacks);

/// <summary>A nonlinearity with its k values (none for ReLU) on one backend (null = the device's default).</summary>
public sealed record TrainingVariant(string Nonlinearity, IReadOnlyList<int> Ks, string? Backend);
