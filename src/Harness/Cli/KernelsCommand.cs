using System.CommandLine;
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
        var command = new Command("kernels", "GPU kernel benchmark: MaxK kernels vs cuSPARSE and GNNAdvisor, verified then timed with CUDA events.")
        {
            graph, dim, k, runs, warmup, seed, output,
        };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var options = KernelSuiteOptions.Parse(parse.GetValue(graph)!, parse.GetValue(dim), parse.GetValue(k)!, parse.GetValue(runs),
                parse.GetValue(warmup), parse.GetValue(seed));
            GpuEnvironment.Require("maxk kernels");
            var provenance = GpuProvenance.Query();
            log.WriteLine($"GPU: {provenance.Gpu}; native {provenance.NativeVersion} ({provenance.NativeLibrary}); cuSPARSE {provenance.CuSparseVersion}");
            var outcome = new SuiteRunner(log).Run(BuiltInSuites.Kernels(options), new SuiteRunOptions { Output = parse.GetValue(output)! });
            var records = outcome.Result.Cases;
            KernelSummaryTable.Write(log, records);
            log.WriteLine($"Wrote {records.Count} cases ({outcome.Failed} failed) to {outcome.Path}");
            return outcome.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
