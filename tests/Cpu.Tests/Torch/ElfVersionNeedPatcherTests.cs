using MaxK.Torch;

namespace MaxK.Tests.Torch;

public class ElfVersionNeedPatcherTests
{
    private static byte[] LibTorchSharpBytes()
    {
        var path = LibTorchSharpPatcher.FindOriginal(AppContext.BaseDirectory, NuGetPackageFolders.Roots(), TorchRuntime.TorchSharpVersion);
        Assert.NotNull(path);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void MarksTheGlibcxxRequirementWeakExactlyOnce()
    {
        var bytes = LibTorchSharpBytes();
        var original = (byte[])bytes.Clone();
        Assert.False(ElfVersionNeedPatcher.IsWeak(bytes, "libstdc++.so.6", "GLIBCXX_3.4.32"));

        Assert.Equal(ElfVersionNeedPatcher.Outcome.Patched, ElfVersionNeedPatcher.MarkWeak(bytes, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.True(ElfVersionNeedPatcher.IsWeak(bytes, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Equal(ElfVersionNeedPatcher.Outcome.AlreadyWeak, ElfVersionNeedPatcher.MarkWeak(bytes, "libstdc++.so.6", "GLIBCXX_3.4.32"));

        // Exactly one byte (the low byte of vna_flags) differs from the original.
        var diffs = Enumerable.Range(0, bytes.Length).Count(i => bytes[i] != original[i]);
        Assert.Equal(1, diffs);
        // Other requirements are untouched.
        Assert.False(ElfVersionNeedPatcher.IsWeak(bytes, "libstdc++.so.6", "GLIBCXX_3.4.30"));
    }

    [Fact]
    public void ReportsAbsentRequirements()
    {
        var bytes = LibTorchSharpBytes();
        Assert.Equal(ElfVersionNeedPatcher.Outcome.NotRequired, ElfVersionNeedPatcher.MarkWeak(bytes, "libstdc++.so.6", "GLIBCXX_9.9.9"));
        Assert.Equal(ElfVersionNeedPatcher.Outcome.NotRequired, ElfVersionNeedPatcher.MarkWeak(bytes, "libnothere.so", "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void RejectsNonElfAndTruncatedFiles()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.MarkWeak(new byte[100], "libstdc++.so.6", "GLIBCXX_3.4.32"));
        var truncated = LibTorchSharpBytes().AsSpan(0, 4096).ToArray();
        Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.MarkWeak(truncated, "libstdc++.so.6", "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void PatchedCopyIsCachedAndIdempotent()
    {
        var original = LibTorchSharpPatcher.FindOriginal(AppContext.BaseDirectory, NuGetPackageFolders.Roots(), TorchRuntime.TorchSharpVersion)!;
        var before = File.ReadAllBytes(original);
        var cache = Directory.CreateTempSubdirectory("maxk-patch-").FullName;
        try
        {
            var first = LibTorchSharpPatcher.EnsurePatchedCopy(original, cache);
            var stamp = File.GetLastWriteTimeUtc(first);
            var second = LibTorchSharpPatcher.EnsurePatchedCopy(original, cache);
            Assert.Equal(first, second);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(second));
            Assert.True(ElfVersionNeedPatcher.IsWeak(File.ReadAllBytes(first), "libstdc++.so.6", "GLIBCXX_3.4.32"));
            Assert.Equal(before, File.ReadAllBytes(original)); // the source is never modified
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
