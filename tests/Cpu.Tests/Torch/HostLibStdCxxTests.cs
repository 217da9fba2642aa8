using System.Text;
using MaxK.Torch;

namespace MaxK.Tests.Torch;

public class HostLibStdCxxTests
{
    [Fact]
    public void FindsAnOldVersionEveryLibStdCxxHas()
    {
        // std::ios_base::Init::Init() has carried GLIBCXX_3.4 since GCC 3.4.
        Assert.True(HostLibStdCxx.Provides("GLIBCXX_3.4", "_ZNSt8ios_base4InitC1Ev"));
        Assert.False(HostLibStdCxx.Provides("GLIBCXX_99.0", "_ZNSt8ios_base4InitC1Ev"));
    }

    [Fact]
    public void AgreesWithTheVersionStringsInTheLibraryFile()
    {
        var candidates = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" };
        var file = candidates.FirstOrDefault(File.Exists);
        Assert.SkipWhen(file is null, "libstdc++.so.6 is not at a standard path on this host");
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(file!));
        Assert.Equal(text.Contains(HostLibStdCxx.RequiredVersion + "\0", StringComparison.Ordinal), HostLibStdCxx.Provides());
    }
}
