using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Suites;

/// <summary>
/// A declarative suite read from <c>suites/&lt;name&gt;.json</c>, or built in code for a command (<see cref="BuiltInSuites"/>):
/// a name, a base seed and sections (kernel, training, accuracy or verification), each expanded into cases by
/// <see cref="SuiteExpander"/>. <see cref="Sha256"/> is the hash of the file's bytes (of the definition's canonical text
/// for a built-in suite), recorded in the manifest so a result names exactly the suite that produced it.
/// <see cref="Role"/> (the file's "role", else <see cref="RunRoles.ForSuite"/> of the name) goes into the manifest: only
/// headline runs fill headline tables.
/// </summary>
public sealed record SuiteDefinition(string Name, string Description, ulong Seed, string File, string Sha256, IReadOnlyList<SuiteSection> Sections)
{
    public RunRole Role { get; init; } = RunRoles.ForSuite(Name);
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

    /// <summary>The GPU verification grid (<c>maxk verify</c>): every check verified, nothing timed. Built in code only.</summary>
    Verification,
}

/// <summary>When a section runs. Words in suite files: "cuda" and "no-cuda" (absent: always).</summary>
public enum SectionRequirement
{
    /// <summary>Only when the GPU part can run (a device, the CUDA runtime, cuSPARSE and the native library).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("cuda")]
    Cuda,

    /// <summary>Only when it cannot: the CPU stand-in of a GPU section.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("no-cuda")]
    NoCuda,
}

/// <summary>
/// One section of a suite. <see cref="Requires"/>: null (always), <see cref="SectionRequirement.Cuda"/> or
/// <see cref="SectionRequirement.NoCuda"/>. Exactly one of the specs is set, the one of its <see cref="Kind"/>.
/// </summary>
public sealed record SuiteSection
{
    public required string Name { get; init; }
    public required SuiteSectionKind Kind { get; init; }
    public SectionRequirement? Requires { get; init; }

    public required ComputeDevice Device { get; init; }
    public KernelSectionSpec? Kernel { get; init; }
    public TrainingSectionSpec? Training { get; init; }
    public VerificationSectionSpec? Verification { get; init; }
}

/// <summary>
/// The cross product of a kernel section; <see cref="Runs"/> and <see cref="Warmup"/> per case. <see cref="Protocols"/>: the
/// GPU timing protocols (default ours alone; with released-host-mean4 our MaxK forward/backward and ALG2 cases are also timed
/// the released code's way). <see cref="Peers"/>: peer implementations to run beside ours (e.g. maxk-gnn-released).
/// </summary>
public sealed record KernelSectionSpec(
    IReadOnlyList<string> Graphs, IReadOnlyList<int> Dims, IReadOnlyList<int> Ks, IReadOnlyList<string> Kernels, int Runs, int Warmup)
{
    public IReadOnlyList<TimingProtocol> Protocols { get; init; } = [TimingProtocol.CudaEventsL2Flushed];

    public IReadOnlyList<string> Peers { get; init; } = [];
}

/// <summary>
/// The cross product of a training section. Null sizes and optimiser settings take the dataset's defaults. <see cref="Fallbacks"/>
/// maps a real dataset to a synthetic stand-in with the same statistics, used (and labelled) when the real files are missing.
/// </summary>
public sealed record TrainingSectionSpec(
    IReadOnlyList<string> Datasets, IReadOnlyList<string> Models, IReadOnlyList<TrainingVariant> Variants, IReadOnlyList<long> Seeds,
    int? Epochs, int? Hidden, int? Layers, int? WarmupEpochs, IReadOnlyDictionary<string, string> Fallbacks)
{
    /// <summary>Adam's learning rate ("lr"); null = the dataset's default.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Dropout of the hidden layers ("dropout"); null = the dataset's default.</summary>
    public double? Dropout { get; init; }

    /// <summary>Adam's weight decay ("weight_decay"); null = the dataset's default.</summary>
    public double? WeightDecay { get; init; }
}

/// <summary>A nonlinearity with its k values (none for ReLU) on one backend (null = the device's default).</summary>
public sealed record TrainingVariant(string Nonlinearity, IReadOnlyList<int> Ks, TrainingBackend? Backend);

/// <summary>The GPU verification grid on <c>VerificationGraph</c> with <see cref="Nodes"/> nodes (seeded by the suite's seed).</summary>
public sealed record VerificationSectionSpec(int Nodes);
