using MaxK.Harness.Bundling;

namespace MaxK.Tests.Bundling;

public class BundlePrunerTests
{
    [Fact]
    public void Deduplicate_RemovesOnlyByteIdenticalFilesAndListsThem()
    {
        var root = Directory.CreateTempSubdirectory("maxk-prune-").FullName;
        try
        {
            var app = Directory.CreateDirectory(Path.Combine(root, "gpu-tests")).FullName;
            var source = Directory.CreateDirectory(Path.Combine(root, "harness")).FullName;
            File.WriteAllText(Path.Combine(source, "same.dll"), "abc");
            File.WriteAllText(Path.Combine(app, "same.dll"), "abc");
            File.WriteAllText(Path.Combine(source, "differs.dll"), "abc");
            File.WriteAllText(Path.Combine(app, "differs.dll"), "abd");
            File.WriteAllText(Path.Combine(app, "own.dll"), "x");
            Assert.Equal(3, BundlePruner.Deduplicate(app, source));
            Assert.False(File.Exists(Path.Combine(app, "same.dll")));
            Assert.True(File.Exists(Path.Combine(app, "differs.dll")));
            Assert.True(File.Exists(Path.Combine(app, "own.dll")));
            Assert.Equal(["same.dll"], File.ReadAllLines(Path.Combine(app, BundlePruner.SharedListName)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Prune_KeepsTheCompilersOnlyForAppsThatRunBenchmarkDotNet()
    {
        var root = Directory.CreateTempSubdirectory("maxk-prune-").FullName;
        try
        {
            foreach (var name in new[] { "libcapstone.so", "Microsoft.CodeAnalysis.dll", "maxk.dll" })
                File.WriteAllText(Path.Combine(root, name), "12345");
            Directory.CreateDirectory(Path.Combine(root, "amd64"));
            Assert.Equal(5, BundlePruner.Prune(root, runsBenchmarkDotNet: true));
            Assert.True(File.Exists(Path.Combine(root, "Microsoft.CodeAnalysis.dll")));
            Assert.False(Directory.Exists(Path.Combine(root, "amd64")));
            Assert.Equal(5, BundlePruner.Prune(root, runsBenchmarkDotNet: false));
            Assert.Equal(["maxk.dll"], Directory.GetFiles(root).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
