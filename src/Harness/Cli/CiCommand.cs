using System.CommandLine;
using MaxK.Harness.Ci;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk ci test-summary DIR</c>: prints the "N passed, N failed" line from xUnit XML reports.</summary>
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
        return new Command("ci", "Helpers for CI and the build script.") { summary };
    }
}
