using System.CommandLine;
using MaxK.Harness.Gpu;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk kernels</c>: the GPU kernel benchmark (MaxK select, forward and backward; cuSPARSE ALG2 and ALG3 at D and
/// ALG3 at width k; the GNNAdvisor-style SpMM), each case verified then timed, written to
/// <c>&lt;output&gt;/&lt;gpu&gt;/&lt;utc-date&gt;_&lt;commit8&gt;/kernels.json</c>. Needs CUDA and the native library (exit 2 otherwise).
/// </summary>
public static class KernelsCommand
{
    public const string Suite = "kernels";

    public static Command Create()
    {
        var graph = new Option<string>("--graph") { Description = "Comma-separated graph presets (see `maxk graph presets`).", DefaultValueFactory = _ => "reddit-uniform" };
        var dim = new Option<int>("--dim") { Description = "Dense width D (a multiple of 32 in [32, 4096]).", DefaultValueFactory = _ => KernelBenchmarkOptions.DefaultDim };
        var k = new Option<string>("--k") { Description = "Comma-separated k values of the MaxK kernels (1 ≤ k ≤ min(256, D)).", DefaultValueFactory = _ => "16,32,64" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (after warm-up).", DefaultValueFactory = _ => KernelBenchmarkOptions.DefaultRuns };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up runs per case (discarded).", DefaultValueFactory = _ => KernelBenchmarkOptions.DefaultWarmup };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the graphs' structure and weights and of every input.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--output") { Description = "Results folder.", DefaultValueFactory = _ => Path.Combine("artifacts", "results") };
        var command = new Command("kernels", "GPU kernel benchmark: MaxK kernels vs cuSPARSE and GNNAdvisor, verified then timed with CUDA events.")
        {
            graph, dim, k, runs, warmup, seed, output,
        };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var options = KernelBenchmarkOptions.Parse(parse.GetValue(graph)!, parse.GetValue(dim), parse.GetValue(k)!, parse.GetValue(runs),
                parse.GetValue(warmup), parse.GetValue(seed));
            var env = GpuEnvironment.Require("maxk kernels");
            var provenance = GpuProvenance.Query();
            log.WriteLine($"GPU: {provenance.Gpu}; native {provenance.NativeVersion} ({MaxK.Native.MaxkNativeLibraryResolver.LoadedPath}); cuSPARSE {provenance.CuSparseVersion}");
            var manifest = provenance.Apply(
                ManifestFactory.Create(Suite, (env.DeviceCount, env.DriverVersion, null), options.Seed),
                KernelBenchmark.TimingProtocol(options));
            var records = new KernelBenchmark(options, log).Run(provenance.Gpu.Name);
            var result = new RunResult { Manifest = manifest with { FinishedUtc = DateTimeOffset.UtcNow }, Skipped = [], Cases = records };
            var path = ResultPaths.File(parse.GetValue(output)!, provenance.Gpu.Name, manifest, Suite);
            AtomicFile.WriteAllText(path, ResultJson.Serialize(result));
            KernelSummaryTable.Write(log, records);
            var failed = records.Count(r => r.Failed);
            log.WriteLine($"Wrote {records.Count} cases ({failed} failed) to {path}");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
