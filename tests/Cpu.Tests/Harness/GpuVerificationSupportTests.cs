using MaxK.Graphs;
using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Grid;
using MaxK.Harness.Verification;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Tests.Harness;

/// <summary>The CPU side of GPU verification: test graphs, row samples, sampled references, the grid and check outcomes.</summary>
public class GpuVerificationSupportTests
{
    [Fact]
    public void TheVerificationGraphHasEmptyRowsAHubAndIsReproducible()
    {
        var g = VerificationGraph.Build(5, 2_000, hubDegree: 3_000);
        var degrees = RowSample.OutDegrees(g);
        Assert.Equal(3_000, degrees.Max());
        Assert.Contains(0, degrees);
        Assert.True(g.IsWeighted);
        Assert.All(g.EdgeWeights!, w => Assert.InRange(w, -1f, 1f));
        var again = VerificationGraph.Build(5, 2_000, hubDegree: 3_000);
        Assert.Equal(g.ColumnIndices, again.ColumnIndices);
        Assert.Equal(g.EdgeWeights, again.EdgeWeights);
        Assert.NotEqual(g.ColumnIndices, VerificationGraph.Build(6, 2_000, hubDegree: 3_000).ColumnIndices);
    }

    [Fact]
    public void ASmallGraphIsCheckedOnEveryRow()
    {
        var sample = RowSample.Create(new int[100], 4_096, 1);
        Assert.True(sample.IsAllRows);
        Assert.Equal(Enumerable.Range(0, 100), sample.Rows);
        Assert.Equal("all 100 rows", sample.Description);
    }

    [Fact]
    public void ALargeGraphIsSampledWithItsHeaviestAndSomeEmptyRows()
    {
        var g = VerificationGraph.Build(9, 30_000, meanDegree: 4, emptyRowFraction: 0.2, hubDegree: 5_000);
        var degrees = RowSample.OutDegrees(g);
        var sample = RowSample.Create(degrees, 1_000, 3);
        Assert.False(sample.IsAllRows);
        Assert.Equal(1_000, sample.Rows.Length);
        Assert.Equal(sample.Rows.Order(), sample.Rows);
        Assert.Equal(sample.Rows.Length, sample.Rows.Distinct().Count());
        var heaviest = Enumerable.Range(0, degrees.Length).OrderByDescending(r => degrees[r]).Take(RowSample.HeaviestRows);
        Assert.All(heaviest, r => Assert.Contains(r, sample.Rows));
        Assert.True(sample.Rows.Count(r => degrees[r] == 0) >= RowSample.EmptyRows);
        Assert.Equal(sample.Rows, RowSample.Create(degrees, 1_000, 3).Rows);
        Assert.Contains("32 heaviest, 8 empty", sample.Description);
    }

    [Fact]
    public void SampledReferencesEqualTheFullReferencesRowForRow()
    {
        var g = VerificationGraph.Build(11, 3_000, meanDegree: 6, hubDegree: 2_500);
        const int dim = 64;
        const int k = 12;
        var x = RandomInputs.Dense(g.NodeCount, dim, 1, 1);
        var gradOut = RandomInputs.Dense(g.NodeCount, dim, 1, 2);
        var cbsr = MaxKSelector.Select(x, g.NodeCount, dim, k);
        var all = RowSample.Create(RowSample.OutDegrees(g), 4_096, 1);
        var some = RowSample.Create(RowSample.OutDegrees(g), 500, 1);
        var inSample = RowSample.Create(GraphOps.InDegrees(g), 500, 2);

        Assert.Equal(DenseSpmmReference.Compute(g, x, dim), SampledReferences.DenseSpmmRows(g, x, dim, all.Rows));
        Assert.Equal(some.Gather(DenseSpmmReference.Compute(g, x, dim), dim), SampledReferences.DenseSpmmRows(g, x, dim, some.Rows));
        Assert.Equal(SpgemmForwardReference.Compute(g, cbsr), SampledReferences.SpgemmForwardRows(g, cbsr, all.Rows));
        Assert.Equal(some.Gather(SpgemmForwardReference.Compute(g, cbsr), dim), SampledReferences.SpgemmForwardRows(g, cbsr, some.Rows));
        var backward = SspmmBackwardReference.Compute(g, gradOut, cbsr);
        Assert.Equal(backward, SampledReferences.SspmmBackwardRows(g, gradOut, cbsr, all.Rows));
        Assert.Equal(inSample.Gather(backward, k), SampledReferences.SspmmBackwardRows(g, gradOut, cbsr, inSample.Rows));
    }

    [Fact]
    public void TheGridCoversEveryKUpToEachDim()
    {
        var shapes = GpuKernelVerifier.Shapes().ToList();
        Assert.Equal(7 + 9 + 12 + 12, shapes.Count);
        Assert.All(shapes, s => Assert.True(s.K <= s.Dim));
        Assert.Contains((256, 256), shapes);
        Assert.Contains((33, 64), shapes);
        Assert.DoesNotContain((33, 32), shapes);
        Assert.All(GpuKernelVerifier.UnsupportedShapeCases, c => Assert.ThrowsAny<Exception>(() => Limits(c.Call, c.Dim, c.K, c.Width)));
    }

    [Fact]
    public void ACheckPassesOnlyWithoutErrorMismatchesOrExcessError()
    {
        var ok = new GpuKernelCheck("maxk_forward", "u8", 32, 256, "ref", 3e-7, 1e-5);
        Assert.True(ok.Passed);
        Assert.Contains("pass", ok.ToString());
        Assert.False((ok with { RelativeError = 2e-5 }).Passed);
        Assert.False((ok with { RelativeError = double.NaN }).Passed);
        Assert.False((ok with { Mismatches = 1 }).Passed);
        Assert.False((ok with { Error = "boom" }).Passed);
        Assert.Contains("FAIL", (ok with { Error = "boom" }).ToString());
        Assert.True(new GpuKernelCheck("maxk_select", "u8", 8, 32, "exact", 0, 0).Passed);
    }

    private static void Limits(string call, int dim, int k, MaxK.Formats.CbsrIndexWidth width)
    {
        switch (call)
        {
            case MaxK.Kernels.GpuMaxKSelect.NativeName:
                MaxK.Kernels.MaxkShapeLimits.CheckSelect(dim, k, width);
                break;
            case MaxK.Kernels.GpuMaxKBackwardScatter.NativeName:
                MaxK.Kernels.MaxkShapeLimits.CheckScatter(dim, k, width);
                break;
            default:
                MaxK.Kernels.MaxkShapeLimits.CheckProduct(call, dim, k, width);
                break;
        }
    }
}
