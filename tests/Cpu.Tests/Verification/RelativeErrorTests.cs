using MaxK.Verification;

namespace MaxK.Tests.Verification;

public class RelativeErrorTests
{
    [Fact]
    public void IdenticalVectorsHaveZeroError() => Assert.Equal(0, RelativeError.Compute([1f, -2f], [1f, -2f]));

    [Fact]
    public void ErrorIsNormRatio() => Assert.Equal(0.75, RelativeError.Compute([3f, 4f], [0f, 4f]), 12);

    [Fact]
    public void ZeroReferenceFallsBackToAbsoluteNorm() => Assert.Equal(5, RelativeError.Compute([3f, -4f], [0f, 0f]), 12);

    [Fact]
    public void NaNPropagates() => Assert.True(double.IsNaN(RelativeError.Compute([float.NaN], [1f])));

    [Fact]
    public void LengthMismatchIsRejected() =>
        Assert.Throws<OperandShapeMismatchException>(() => RelativeError.Compute([1f], [1f, 2f]));
}
