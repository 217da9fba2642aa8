using System.CommandLine;
using MaxK.Harness.Site;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk report [--results DIR] [--local PATH…] [--output DIR]</c>: renders the static site from result files; local
/// runs (files or folders outside the committed results, e.g. your own benchmark run) are rendered beside them and
/// marked local on every page.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "Folder of result JSON files.", DefaultValueFactory = _ => "results" };
        var local = new Option<string[]>("--local") { Description = "A result file or folder of your own runs, rendered beside --results and marked local (repeatable).", AllowMultipleArgumentsPerToken = true };
        var site = new Option<string>("--site") { Description = "Site sources (templates/, assets/).", DefaultValueFactory = _ => "site" };
        var output = new Option<string>("--output") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("site", "_out") };
        var command = new Command("report", "Renders the static results site (HTML) from result files.") { results, local, site, output };
        command.SetAction(parse =>
        {
            SiteRenderer.Render(parse.GetValue(results)!, parse.GetValue(local) ?? [], parse.GetValue(site)!, parse.GetValue(output)!, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
