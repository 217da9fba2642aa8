using System.CommandLine;
using MaxK.Harness.Site;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk report</c>: renders the static site from result files.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "Folder of result JSON files.", DefaultValueFactory = _ => "results" };
        var site = new Option<string>("--site") { Description = "Site sources (templates/, assets/).", DefaultValueFactory = _ => "site" };
        var output = new Option<string>("--output") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("site", "_out") };
        var command = new Command("report", "Renders the static results site (HTML) from result files.") { results, site, output };
        command.SetAction(parse =>
        {
            SiteRenderer.Render(parse.GetValue(results)!, parse.GetValue(site)!, parse.GetValue(output)!, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
