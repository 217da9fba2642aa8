using System.CommandLine;
using MaxK.Harness.Ci;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk ci test-summary DIR</c>: prints the "N passed, N failed" line from xUnit XML reports; <c>maxk ci run-tests</c>:
/// runs a test project with progress lines (the Test target of ./build.sh).
/// </summary>
public static class CiCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("results-directory") { Description = "Folder with *.xml reports from --report-xunit-xml." };
        var summary = new Command("test-summary", "Sums xUnit XML reports and prints 'N passed, N failed'; exit 1 if any test failed.") { dir };
        summary.SetAction(parse =>
        {
            var s = TestRunSummary.FromDirectory(parse.GetValue(dir)!);
            parse.InvocationConfiguration.Output.WriteLine(s.CiLine);
            return s.Failed + s.Errors > 0 ? 1 : 0;
        });
        var project = new Option<string>("--project") { Description = "Test project (built already).", Required = true };
        var configuration = new Option<string>("--configuration") { Description = "Build configuration of the test project.", DefaultValueFactory = _ => "Release" };
        var results = new Option<string>("--results-directory") { Description = "Folder for the xUnit XML reports.", Required = true };
        var run = new Command("run-tests", "Runs a built test project with dotnet test, printing failures in full and a progress line every 20 s; exit 1 if a test failed.")
        {
            project, configuration, results,
        };
        run.SetAction(parse => TestRun.Run(parse.GetValue(project)!, parse.GetValue(configuration)!, parse.GetValue(results)!, parse.InvocationConfiguration.Output) == 0 ? 0 : 1);
        return new Command("ci", "Helpers for CI and the build script.") { summary, run };
    }
}
