using MaxK.Formats;
using MaxK.Tests.Support;

namespace MaxK.Tests.Formats;

public class CbsrTests
{
    [Theory]
    [InlineData(1, CbsrIndexWidth.UInt8)]
    [InlineData(256, CbsrIndexWidth.UInt8)]
    [InlineData(257, CbsrIndexWidth.UInt16)]
    [InlineData(65_536, CbsrIndexWidth.UInt16)]
    public void IndexWidthFollowsDim(int dim, CbsrIndexWidth expected) => Assert.Equal(expected, Cbsr.IndexWidthFor(dim));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(65_537)]
    public void UnsupportedDimIsRejected(int dim)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cbsr.IndexWidthFor(dim));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cbsr(1, dim, 1, [0f], [0]));
    }

    [Fact]
    public void HandMatrixScattersToDense()
    {
        // Row 0 keeps columns 2 and 0, row 1 keeps 1 and 3 (D = 4, k = 2).
        var m = new Cbsr(2, 4, 2, [5f, -1f, 2f, 3f], [2, 0, 1, 3]);
        Assert.Equal(CbsrIndexWidth.UInt8, m.IndexWidth);
        Assert.Equal(3, m.GetIndex(1, 1));
        Assert.Equal([-1f, 0f, 5f, 0f, 0f, 2f, 0f, 3f], m.ScatterToDense());
    }

    [Fact]
    public void UInt16IndicesAreLittleEndian()
    {
        var m = new Cbsr(1, 65_536, 2, [1f, 2f], [0, 0, 1, 0]);
        Assert.Equal(1, m.GetIndex(0, 1));
        m.SetIndex(0, 0, 0x1234);
        m.SetIndex(0, 1, 65_535);
        Assert.Equal([0x34, 0x12, 0xFF, 0xFF], m.IndexBytes);
        Assert.Equal(0x1234, m.GetIndex(0, 0));
        Assert.Equal(65_535, m.GetIndex(0, 1));
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(7, 8)]
    [InlineData(300, 301)]
    public void KOutsideOneToDimIsRejected(int dim, int k)
    {
        var ex = Assert.Throws<CbsrKOutOfRangeException>(() => new Cbsr(0, dim, k, [], []));
        Assert.Equal(k, ex.K);
    }

    [Fact]
    public void ShapeMismatchesAreRejected()
    {
        Assert.Throws<CbsrShapeMismatchException>(() => new Cbsr(-1, 4, 2, [], []));
        Assert.Throws<CbsrShapeMismatchException>(() => new Cbsr(2, 4, 2, [1f, 2f, 3f], [0, 1, 0, 1]));
        Assert.Throws<CbsrShapeMismatchException>(() => new Cbsr(2, 4, 2, [1f, 2f, 3f, 4f], [0, 1, 0]));
        // D = 300 needs two bytes per index.
        Assert.Throws<CbsrShapeMismatchException>(() => new Cbsr(1, 300, 2, [1f, 2f], [0, 1]));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(300, 300)]
    public void IndexAtOrBeyondDimNamesRowSlotAndValue(int dim, int bad)
    {
        var m = RandomMatrices.Cbsr(71, 5, dim, 3);
        var width = (int)m.IndexWidth;
        var bytes = (byte[])m.IndexBytes.Clone();
        bytes[((3 * 3) + 2) * width] = (byte)bad;
        if (width == 2)
            bytes[(((3 * 3) + 2) * 2) + 1] = (byte)(bad >> 8);
        var ex = Assert.Throws<CbsrIndexOutOfRangeException>(() => new Cbsr(5, dim, 3, m.Values, bytes));
        Assert.Equal((3, 2, bad), (ex.Row, ex.Slot, ex.Value));
        Assert.Contains($"row 3, slot 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedIndexInARowNamesBothSlots()
    {
        var ex = Assert.Throws<CbsrDuplicateIndexException>(() => new Cbsr(2, 8, 3, new float[6], [0, 1, 2, 5, 6, 5]));
        Assert.Equal((1, 0, 2, 5), (ex.Row, ex.FirstSlot, ex.Slot, ex.Value));
    }

    [Fact]
    public void LowestBadRowIsReportedAmongMany()
    {
        var m = RandomMatrices.Cbsr(72, 20_000, 64, 4);
        var bytes = (byte[])m.IndexBytes.Clone();
        bytes[(19_000 * 4) + 1] = bytes[19_000 * 4];
        bytes[(777 * 4) + 3] = bytes[777 * 4];
        var ex = Assert.Throws<CbsrDuplicateIndexException>(() => new Cbsr(20_000, 64, 4, m.Values, bytes));
        Assert.Equal(777, ex.Row);
    }

    [Fact]
    public void SetIndexChecksRangeAndValidateFindsDuplicates()
    {
        var m = new Cbsr(2, 4, 2, new float[4], [0, 1, 2, 3]);
        Assert.Throws<CbsrIndexOutOfRangeException>(() => m.SetIndex(0, 0, 4));
        Assert.Throws<CbsrIndexOutOfRangeException>(() => m.SetIndex(0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SetIndex(2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.GetIndex(0, 2));
        m.SetIndex(1, 1, 2);
        Assert.Throws<CbsrDuplicateIndexException>(m.Validate);
    }

    [Fact]
    public void RandomMatrixScatterPutsEveryValueAtItsIndex()
    {
        var m = RandomMatrices.Cbsr(73, 50, 300, 33);
        var dense = m.ScatterToDense();
        Assert.Equal(50 * 300, dense.Length);
        Assert.Equal(m.Values, Oracles.GatherAtPattern(dense, m));
        Assert.Equal(50 * (300 - 33), dense.Count(v => v == 0));
    }

    [Fact]
    public void EmptyMatrixIsValid() => Assert.Empty(new Cbsr(0, 33, 5, [], []).ScatterToDense());

    [Fact]
    public void InvalidCbsrExceptionsShareABaseType() =>
        Assert.IsAssignableFrom<InvalidCbsrException>(Record.Exception(() => new Cbsr(1, 4, 5, [], [])));
}
