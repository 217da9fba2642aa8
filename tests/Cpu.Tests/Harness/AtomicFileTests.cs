using MaxK.Harness.Results;

namespace MaxK.Tests.Harness;

public class AtomicFileTests
{
    [Fact]
    public void ReplacesContentAndLeavesNoTemporaryFiles()
    {
        using var dir = new ScratchFolder();
        var path = Path.Combine(dir.Path, "deep", "x.json");
        AtomicFile.WriteAllText(path, "one");
        AtomicFile.WriteAllText(path, "two");
        Assert.Equal("two", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
