using System.Xml.Linq;

namespace MaxK.Harness.Ci;

/// <summary>Totals read from xUnit.net v2+ XML reports (<c>--report-xunit-xml</c>), summed over assemblies.</summary>
public sealed record TestRunSummary(int Total, int Passed, int Failed, int Skipped, int Errors, int Reports)
{
    /// <summary>The line CI reads: "N passed, N failed[, N skipped]". Errors count as failures.</summary>
    public string CiLine => $"{Passed} passed, {Failed + Errors} failed" + (Skipped > 0 ? $", {Skipped} skipped" : "");

    /// <summary>Sums every *.xml report under <paramref name="directory"/>; a corrupt report is an error naming it.</summary>
    public static TestRunSummary FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new HarnessException($"Test results folder '{directory}' does not exist: the test run produced no report.");
        var files = Directory.GetFiles(directory, "*.xml", SearchOption.AllDirectories);
        if (files.Length == 0)
            throw new HarnessException($"No xUnit XML report in '{directory}': did the test run start?");
        var sum = new TestRunSummary(0, 0, 0, 0, 0, 0);
        foreach (var file in files.Order(StringComparer.Ordinal))
            sum = sum.Add(FromFile(file));
        return sum;
    }

    public static TestRunSummary FromFile(string file)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Load(file);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new HarnessException($"Test report '{file}' is not valid XML: {ex.Message}", ex);
        }
        var assemblies = doc.Root?.Name.LocalName == "assemblies" ? doc.Root.Elements("assembly").ToList() : [];
        if (assemblies.Count == 0)
            throw new HarnessException($"Test report '{file}' has no <assembly> element: not an xUnit XML report.");
        int Attr(XElement e, string name) => int.TryParse((string?)e.Attribute(name), out var v) ? v : 0;
        return new TestRunSummary(
            assemblies.Sum(a => Attr(a, "total")),
            assemblies.Sum(a => Attr(a, "passed")),
            assemblies.Sum(a => Attr(a, "failed")),
            assemblies.Sum(a => Attr(a, "skipped")),
            assemblies.Sum(a => Attr(a, "errors")),
            1);
    }

    public TestRunSummary Add(TestRunSummary other) => new(
        Total + other.Total, Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped, Errors + other.Errors, Reports + other.Reports);
}
