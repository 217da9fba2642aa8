using System.Text;
using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Runner;

/// <summary>
/// The released code's timing protocol and the released kernels as a peer, as a suite plans and records them: which cases
/// get the second protocol, the peer's cases, their ids, and how records of both compare (within one protocol only, the
/// released one by its mean; a peer never gets a speed-up and never counts as our failure).
/// </summary>
public class TimingProtocolPlanTests
{
    private const string Suite = """
        { "suite": "t", "seed": 42, "sections": [ { "name": "g", "kind": "kernel", "requires": "cuda", "device": "cuda",
          "graphs": ["kernel-pubmed"], "ks": [8, 16, 64], "kernels": ["maxk_select", "maxk_forward", "maxk_backward", "gnnadvisor_spmm"],
          "cusparse_algorithms": ["alg2"], "timing_protocols": ["cuda-events-l2-flushed", "released-host-mean4"], "peers": ["maxk-gnn-released"] } ] }
        """;

    private static List<KernelCase> Plan(string json) =>
        [.. SuiteExpander.Expand(SuiteFileReader.Parse(Encoding.UTF8.GetBytes(json), "t.json"), null).Cases.OfType<KernelSuiteCase>().Select(c => c.Case)];

    [Fact]
    public void TheReleasedProtocolTimesOurForwardBackwardAndAlg2AndThePeerRunsAtItsOwnKs()
    {
        var cases = Plan(Suite);
        var released = cases.Where(c => c.Protocol == TimingProtocol.ReleasedHostMean4 && !KernelCatalog.IsPeer(c)).ToList();
        Assert.Equal(7, released.Count); // ALG2 + forward and backward at k = 8, 16, 64
        Assert.All(released, c => Assert.Contains(c.Kernel, new[] { KernelNames.MaxKForward, KernelNames.MaxKBackward, KernelNames.CuSparseSpmmAlg2 }));
        Assert.All(released, c => Assert.EndsWith("_released-host-mean4", c.Id, StringComparison.Ordinal));
        var peer = cases.Where(KernelCatalog.IsPeer).ToList();
        Assert.Equal(5, peer.Count); // its cuSPARSE once, forward and backward at k = 16 and 64 (8 is not in its loop)
        Assert.All(peer, c => Assert.Equal(ReleasedPeerKernel.ImplementationId, c.Implementation));
        Assert.All(peer, c => Assert.Equal(TimingProtocol.ReleasedHostMean4, c.Protocol));
        Assert.Contains(peer, c => c.Kernel == ReleasedCuSparseKernel.Name && c.K == 0);
        Assert.DoesNotContain(peer, c => c.K == 8);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        // Without the fields: ours alone, one protocol, ids as before.
        var plain = Plan(Suite.Replace("\"timing_protocols\": [\"cuda-events-l2-flushed\", \"released-host-mean4\"], \"peers\": [\"maxk-gnn-released\"] ", ""));
        Assert.All(plain, c => Assert.Equal(TimingProtocol.CudaEventsL2Flushed, c.Protocol));
        Assert.DoesNotContain(plain, KernelCatalog.IsPeer);
        Assert.Contains(plain, c => c.Id == "maxk_forward_maxk_native_fp32_k16_dim256_kernel-pubmed");
    }

    [Fact]
    public void ThePeerRunsOnlyAtTheReleasedWidth()
    {
        Assert.DoesNotContain(Plan(Suite.Replace("\"ks\": [8, 16, 64]", "\"dims\": [128], \"ks\": [16]")), KernelCatalog.IsPeer);
    }

