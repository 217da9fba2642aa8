using System.CommandLine;
using System.Globalization;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk verify</c>: the GPU kernel verification grid (the same checks as the GPU tests) on a seeded random graph with
/// empty rows and a hub row, as the built-in suite <see cref="BuiltInSuites.Verify"/> run through <see cref="SuiteRunner"/>:
/// one record per check (verified, never timed) in <c>&lt;output&gt;/&lt;gpu&gt;/&lt;utc-date&gt;_&lt;commit8&gt;/verify.json</c>,
/// then one line per check; exit 1 on any failure, 2 when CUDA or the native library is unavailable.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of the graph and of every random input.", DefaultValueFactory = _ => 42 };
        var nodes = new Option<int>("--nodes") { Description = "Nodes of the verification graph (it also gets a hub row of 12,000 edges).", DefaultValueFactory = _ => VerificationGraph.DefaultNodes };
        var output = new Option<string>("--output") { Description = "Results folder (verify.json goes under it).", DefaultValueFactory = _ => Path.Combine("artifacts", "results") };
        var command = new Command("verify", "Checks every GPU kernel against the CPU references over the k × D grid (exact for selection and scatter).") { seed, nodes, output };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var suite = BuiltInSuites.Verify(parse.GetValue(seed), parse.GetValue(nodes));
            GpuEnvironment.Require("maxk verify");
            var outcome = new SuiteRunner(log).Run(suite, new SuiteRunOptions { Output = parse.GetValue(output)! });
            var checks = outcome.Result.Cases;
            log.WriteLine(Line("kernel", "variant", "k", "D", "rel err", "pass"));
            foreach (var check in checks)
            {
                log.WriteLine(Line(check.Kernel, check.Config ?? "", check.K > 0 ? check.K.ToString(CultureInfo.InvariantCulture) : "—",
                    check.Dim > 0 ? check.Dim.ToString(CultureInfo.InvariantCulture) : "—",
                    double.IsNaN(check.VerificationRelativeError) ? "NaN" : check.VerificationRelativeError.ToString("E2", CultureInfo.InvariantCulture),
                    check.Failed ? "FAIL" + Detail(check) : "pass"));
            }
            log.WriteLine($"{checks.Count} checks, {checks.Count - outcome.Failed} passed, {outcome.Failed} failed; wrote {outcome.Path}");
            return outcome.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Line(string kernel, string variant, string k, string dim, string error, string pass) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-26} {1,-44} {2,4} {3,4} {4,10}  {5}", kernel, variant, k, dim, error, pass);

    private static string Detail(CaseRecord check) => check.Error is null ? $" ({check.VerificationReference})" : $": {check.Error}";
}
