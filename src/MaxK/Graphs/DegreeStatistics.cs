namespace MaxK.Graphs;

/// <summary>
/// Summary of row degrees (CSR row lengths, i.e. the number of neighbours each row aggregates from).
/// Degrees are in edges; the standard deviation is the population one (divides by N). For an empty graph
/// (N = 0) every degree statistic is 0.
/// </summary>
/// <param name="NodeCount">N.</param>
/// <param name="EdgeCount">E, stored directed edges.</param>
/// <param name="MinDegree">Smallest row degree.</param>
/// <param name="MaxDegree">Largest row degree.</param>
/// <param name="MeanDegree">E / N.</param>
/// <param name="MedianDegree">Middle degree; the mean of the two middle degrees when N is even.</param>
/// <param name="StdDevDegree">Population standard deviation of the row degrees.</param>
/// <param name="ZeroDegreeRows">Rows with no stored edge.</param>
public sealed record DegreeStatistics(
    int NodeCount,
    int EdgeCount,
    int MinDegree,
    int MaxDegree,
    double MeanDegree,
    double MedianDegree,
    double StdDevDegree,
    int ZeroDegreeRows)
{
    /// <summary>Computes the statistics in O(N log N) (a sort of the N degrees for the median).</summary>
    public static DegreeStatistics Compute(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
            return new DegreeStatistics(0, 0, 0, 0, 0, 0, 0, 0);
        var degrees = new int[n];
        for (var r = 0; r < n; r++)
            degrees[r] = graph.Degree(r);
        Array.Sort(degrees);
        var mean = (double)graph.EdgeCount / n;
        var squares = 0.0;
        var zeros = 0;
        foreach (var d in degrees)
        {
            squares += (d - mean) * (d - mean);
            zeros += d == 0 ? 1 : 0;
        }
        var median = n % 2 == 1 ? degrees[n / 2] : (degrees[(n / 2) - 1] + (double)degrees[n / 2]) / 2;
        return new DegreeStatistics(
            n, graph.EdgeCount, degrees[0], degrees[^1], mean, median, Math.Sqrt(squares / n), zeros);
    }
}
