using System.Runtime.InteropServices;
using MaxK.Harness.Cli;
using MaxK.Harness.Suites;

namespace MaxK.Tests.CommandLine;

/// <summary>Which exceptions become one user-facing line (exit 2), and how that line reads.</summary>
public class UserFacingErrorsTests
{
    [Fact]
    public void LibtorchHostAllocationFailureIsOutOfMemoryInGigabytes()
    {
        // TorchSharp's text for `--hidden 100000` on Cora (c08d25c crashed with it: exit 134).
        var torch = new ExternalException("[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate "
            + "40000000000 bytes. Error code 12 (Cannot allocate memory)\nException raised from alloc_cpu at ../c10/core/impl/alloc_cpu.cpp:127 (most recent call first):\nframe #0: …");
        var line = UserFacingErrors.Describe(torch);
        Assert.Equal("out of memory: libtorch could not allocate 40.0 GB of host memory for the model or its activations; lower --hidden or --layers, or use a smaller dataset.", line);
    }

    [Fact]
    public void CudaOutOfMemoryNamesTheGpu()
    {
        var line = UserFacingErrors.Describe(new ExternalException("CUDA out of memory. Tried to allocate 20.00 GiB. GPU 0 has a total capacity of 79.10 GiB"));
        Assert.Contains("could not allocate 20.00 GiB of GPU memory", line);
    }

    [Fact]
    public void OtherLibtorchErrorsAreNotUserFacing() =>
        Assert.Null(UserFacingErrors.Describe(new ExternalException("dropout probability has to be between 0 and 1, but got -nan")));

    [Fact]
    public void SuiteFileErrorsAreUserFacing()
    {
        // c08d25c: SuiteFormatException was missing from the list, so every malformed suite file crashed with exit 134.
        var line = UserFacingErrors.Describe(new SuiteFormatException("s.json", 3, "sections[0].ks[0]", "0 is below 1"));
        Assert.Equal("s.json:3: field 'sections[0].ks[0]': 0 is below 1", line);
    }

    [Fact]
    public void ArgumentMessagesLoseTheParameterSuffixAndMultiLineMessagesBecomeOneLine()
    {
        Assert.Equal("Unknown dataset 'x'.", UserFacingErrors.Describe(new ArgumentException("Unknown dataset 'x'.", "name")));
        Assert.Equal("No usable libtorch. Tried: env: unset; package: missing", UserFacingErrors.OneLine("No usable libtorch. Tried:\n  env: unset\n  package: missing\n"));
    }

    [Fact]
    public void WrappedExceptionsAreJudgedByWhatTheyWrap()
    {
        Assert.NotNull(UserFacingErrors.Describe(new AggregateException(new IOException("disk full"))));
        Assert.Null(UserFacingErrors.Describe(new NullReferenceException()));
    }
}
