using System.Globalization;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Suites;
using MaxK.Interop;
using MaxK.Kernels;

namespace MaxK.Harness.Gpu;

/// <summary>
/// The GPU kernel benchmark behind <c>maxk kernels</c> and the GPU part of <c>maxk bench</c>. For each graph (uploaded
/// once) it runs, at dense width D, cuSPARSE SpMM CSR_ALG2 (the baseline every speed-up refers to), CSR_ALG3 (its
/// preprocessing recorded separately), the GNNAdvisor-style SpMM and a device-to-device copy of N × D floats (the measured
/// memory bandwidth the GB/s figures are read against); then for each k MaxK selection, the SpGEMM forward,
/// the SSpMM backward, their loads-only floors (DIAGNOSTIC, <see cref="FloorCases"/>: timed, never verified, marked
/// <c>diagnostic</c>) and cuSPARSE ALG3 at width k (<c>width_k</c>: what a dense SpMM costs on as few columns). Every
/// other case is verified before it is timed (<see cref="GpuKernelCases"/>); a case that throws (e.g. out of memory) is
/// recorded with its error and the rest go on.
/// </summary>
public sealed class KernelBenchmark(KernelBenchmarkOptions options, TextWriter log)
{
    /// <summary>The cases of one graph, in run order (the ALG2 baseline first).</summary>
    public static IReadOnlyList<KernelCase> Plan(KernelBenchmarkOptions options, string graph)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = options.Dim;
        var cases = new List<KernelCase>
        {
            new(KernelNames.CuSparseSpmmAlg2, KernelNames.CuSparse, graph, d, 0, options.Seed),
            new(KernelNames.CuSparseSpmmAlg3, KernelNames.CuSparse, graph, d, 0, options.Seed),
            new(KernelNames.GnnAdvisorSpmm, KernelNames.MaxkNative, graph, d, 0, options.Seed),
            new(KernelNames.DeviceCopy, KernelNames.CudaRuntime, graph, d, 0, options.Seed),
        };
        foreach (var k in options.Ks)
        {
            cases.Add(new(KernelNames.MaxKSelect, KernelNames.MaxkNative, graph, d, k, options.Seed));
            cases.Add(new(KernelNames.MaxKForward, KernelNames.MaxkNative, graph, d, k, options.Seed));
            cases.Add(new(KernelNames.MaxKBackward, KernelNames.MaxkNative, graph, d, k, options.Seed));
            cases.Add(new(KernelNames.MaxKForwardFloor, KernelNames.MaxkNative, graph, d, k, options.Seed));
            cases.Add(new(KernelNames.MaxKBackwardFloor, KernelNames.MaxkNative, graph, d, k, options.Seed));
            cases.Add(new(KernelNames.CuSparseSpmmAlg3, KernelNames.CuSparse, graph, k, k, options.Seed) { WidthK = true });
        }
        return cases;
    }

    /// <summary>The timing protocol in words, for the manifest.</summary>
    public static string TimingProtocol(KernelBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"CUDA events around each run on the legacy default stream; {options.Warmup} warm-up + {options.Runs} timed runs per case "
            + $"after one verified run; L2 flushed before every run ({L2Flusher.DefaultBytes >> 20} MiB cudaMemsetAsync, outside the timed span); "
            + "median with a distribution-free 95% CI";
    }

    /// <summary>Runs every graph's plan and returns one record per case, speed-ups filled in.</summary>
    /// <param name="gpuName">The device name for each record's <c>gpu</c> field.</param>
    public IReadOnlyList<CaseRecord> Run(string gpuName)
    {
        options.Validate();
        var timer = new CudaEventTimer(options.Warmup, options.Runs);
        var records = new List<CaseRecord>();
        var total = options.Graphs.Count * Plan(options, options.Graphs[0]).Count;
        foreach (var name in options.Graphs)
        {
            var preset = GraphPresets.Get(name);
            var plan = Plan(options, name);
            GpuGraphSession? session = null;
            string? sessionError = null;
            try
            {
                session = new GpuGraphSession(preset, options, log);
                log.WriteLine($"{name}: {session.OutSample.Description} checked per output");
            }
            catch (Exception ex)
            {
                sessionError = $"graph setup failed: {ex.GetType().Name}: {ex.Message}";
                log.WriteLine($"{name}: {sessionError}");
            }
            try
            {
                foreach (var c in plan)
                {
                    var record = session is null
                        ? Record(c, preset, preset.Nodes, preset.Edges, gpuName, null, sessionError)
                        : RunCase(c, session, timer, gpuName);
                    records.Add(record);
                    log.WriteLine(ProgressLine(records.Count, total, record));
                }
            }
            finally
            {
                session?.Dispose();
            }
        }
        AddSpeedups(records);
        return records;
    }

    /// <summary>
    /// Fills <c>speedup</c> and <c>speedup_baseline</c> by the rule every result file follows
    /// (<see cref="Runner.DerivedMetrics.CaseSpeedups"/>: SpMM-like cases against cusparse_spmm_alg2 on the same graph and D).
    /// </summary>
    public static void AddSpeedups(List<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var updated = Runner.DerivedMetrics.CaseSpeedups(records);
        records.Clear();
        records.AddRange(updated);
    }

    /// <summary>
    /// The result record of one case: identity and shape, then (when <paramref name="outcome"/> is given) verification,
    /// statistics of the samples, modelled bytes and GB/s at the median; <paramref name="error"/> marks a failed case.
    /// </summary>
    public static CaseRecord Record(KernelCase c, GraphPreset preset, int nodes, long edges, string gpuName, CaseOutcome? outcome, string? error, int warmup = 0)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(preset);
        var record = new CaseRecord
        {
            Id = c.Id, Kernel = c.Kernel, Implementation = c.Implementation, Device = "cuda", Graph = c.Graph, GraphSynthetic = preset.IsSynthetic,
            GraphLabel = preset.Label, Nodes = nodes, Edges = edges, Dim = c.Dim, K = c.K, Dtype = "fp32", Seed = c.Seed,
            Verified = false, VerificationReference = "", VerificationRelativeError = double.NaN, VerificationTolerance = 0,
            Warmup = warmup, N = 0, SamplesMs = [], Gpu = gpuName, WidthK = c.WidthK ? true : null, ByteModel = ByteModel.Description, Error = error,
            Diagnostic = KernelNames.IsDiagnostic(c.Kernel) ? true : null,
        };
        if (record.Diagnostic == true)
            record = record with { VerificationReference = KernelNames.FloorVerificationNote };
        if (outcome is null)
            return record;
        var check = outcome.Verification;
        record = record with
        {
            Verified = check.Passed && error is null && record.Diagnostic != true, VerificationReference = check.Reference, VerificationRelativeError = check.RelativeError,
            VerificationTolerance = check.Tolerance, BytesModeled = outcome.BytesModeled, SamplesMs = outcome.SamplesMs, N = outcome.SamplesMs.Count,
            PreprocessMs = outcome.PreprocessMs, PreprocessNote = outcome.PreprocessNote, Config = outcome.Config,
        };
        if (outcome.SamplesMs.Count == 0)
            return record;
        var stats = SampleStatistics.From(outcome.SamplesMs);
        return record with
        {
            MedianMs = stats.MedianMs, MinMs = stats.MinMs, MaxMs = stats.MaxMs, MeanMs = stats.MeanMs, StddevMs = stats.StdDevMs,
            MedianCi95LowMs = stats.MedianCi95LowMs, MedianCi95HighMs = stats.MedianCi95HighMs,
            GbPerS = stats.MedianMs > 0 ? outcome.BytesModeled / (stats.MedianMs * 1e6) : null,
        };
    }

    private CaseRecord RunCase(KernelCase c, GpuGraphSession s, CudaEventTimer timer, string gpuName)
    {
        try
        {
            var outcome = GpuKernelCases.Run(c, s, timer);
            return Record(c, s.Preset, s.Graph.NodeCount, s.Graph.EdgeCount, gpuName, outcome, null, options.Warmup);
        }
        catch (Exception ex)
        {
            // One failing case (out of memory, an unsupported shape, a kernel error) is recorded; the rest go on.
            return Record(c, s.Preset, s.Graph.NodeCount, s.Graph.EdgeCount, gpuName, null, $"{ex.GetType().Name}: {ex.Message}", options.Warmup);
        }
    }

    private static string ProgressLine(int index, int total, CaseRecord r)
    {
        var time = r.MedianMs is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m,9:F3} ms") : "        —   ";
        return $"[{index,3}/{total}] {r.Id,-62} {time}  {Status(r)}";
    }

    /// <summary>"verified", "diagnostic: …" (a floor, never verified) or "NOT VERIFIED: why", for progress lines.</summary>
    public static string Status(CaseRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Diagnostic == true && r.Error is null)
            return "diagnostic: " + KernelNames.FloorVerificationNote;
        return r.Verified ? "verified" : "NOT VERIFIED: " + (r.Error ?? string.Create(CultureInfo.InvariantCulture, $"rel err {r.VerificationRelativeError:E2}"));
    }
}
