using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Grid;
using MaxK.Harness.Results;
using MaxK.Harness.Training;
using MaxK.Harness.Verification;
using MaxK.Harness.Vocabulary;
using MaxK.Sources;
using MaxK.Training;
using MaxK.Training.Models;

namespace MaxK.Harness.Suites;

/// <summary>
/// Expands a suite into its ordered case list for this host. Sections that require CUDA are skipped (with the reason)
/// when the GPU part cannot run; "no-cuda" sections are skipped when it can. Case ids are stable (they carry every
/// parameter), so the journal, shards and merge can key on them; a repeated id is kept once. Kernel cases come from the
/// kernel catalogue (<see cref="KernelCatalog.Plan"/>), verification cases from the grid (<see cref="GpuKernelVerifier.Plan"/>).
/// </summary>
public static class SuiteExpander
{
    /// <param name="gpuUnavailableReason">Null when CUDA, cuSPARSE and the native library are usable; otherwise why not.</param>
    public static SuiteRunPlan Expand(SuiteDefinition suite, string? gpuUnavailableReason)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var cases = new List<SuiteCase>();
        var skipped = new List<SkippedWork>();
        foreach (var section in suite.Sections)
        {
            var sectionCases = section switch
            {
                { Kernel: { } kernel } => KernelCases(section, kernel, suite.Seed, skipped),
                { Verification: { } verification } => VerificationCases(section, verification, suite.Seed),
                _ => TrainingCases(section, section.Training!),
            };
            if (section.Requires == SectionRequirement.Cuda && gpuUnavailableReason is not null)
            {
                skipped.Add(new SkippedWork($"section '{section.Name}' ({sectionCases.Count} {section.Kind.ToString().ToLowerInvariant()} cases on cuda)", gpuUnavailableReason));
                continue;
            }
            if (section.Requires == SectionRequirement.NoCuda && gpuUnavailableReason is null)
            {
                skipped.Add(new SkippedWork($"section '{section.Name}' ({sectionCases.Count} cases, the CPU stand-in)", "CUDA is present: the GPU sections run instead"));
                continue;
            }
            cases.AddRange(sectionCases);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new SuiteRunPlan(suite, [.. cases.Where(c => seen.Add(c.Id))], skipped);
    }

    /// <summary>The graphs of a section: specs naming several graphs (dir:DIR) expanded to one csr: spec each; one that cannot be expanded is skipped with the reason.</summary>
    private static List<string> Graphs(SuiteSection section, KernelSectionSpec spec, List<SkippedWork> skipped)
    {
        var graphs = new List<string>();
        foreach (var graph in spec.Graphs)
        {
            try
            {
                graphs.AddRange(GraphSources.Expand(graph));
            }
            catch (GraphSourceException ex)
            {
                skipped.Add(new SkippedWork($"section '{section.Name}', graph {graph}", ex.Message));
            }
        }
        return graphs;
    }

    private static List<SuiteCase> KernelCases(SuiteSection section, KernelSectionSpec spec, ulong seed, List<SkippedWork> skipped)
    {
        var cases = new List<SuiteCase>();
        var graphs = Graphs(section, spec, skipped);
        foreach (var dim in spec.Dims)
        {
            foreach (var graph in graphs)
            {
                var request = new KernelPlanRequest(graph, dim, spec.Ks, seed) { Peers = new HashSet<string>(spec.Peers, StringComparer.Ordinal) };
                var planned = KernelCatalog.Plan(section.Device, request)
                    .Where(c => KernelCatalog.IsPeer(c) || spec.Kernels.Contains(c.Kernel)).ToList();
                // Ours under every protocol of the section (the released one only for the kernels the released code has), then the peers.
                foreach (var protocol in spec.Protocols)
                {
                    cases.AddRange(planned.Where(c => !KernelCatalog.IsPeer(c)
                            && (protocol == TimingProtocol.CudaEventsL2Flushed || KernelCatalog.Get(c.Kernel).TimedUnderReleasedProtocol))
                        .Select(c => new KernelSuiteCase(c with { Protocol = protocol }, section.Name, section.Device, dim, spec.Runs, spec.Warmup)));
                }
                cases.AddRange(planned.Where(KernelCatalog.IsPeer).Select(c => new KernelSuiteCase(c, section.Name, section.Device, dim, spec.Runs, spec.Warmup)));
            }
        }
        return cases;
    }

    private static List<SuiteCase> VerificationCases(SuiteSection section, VerificationSectionSpec spec, ulong seed)
    {
        var graph = VerificationGraph.Name(spec.Nodes);
        return [.. GpuKernelVerifier.Plan().Select(check => new VerificationSuiteCase(
            new KernelCase(check.Kernel, KernelNames.MaxkNative, graph, check.Dim, check.K, seed) { Variant = check.Variant }, section.Name, spec.Nodes, check))];
    }

    private static List<SuiteCase> TrainingCases(SuiteSection section, TrainingSectionSpec spec)
    {
        var cases = new List<SuiteCase>();
        foreach (var dataset in spec.Datasets)
        {
            var defaults = DatasetDefaults.For(dataset);
            foreach (var model in spec.Models)
            {
                foreach (var variant in spec.Variants)
                {
                    var nonlinearity = variant.Nonlinearity == "maxk" ? Nonlinearity.MaxK : Nonlinearity.Relu;
                    var backend = variant.Backend ?? TrainingBackendFacts.Default(section.Device, nonlinearity == Nonlinearity.MaxK);
                    foreach (var k in variant.Ks.Count > 0 ? variant.Ks.Select(k => (int?)k) : [null])
                    {
                        foreach (var seed in spec.Seeds)
                        {
                            var spec1 = new TrainingRunSpec
                            {
                                Dataset = dataset, Model = Enum.Parse<GnnArchitecture>(model, ignoreCase: true), Nonlinearity = nonlinearity, K = k,
                                Hidden = spec.Hidden, Layers = spec.Layers, Epochs = spec.Epochs, Seed = seed, Device = section.Device.ToTorch(),
                                Backend = backend.IsPeer() ? null : backend, WarmupEpochs = spec.WarmupEpochs,
                                LearningRate = spec.LearningRate, Dropout = spec.Dropout, WeightDecay = spec.WeightDecay,
                            };
                            var id = Id(dataset, model, variant.Nonlinearity, k, backend, spec.Hidden ?? defaults.Hidden, spec.Layers ?? defaults.Layers, seed);
                            cases.Add(new TrainingSuiteCase(id, section.Name, section.Device, section.Kind, spec1, backend,
                                spec.Fallbacks.TryGetValue(dataset, out var fallback) ? fallback : null));
                        }
                    }
                }
            }
        }
        return cases;
    }

    /// <summary>The id of a training case, in the form <see cref="TrainingRun"/> gives its records.</summary>
    public static string Id(string dataset, string model, string nonlinearity, int? k, TrainingBackend backend, int hidden, int layers, long seed) =>
        $"train/{dataset}/{model}/{(nonlinearity == "maxk" ? $"maxk-k{k}" : "relu")}/{backend.Word()}/h{hidden}-l{layers}/seed{seed}";
}
