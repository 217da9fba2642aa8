using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Graphs;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void Seed0_MatchesReferenceSplitMixSeededOutputs()
    {
        // State = SplitMix64(0) outputs 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, …; outputs computed with the
        // reference xoshiro256** recurrence in Python.
        var rng = new Xoshiro256StarStar(0);
        Assert.Equal(0x99EC5F36CB75F2B4UL, rng.NextUInt64());
        Assert.Equal(0xBF6E1F784956452AUL, rng.NextUInt64());
        Assert.Equal(0x1A5F849D4933E6E0UL, rng.NextUInt64());
    }

    [Fact]
    public void Streams_AreReproducibleAndDistinct()
    {
        var a = Xoshiro256StarStar.ForStream(42, 7);
        var b = Xoshiro256StarStar.ForStream(42, 7);
        var otherStream = Xoshiro256StarStar.ForStream(42, 8);
        var otherSeed = Xoshiro256StarStar.ForStream(43, 7);
        var first = a.NextUInt64();
        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, otherStream.NextUInt64());
        Assert.NotEqual(first, otherSeed.NextUInt64());
    }

    [Fact]
    public void NextBounded_StaysInRangeAndCoversEveryValue()
    {
        var rng = new Xoshiro256StarStar(1);
        const uint bound = 10;
        var counts = new int[bound];
        for (var i = 0; i < 100_000; i++)
            counts[rng.NextBounded(bound)]++;
        // Expected 10,000 each; ±600 is beyond 6 standard deviations (σ ≈ 95).
        Assert.All(counts, count => Assert.InRange(count, 9_400, 10_600));
        Assert.Equal(0u, rng.NextBounded(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBounded(0));
    }

    [Fact]
    public void NextDouble_IsInUnitInterval()
    {
        var rng = new Xoshiro256StarStar(2);
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            var u = rng.NextDouble();
            Assert.InRange(u, 0.0, Math.BitDecrement(1.0));
            sum += u;
        }
        Assert.InRange(sum / 10_000, 0.48, 0.52);
    }
}
