using MaxK.Harness.Gpu;
using MaxK.Harness.Training;
using MaxK.Torch;
using MaxK.Training;
using MaxK.Training.Models;

namespace MaxK.Harness.Suites;

/// <summary>
/// Expands a suite into its ordered case list for this host. Sections that require CUDA are skipped (with the reason)
/// when the GPU part cannot run; "no-cuda" sections are skipped when it can. Case ids are stable (they carry every
/// parameter), so the journal, shards and merge can key on them; a repeated id is kept once.
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
            var sectionCases = section.Kernel is not null ? KernelCases(section, section.Kernel, suite.Seed) : TrainingCases(section, section.Training!);
            if (section.Requires == "cuda" && gpuUnavailableReason is not null)
            {
                skipped.Add(new SkippedWork($"section '{section.Name}' ({sectionCases.Count} {section.Kind.ToString().ToLowerInvariant()} cases on cuda)", gpuUnavailableReason));
                continue;
            }
            if (section.Requires == "no-cuda" && gpuUnavailableReason is null)
            {
                skipped.Add(new SkippedWork($"section '{section.Name}' ({sectionCases.Count} cases, the CPU stand-in)", "CUDA is present: the GPU sections run instead"));
                continue;
            }
            cases.AddRange(sectionCases);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new SuiteRunPlan(suite, [.. cases.Where(c => seen.Add(c.Id))], skipped);
    }

    private static List<SuiteCase> KernelCases(SuiteSection section, KernelSectionSpec spec, ulong seed)
    {
        var cases = new List<SuiteCase>();
        foreach (var dim in spec.Dims)
        {
            foreach (var graph in spec.Graphs)
            {
                IEnumerable<KernelCase> planned;
                if (section.Device == "cuda")
                {
                    var options = new KernelBenchmarkOptions { Graphs = [graph], Dim = dim, Ks = spec.Ks, Runs = spec.Runs, Warmup = spec.Warmup, Seed = seed };
                    planned = KernelBenchmark.Plan(options, graph);
                }
                else
                {
                    var cpu = new List<KernelCase> { new(KernelNames.DenseSpmm, KernelNames.CpuReference, graph, dim, 0, seed) };
                    foreach (var k in spec.Ks)
                    {
                        cpu.Add(new(KernelNames.MaxKSelect, KernelNames.CpuReference, graph, dim, k, seed));
                        cpu.Add(new(KernelNames.MaxKForward, KernelNames.CpuReference, graph, dim, k, seed));
                        cpu.Add(new(KernelNames.MaxKBackward, KernelNames.CpuReference, graph, dim, k, seed));
                    }
                    planned = cpu;
                }
                cases.AddRange(planned.Where(c => spec.Kernels.Contains(c.Kernel))
                    .Select(c => new KernelSuiteCase(c, section.Name, section.Device, dim, spec.Runs, spec.Warmup)));
            }
        }
        return cases;
    }

    private static List<SuiteCase> TrainingCases(SuiteSection section, TrainingSectionSpec spec)
    {
        var cases = new List<SuiteCase>();
        var device = section.Device == "cuda" ? TorchDevice.Cuda : TorchDevice.Cpu;
        foreach (var dataset in spec.Datasets)
        {
            var defaults = DatasetDefaults.For(dataset);
            foreach (var model in spec.Models)
            {
                foreach (var variant in spec.Variants)
                {
                    var nonlinearity = variant.Nonlinearity == "maxk" ? Nonlinearity.MaxK : Nonlinearity.Relu;
                    var backend = variant.Backend ?? TrainingBackends.Default(device, nonlinearity);
                    foreach (var k in variant.Ks.Count > 0 ? variant.Ks.Select(k => (int?)k) : [null])
                    {
                        foreach (var seed in spec.Seeds)
                        {
                            var spec1 = new TrainingRunSpec
                            {
                                Dataset = dataset, Model = Enum.Parse<GnnArchitecture>(model, ignoreCase: true), Nonlinearity = nonlinearity, K = k,
                                Hidden = spec.Hidden, Layers = spec.Layers, Epochs = spec.Epochs, Seed = seed, Device = device,
                                Backend = backend == "pyg" ? null : backend, WarmupEpochs = spec.WarmupEpochs,
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
    public static string Id(string dataset, string model, string nonlinearity, int? k, string backend, int hidden, int layers, long seed) =>
        $"train/{dataset}/{model}/{(nonlinearity == "maxk" ? $"maxk-k{k}" : "relu")}/{backend}/h{hidden}-l{layers}/seed{seed}";
}
