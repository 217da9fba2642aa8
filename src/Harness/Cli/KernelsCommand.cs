using System.CommandLine;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Provenance;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk kernels</c>: the GPU kernel benchmark (MaxK select, forward and backward and their diagnostic floors; cuSPARSE
/// ALG2 and ALG3 at D and ALG3 at width k; the GNNAdvisor-style SpMM; the device copy), each case verified then timed,
/// written to <c>&lt;output&gt;/&lt;gpu&gt;/&lt;utc-date&gt;_&lt;commit8&gt;/kernels.json</c>. It is the built-in suite
/// <see cref="BuiltInSuites.Kernels"/> run through <see cref="SuiteRunner"/>, like <c>maxk bench</c>. Needs CUDA and the
/// native library (exit 2 otherwise); exit 1 when a case failed.
/// </summary>
public static class KernelsCommand
{
    public static Command Create()
    {
        var graph = new Option<string>("--graph") { Description = "Comma-separated graph presets (see `maxk graph presets`).", DefaultValueFactory = _ => "reddit-uniform" };
        var dim = new Option<int>("--dim") { Description = "Dense width D (a multiple of 32 in [32, 4096]).", DefaultValueFactory = _ => KernelSuiteOptions.DefaultDim };
        var k = new Option<string>("--k") { Description = "Comma-separated k values of the MaxK kernels (1 ≤ k ≤ min(256, D)).", DefaultValueFactory = _ => "16,32,64" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (after warm-up).", DefaultValueFactory = _ => KernelSuiteOptions.DefaultRuns };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up runs per case (discarded).", DefaultValueFactory = _ => KernelSuiteOptions.DefaultWarmup };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the graphs' structure and weights and of every input.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--output") { Description = "Results folder.", DefaultValueFactory = _ => Path.Combine("artifacts", "results") };
        var protocols = new Option<string>("--timing-protocols")
        {
            Description = "Comma-separated GPU timing protocols: cuda-events-l2-flushed (ours: CUDA events, L2 flushed, median) and/or "
                + "released-host-mean4 (the released MaxK-GNN code's: host clock, 4 + 4 runs, mean, no flush; for MaxK forward/backward and ALG2).",
            DefaultValueFactory = _ => "cuda-events-l2-flushed",
        };
        var released = new Option<string?>("--released-dir")
        {
            Description = "A checkout of harveyp123/MaxK-GNN: also run its released kernels as a black-box peer on the same graphs "
                + "(k ∈ {16, 32, 64} at D = 256). Use `--released-dir clone` to clone the pinned commit where the host has a network.",
        };
        var command = new Command("kernels", "GPU kernel benchmark: MaxK kernels vs cuSPARSE and GNNAdvisor, verified then timed with CUDA events.")
        {
            graph, dim, k, runs, warmup, seed, output, protocols, released,
        };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var releasedDir = parse.GetValue(released);
            var options = KernelSuiteOptions.Parse(parse.GetValue(graph)!, parse.GetValue(dim), parse.GetValue(k)!, parse.GetValue(runs),
                parse.GetValue(warmup), parse.GetValue(seed)) with
            {
                Protocols = KernelSuiteOptions.ParseProtocols(parse.GetValue(protocols)!),
                Peers = releasedDir is null ? [] : [ReleasedPeerKernel.ImplementationId],
            };
            GpuEnvironment.Require("maxk kernels");
            var provenance = GpuProvenance.Query();
            log.WriteLine($"GPU: {provenance.Gpu}; native {provenance.NativeVersion} ({provenance.NativeLibrary}); cuSPARSE {provenance.CuSparseVersion}");
            var outcome = new SuiteRunner(log).Run(BuiltInSuites.Kernels(options), new SuiteRunOptions
            {
                Output = parse.GetValue(output)!,
                ReleasedDirectory = releasedDir is null or "clone" ? null : releasedDir,
            });
            var records = outcome.Result.Cases;
            KernelSummaryTable.Write(log, records);
            log.WriteLine($"Wrote {records.Count} cases ({outcome.Failed} failed) to {outcome.Path}");
            return outcome.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
