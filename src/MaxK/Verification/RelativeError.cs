namespace MaxK.Verification;

/// <summary>Relative error of a result against a reference, the metric every kernel check uses.</summary>
public static class RelativeError
{
    /// <summary>
    /// ‖actual − expected‖₂ / ‖expected‖₂, summed in double. When the reference norm is 0 the absolute error
    /// ‖actual − expected‖₂ is returned instead (so all-zero outputs compare meaningfully). A NaN anywhere makes
    /// the result NaN, which fails every "error ≤ tolerance" check.
    /// </summary>
    /// <exception cref="OperandShapeMismatchException">The spans differ in length.</exception>
    public static double Compute(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
            throw new OperandShapeMismatchException($"Relative error needs equal lengths, got {actual.Length} and {expected.Length}.");
        var difference = 0.0;
        var reference = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = (double)actual[i] - expected[i];
            difference += d * d;
            reference += (double)expected[i] * expected[i];
        }
        return reference == 0 ? Math.Sqrt(difference) : Math.Sqrt(difference / reference);
    }
}
