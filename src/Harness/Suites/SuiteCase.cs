using MaxK.Harness.Training;

namespace MaxK.Harness.Suites;

/// <summary>One case of an expanded suite, with the stable id that the journal, shards and merge key on.</summary>
public abstract record SuiteCase(string Id, string Section, string Device);

/// <summary>A kernel case; <see cref="SectionDim"/> is the section's D (the speed-up baseline's width for width-k cases).</summary>
public sealed record KernelSuiteCase(KernelCase Case, string Section, string Device, int SectionDim, int Runs, int Warmup)
    : SuiteCase(Case.Id, Section, Device);

/// <summary>
/// A training case: <see cref="Spec"/> for <see cref="TrainingRun"/>, or for the PyG peer when <see cref="Backend"/> is
/// "pyg". <see cref="Fallback"/> names the synthetic stand-in used when the real dataset is missing.
/// </summary>
public sealed record TrainingSuiteCase(string Id, string Section, string Device, SuiteSectionKind Kind, TrainingRunSpec Spec, string Backend, string? Fallback)
    : SuiteCase(Id, Section, Device);
