using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MaxK.Harness.Kernels;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Suites;

/// <summary>
/// The suites of <c>maxk kernels</c> and <c>maxk verify</c>, defined in code from their command lines and run through the
/// same runner as <c>maxk bench</c>. Each definition's hash is the SHA-256 of its canonical JSON, so a journal resumes only
/// the same command line.
/// </summary>
public static class BuiltInSuites
{
    /// <summary>Suite (and result file) name of <c>maxk kernels</c>: <c>kernels.json</c>.</summary>
    public const string KernelsName = "kernels";

    /// <summary>Suite (and result file) name of <c>maxk verify</c>: <c>verify.json</c>.</summary>
    public const string VerifyName = "verify";

    /// <summary>
    /// The GPU kernel benchmark on the given graphs at one D: every GPU kernel of the catalogue (the cuSPARSE baselines,
    /// the GNNAdvisor-style SpMM, the device copy, and per k MaxK selection, forward, backward, their diagnostic floors and
    /// ALG3 at width k), each verified then timed.
    /// </summary>
    public static SuiteDefinition Kernels(KernelSuiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var section = new SuiteSection
        {
            Name = KernelsName, Kind = SuiteSectionKind.Kernel, Requires = SectionRequirement.Cuda, Device = ComputeDevice.Cuda,
            Kernel = new KernelSectionSpec(options.Graphs, [options.Dim], options.Ks, KernelCatalog.Ids(ComputeDevice.Cuda), options.Runs, options.Warmup)
            {
                Protocols = options.Protocols, Peers = options.Peers,
            },
        };
        return Define(KernelsName, "GPU kernel benchmark (maxk kernels): every GPU kernel verified, then timed.", options.Seed, "maxk kernels", section);
    }

    /// <summary>The GPU verification grid on the seeded verification graph of <paramref name="nodes"/> nodes: every check verified, nothing timed.</summary>
    public static SuiteDefinition Verify(ulong seed, int nodes)
    {
        if (nodes < 2)
            throw new HarnessException("--nodes must be at least 2.");
        var section = new SuiteSection
        {
            Name = VerifyName, Kind = SuiteSectionKind.Verification, Requires = SectionRequirement.Cuda, Device = ComputeDevice.Cuda,
            Verification = new VerificationSectionSpec(nodes),
        };
        return Define(VerifyName, "GPU kernel verification grid (maxk verify): every check verified, nothing timed.", seed, "maxk verify", section);
    }

    private static SuiteDefinition Define(string name, string description, ulong seed, string command, SuiteSection section)
    {
        var canonical = JsonSerializer.Serialize(new { name, seed, sections = new[] { section } });
        return new SuiteDefinition(name, description, seed, $"{command} (built in)", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), [section]);
    }
}
