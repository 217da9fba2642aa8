using MaxK.Harness;
using MaxK.Harness.Ci;

namespace MaxK.Tests.Harness;

public class TestRunSummaryTests
{
    private static string Report(int total, int passed, int failed, int skipped, int errors = 0) =>
        $"<assemblies schema-version=\"3\"><assembly name=\"x.dll\" total=\"{total}\" passed=\"{passed}\" failed=\"{failed}\" skipped=\"{skipped}\" errors=\"{errors}\" /></assemblies>";

    [Fact]
    public void SumsEveryReportInTheFolder()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("a.xml"), Report(10, 9, 1, 0));
        Directory.CreateDirectory(dir.File("sub"));
        File.WriteAllText(Path.Combine(dir.File("sub"), "b.xml"), Report(5, 3, 0, 2));
        var s = TestRunSummary.FromDirectory(dir.Path);
        Assert.Equal(new TestRunSummary(15, 12, 1, 2, 0, 2), s);
        Assert.Equal("12 passed, 1 failed, 2 skipped", s.CiLine);
    }

    [Fact]
    public void ErrorsCountAsFailures()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("a.xml"), Report(3, 3, 0, 0, errors: 1));
        Assert.Equal("3 passed, 1 failed", TestRunSummary.FromDirectory(dir.Path).CiLine);
    }

    [Fact]
    public void CorruptOrForeignReportsAreNamed()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("bad.xml"), "<assemblies><assembly");
        var ex = Assert.Throws<HarnessException>(() => TestRunSummary.FromDirectory(dir.Path));
        Assert.Contains("bad.xml", ex.Message);

        File.WriteAllText(dir.File("bad.xml"), "<testsuites/>");
        Assert.Contains("not an xUnit XML report", Assert.Throws<HarnessException>(() => TestRunSummary.FromDirectory(dir.Path)).Message);
    }

    [Fact]
    public void MissingFolderOrNoReportIsAnError()
    {
        using var dir = new ScratchFolder();
        Assert.Contains("No xUnit XML report", Assert.Throws<HarnessException>(() => TestRunSummary.FromDirectory(dir.Path)).Message);
        Assert.Contains("does not exist", Assert.Throws<HarnessException>(() => TestRunSummary.FromDirectory(dir.File("nope"))).Message);
    }
}
