using MaxK.Harness.Verification;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Kernels;

/// <summary>
/// One kernel of the catalogue (<see cref="KernelCatalog"/>): everything a command or page asks about it. Its id on disk,
/// what it computes (<see cref="Role"/>), its implementation on each device, its plan entries, how one case runs on the
/// CPU and on the GPU (fresh inputs, the check against its reference, then timing through the context), its tolerance
/// and its byte model. A descriptor holds no state; per-graph state lives in the contexts the runner passes in.
/// Adding a kernel: one descriptor file in Descriptors/ and its line in <see cref="KernelCatalog.All"/>.
/// </summary>
public abstract class KernelDescriptor
{
    /// <summary>The kernel id in result records, e.g. "maxk_forward" (the descriptor's <c>Name</c> constant).</summary>
    public abstract string Id { get; }

    /// <summary>What the kernel computes.</summary>
    public abstract KernelRole Role { get; }

    /// <summary>
    /// For a DIAGNOSTIC variant (a loads-only floor): the id of the kernel it is a lower bound of, whose inputs it draws.
    /// Such a kernel's output is wrong by design: never verified, never a speed-up. Null for real kernels.
    /// </summary>
    public virtual string? Bounds => null;

    /// <summary>True for a diagnostic variant (<see cref="Bounds"/> set).</summary>
    public bool IsDiagnostic => Bounds is not null;

    /// <summary>
    /// True for another implementation run as a black box (the released MaxK-GNN kernels): its records carry
    /// <c>peer: true</c>, are not verified by us and never get a speed-up or a headline.
    /// </summary>
    public virtual bool IsPeer => false;

    /// <summary>
    /// True when a section that asks for the released protocol also times this kernel that way (our cases of the kernels the
    /// released code has: MaxK forward and backward, and cuSPARSE ALG2 as their speed-up reference).
    /// </summary>
    public virtual bool TimedUnderReleasedProtocol => false;

    /// <summary>True for the kernel every GPU speed-up is measured against (cuSPARSE ALG2).</summary>
    public virtual bool IsSpeedupBaseline => false;

    /// <summary>Planned when a suite section lists no kernels (baselines and diagnostics only when listed).</summary>
    public virtual bool SelectedByDefault => true;

    /// <summary>The largest relative error (‖out − ref‖₂ / ‖ref‖₂) a verified output may have; 0 = must match exactly.</summary>
    public virtual double Tolerance => VerificationResult.Fp32Tolerance;

    /// <summary>Implementation id of the CPU case (e.g. cpu_reference); null when the kernel has no CPU case.</summary>
    public virtual string? CpuImplementation => null;

    /// <summary>Implementation id of the GPU case (e.g. maxk_native); null when the kernel has no GPU case.</summary>
    public virtual string? GpuImplementation => null;

    /// <summary>
    /// The GPU input-stream number, fixed forever so that a case draws the same inputs in every version (new kernels take
    /// the next free number; see <see cref="KernelInputs.Stream"/>). A diagnostic variant draws its <see cref="Bounds"/>' inputs.
    /// </summary>
    public virtual int InputStream => throw new InvalidOperationException($"Kernel '{Id}' has no GPU inputs.");

    /// <summary>The implementation on <paramref name="device"/>, or null.</summary>
    public string? Implementation(ComputeDevice device) => device == ComputeDevice.Cuda ? GpuImplementation : CpuImplementation;

    /// <summary>True when the kernel has cases on <paramref name="device"/>.</summary>
    public bool RunsOn(ComputeDevice device) => Implementation(device) is not null;

    /// <summary>
    /// The kernel's cases on one graph: by default one case at D without k (<see cref="TakesK"/> false) or one per k. The
    /// catalogue orders all kernels' cases (<see cref="KernelCatalog.Plan"/>).
    /// </summary>
    public virtual IEnumerable<KernelCase> Plan(ComputeDevice device, KernelPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Implementation(device) is not { } implementation)
            return [];
        return TakesK
            ? request.Ks.Select(k => new KernelCase(Id, implementation, request.Graph, request.Dim, k, request.Seed))
            : [new KernelCase(Id, implementation, request.Graph, request.Dim, 0, request.Seed)];
    }

    /// <summary>True when the kernel has a k (MaxK kernels): one case per k.</summary>
    public virtual bool TakesK => true;

    /// <summary>Runs one CPU case: fresh inputs, the check against the oracle, then (only if it passed) the timed runs.</summary>
    public virtual CaseOutcome RunCpu(KernelCase c, CpuKernelContext context) => throw new HarnessException($"Kernel '{Id}' has no CPU implementation.");

    /// <summary>Runs one GPU case: fresh inputs, NaN-poisoned output, one run checked against the reference, then (only if it passed) the timed runs.</summary>
    public virtual CaseOutcome RunGpu(KernelCase c, GpuKernelContext context) => throw new HarnessException($"Kernel '{Id}' has no GPU case.");

    /// <summary>The random stream of sub-input <paramref name="sub"/> of a GPU case (<see cref="KernelInputs.Stream"/>).</summary>
    public ulong Stream(KernelCase c, int sub)
    {
        ArgumentNullException.ThrowIfNull(c);
        var inputs = Bounds is { } bounded ? KernelCatalog.Get(bounded) : this;
        return KernelInputs.Stream(inputs.InputStream, sub, c);
    }

    public override string ToString() => Id;
}
