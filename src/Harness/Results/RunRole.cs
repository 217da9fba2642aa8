namespace MaxK.Harness.Results;

/// <summary>
/// What a result file is for (manifest <c>role</c>, a lower-case word on disk). Only <see cref="Headline"/> files fill
/// headline tables and claim values; the others appear on their run pages and in the detail sections that name them.
/// </summary>
public enum RunRole
{
    /// <summary>A measurement the project stands behind: the default, paper, kernels, accuracy and peers suites.</summary>
    Headline,

    /// <summary>A measurement made to explain others, never a result (the loads-only floors of the floor suite).</summary>
    Diagnostic,

    /// <summary>A one-off probe: single <c>maxk train</c> runs, smoke runs, learning-rate and homophily probes.</summary>
    Probe,
}
