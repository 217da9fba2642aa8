using MaxK.Harness;
using MaxK.Harness.Bundling;

namespace MaxK.Tests.Harness;

public class DotNetRuntimeArchiveTests
{
    [Fact]
    public void ListsTheHostFxrAndTheSharedFrameworkOfTheRunningRuntime()
    {
        var root = DotNetRuntimeArchive.CurrentRoot();
        var files = DotNetRuntimeArchive.Files(root, Environment.Version.ToString());
        Assert.Contains("dotnet", files);
        Assert.Contains(files, f => f.EndsWith("libhostfxr.so", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("System.Private.CoreLib.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("sdk", StringComparison.Ordinal));
    }

    [Fact]
    public void PackRefusesABundleWithoutPublishedApps()
    {
        using var dir = new ScratchFolder();
        var ex = Assert.Throws<HarnessException>(() => BundlePacker.Pack(dir.Path, dir.Path, new StringWriter()));
        Assert.Contains("harness/maxk.dll", ex.Message);
    }
}
