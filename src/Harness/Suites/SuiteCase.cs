using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Grid;
using MaxK.Harness.Training;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Suites;

/// <summary>One case of an expanded suite, with the stable id that the journal, shards and merge key on.</summary>
public abstract record SuiteCase(string Id, string Section, ComputeDevice Device);

/// <summary>A kernel case; <see cref="SectionDim"/> is the section's D (the speed-up baseline's width for width-k cases).</summary>
public sealed record KernelSuiteCase(KernelCase Case, string Section, ComputeDevice Device, int SectionDim, int Runs, int Warmup)
    : SuiteCase(Case.Id, Section, Device);

/// <summary>
/// One check of the GPU verification grid (<see cref="GpuKernelVerifier"/>) on the verification graph of
/// <see cref="Nodes"/> nodes: verified, never timed. <see cref="Case"/> carries its identity (kernel, variant, shape, seed).
/// </summary>
public sealed record VerificationSuiteCase(KernelCase Case, string Section, int Nodes, GpuKernelCheckPlan Check)
    : SuiteCase(Case.Id, Section, ComputeDevice.Cuda);

/// <summary>
/// A training case: <see cref="Spec"/> for <see cref="TrainingRun"/>, or for the PyG peer when <see cref="Backend"/> is
/// <see cref="TrainingBackend.Pyg"/>. <see cref="Fallback"/> names the synthetic stand-in used when the real dataset is missing.
/// </summary>
public sealed record TrainingSuiteCase(string Id, string Section, ComputeDevice Device, SuiteSectionKind Kind, TrainingRunSpec Spec, TrainingBackend Backend, string? Fallback)
    : SuiteCase(Id, Section, Device);
