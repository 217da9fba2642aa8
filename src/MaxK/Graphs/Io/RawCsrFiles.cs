namespace MaxK.Graphs.Io;

/// <summary>
/// The kernel benchmark's raw CSR files: <c>&lt;dir&gt;/&lt;name&gt;.indptr</c> (N+1 int32 row pointers) and
/// <c>&lt;name&gt;.indices</c> (E int32 column indices), little-endian with no header, plus an optional
/// <c>&lt;name&gt;.values</c> (E float32 edge weights). N is the row-pointer count minus one.
/// </summary>
public static class RawCsrFiles
{
    public const string RowPointersExtension = ".indptr";
    public const string ColumnIndicesExtension = ".indices";
    public const string EdgeWeightsExtension = ".values";

    public static string RowPointersPath(string directory, string name) => Path.Combine(directory, name + RowPointersExtension);

    public static string ColumnIndicesPath(string directory, string name) => Path.Combine(directory, name + ColumnIndicesExtension);

    public static string EdgeWeightsPath(string directory, string name) => Path.Combine(directory, name + EdgeWeightsExtension);

    /// <summary>True when both required files (<c>.indptr</c> and <c>.indices</c>) exist.</summary>
    public static bool Exists(string directory, string name) =>
        File.Exists(RowPointersPath(directory, name)) && File.Exists(ColumnIndicesPath(directory, name));

    /// <summary>
    /// Reads a graph, weighted when a <c>.values</c> file is present. Each file is read straight into its
    /// array (peak memory ≈ the files' total size).
    /// </summary>
    /// <exception cref="FileNotFoundException">A required file is missing; <see cref="FileNotFoundException.FileName"/> is its path.</exception>
    /// <exception cref="CorruptGraphFileException">A file's length is not a whole number of int32/float32 values,
    /// the row-pointer file is empty, or the weights do not match the indices one to one.</exception>
    /// <exception cref="InvalidGraphException">The arrays are not a valid CSR graph (see <see cref="CsrValidator"/>).</exception>
    public static CsrGraph Read(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rowPointersPath = RowPointersPath(directory, name);
        var columnIndicesPath = ColumnIndicesPath(directory, name);
        var edgeWeightsPath = EdgeWeightsPath(directory, name);

        var rowPointers = RawArrayFile.Read<int>(rowPointersPath);
        if (rowPointers.Length == 0)
            throw new CorruptGraphFileException(rowPointersPath, "row-pointer file is empty; it needs at least one entry (N+1 ≥ 1).");
        var columnIndices = RawArrayFile.Read<int>(columnIndicesPath);
        float[]? edgeWeights = null;
        if (File.Exists(edgeWeightsPath))
        {
            edgeWeights = RawArrayFile.Read<float>(edgeWeightsPath);
            if (edgeWeights.Length != columnIndices.Length)
                throw new CorruptGraphFileException(edgeWeightsPath,
                    $"{edgeWeights.Length} weights but {columnIndices.Length} column indices in '{columnIndicesPath}'.");
        }
        return new CsrGraph(rowPointers.Length - 1, rowPointers, columnIndices, edgeWeights);
    }

    /// <summary>
    /// Writes a graph, creating <paramref name="directory"/> if needed. Each file is replaced atomically
    /// (temporary file + rename); the weights file is written for weighted graphs and deleted for
    /// unweighted ones, so a stale one cannot be read back with the new structure.
    /// </summary>
    public static void Write(string directory, string name, CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(graph);
        Directory.CreateDirectory(directory);
        var edgeWeightsPath = EdgeWeightsPath(directory, name);
        if (graph.EdgeWeights is null)
            File.Delete(edgeWeightsPath);
        RawArrayFile.WriteAtomically<int>(ColumnIndicesPath(directory, name), graph.ColumnIndices);
        if (graph.EdgeWeights is not null)
            RawArrayFile.WriteAtomically<float>(edgeWeightsPath, graph.EdgeWeights);
        RawArrayFile.WriteAtomically<int>(RowPointersPath(directory, name), graph.RowPointers);
    }
}
