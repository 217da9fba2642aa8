using System.CommandLine;
using System.Globalization;
using MaxK.Harness.Gpu;
using MaxK.Harness.Verification;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk verify</c>: the GPU kernel verification grid (<see cref="GpuKernelVerifier"/>, the same checks as the GPU
/// tests) on a seeded random graph with empty rows and a hub row; prints one line per check; exit 1 on any failure,
/// 2 when CUDA or the native library is unavailable.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of the graph and of every random input.", DefaultValueFactory = _ => 42 };
        var nodes = new Option<int>("--nodes") { Description = "Nodes of the verification graph (it also gets a hub row of 12,000 edges).", DefaultValueFactory = _ => VerificationGraph.DefaultNodes };
        var command = new Command("verify", "Checks every GPU kernel against the CPU references over the k × D grid (exact for selection and scatter).") { seed, nodes };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var n = parse.GetValue(nodes);
            if (n < 2)
                throw new HarnessException("--nodes must be at least 2.");
            GpuEnvironment.Require("maxk verify");
            var graph = VerificationGraph.Build(parse.GetValue(seed), n);
            log.WriteLine($"Verification graph: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, seed {parse.GetValue(seed)}");
            using var verifier = new GpuKernelVerifier(graph, parse.GetValue(seed));
            var checks = new List<GpuKernelCheck>();
            log.WriteLine(Line("kernel", "variant", "k", "D", "rel err", "pass"));
            foreach (var check in verifier.All())
            {
                checks.Add(check);
                log.WriteLine(Line(check.Kernel, check.Variant, check.K > 0 ? check.K.ToString(CultureInfo.InvariantCulture) : "—",
                    check.Dim > 0 ? check.Dim.ToString(CultureInfo.InvariantCulture) : "—",
                    double.IsNaN(check.RelativeError) ? "NaN" : check.RelativeError.ToString("E2", CultureInfo.InvariantCulture),
                    check.Passed ? "pass" : "FAIL" + Detail(check)));
            }
            var failed = checks.Count(c => !c.Passed);
            log.WriteLine($"{checks.Count} checks, {checks.Count - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Line(string kernel, string variant, string k, string dim, string error, string pass) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,-44} {2,4} {3,4} {4,10}  {5}", kernel, variant, k, dim, error, pass);

    private static string Detail(GpuKernelCheck check) =>
        (check.Mismatches > 0 ? $" ({check.Mismatches} mismatches)" : "") + (check.Error is null ? "" : $": {check.Error}");
}