    [Theory]
    [InlineData("\"timing_protocols\": [\"host-clock\"]", "timing_protocols[0]")]
    [InlineData("\"timing_protocols\": [\"events\"]", "timing_protocols[0]")]
    [InlineData("\"peers\": [\"dgl\"]", "peers[0]")]
    public void BadProtocolsAndPeersAreSuiteErrorsNamingTheField(string field, string at)
    {
        var json = Suite.Replace("\"timing_protocols\": [\"cuda-events-l2-flushed\", \"released-host-mean4\"], \"peers\": [\"maxk-gnn-released\"]", field);
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteFileReader.Parse(Encoding.UTF8.GetBytes(json), "t.json"));
        Assert.Contains(at, ex.Message, StringComparison.Ordinal);
    }

    private static CaseRecord Record(string id, string kernel, string implementation, TimingProtocol protocol, double median, double mean, bool verified = true) => new()
    {
        Id = id, Kernel = kernel, Implementation = implementation, Device = "cuda", Graph = "g", GraphSynthetic = true, GraphLabel = "g", Nodes = 10, Edges = 20,
        Dim = 256, K = kernel == KernelNames.CuSparseSpmmAlg2 || kernel == ReleasedCuSparseKernel.Name ? 0 : 16, Dtype = "fp32", Seed = 42, Verified = verified,
        VerificationReference = "", VerificationRelativeError = 0, VerificationTolerance = 1e-5, Warmup = 4, N = 4, MedianMs = median, MeanMs = mean,
        SamplesMs = [median], TimingProtocol = protocol,
    };

    [Fact]
    public void SpeedupsCompareWithinOneProtocolByItsFigureAndPeersGetNone()
    {
        var records = new[]
        {
            Record("alg2", KernelNames.CuSparseSpmmAlg2, KernelNames.CuSparse, TimingProtocol.CudaEventsL2Flushed, 2.0, 9.0),
            Record("fwd", KernelNames.MaxKForward, KernelNames.MaxkNative, TimingProtocol.CudaEventsL2Flushed, 0.5, 9.0),
            Record("alg2-r", KernelNames.CuSparseSpmmAlg2, KernelNames.CuSparse, TimingProtocol.ReleasedHostMean4, 9.0, 3.0),
            Record("fwd-r", KernelNames.MaxKForward, KernelNames.MaxkNative, TimingProtocol.ReleasedHostMean4, 9.0, 1.0),
            Record("peer", KernelNames.MaxKForward, ReleasedPeerKernel.ImplementationId, TimingProtocol.ReleasedHostMean4, 1.5, 1.5, verified: false),
        };
        var cases = DerivedMetrics.CaseSpeedups(records).ToDictionary(c => c.Id);
        Assert.Equal(4.0, cases["fwd"].Speedup);
        Assert.Equal("alg2", cases["fwd"].SpeedupBaseline);
        Assert.Equal(3.0, cases["fwd-r"].Speedup); // means: 3.0 / 1.0
        Assert.Equal("alg2-r", cases["fwd-r"].SpeedupBaseline);
        Assert.True(cases["peer"].Peer);
        Assert.Null(cases["peer"].Speedup);
        Assert.False(cases["peer"].Failed);
        Assert.True((cases["peer"] with { Error = "peer failure: exit code 1" }).PeerFailed);
        Assert.False((cases["peer"] with { Error = "peer failure: exit code 1" }).Failed);
        Assert.Equal(1.0, cases["fwd-r"].FigureMs);
        Assert.Equal(0.5, cases["fwd"].FigureMs);
    }

    [Fact]
    public void RecordsWithoutTheFieldReadAsTheProtocolOfTheirTime()
    {
        var old = Record("x", KernelNames.MaxKForward, KernelNames.MaxkNative, TimingProtocol.CudaEventsL2Flushed, 1, 2) with { TimingProtocol = null };
        Assert.Equal(TimingProtocol.CudaEventsL2Flushed, old.Protocol);
        Assert.Equal(TimingProtocol.HostClock, (old with { Device = "cpu" }).Protocol);
        Assert.Equal("released MaxK-GNN commit abc", ReleasedPeerKernel.ConfigPrefix + "abc");
        Assert.Equal("b8536d1ac4e70d04a62d9c9171f9850940b610ac", ReleasedPeerKernel.CommitOf(ReleasedPeerKernel.ConfigPrefix + "b8536d1ac4e70d04a62d9c9171f9850940b610ac (https://x), built"));
    }
}
