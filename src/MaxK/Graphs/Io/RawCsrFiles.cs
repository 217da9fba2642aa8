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
    /// Reads a graph, weighted when a <c>.values</c> file is present. The row pointers are read first; the
    /// <c>.indices</c> (and <c>.values</c>) file must then hold exactly <c>indptr[N]</c> elements, checked from its
    /// length before a byte of it is read (a 6 GB file beside a 1,000-node index is refused at once, not loaded).
    /// Each file is read straight into its array (peak memory ≈ the files' total size).
    /// </summary>
    /// <exception cref="FileNotFoundException">A required file is missing; <see cref="FileNotFoundException.FileName"/> is its path.</exception>
    /// <exception cref="CorruptGraphFileException">A file's length is not a whole number of int32/float32 values,
    /// the row-pointer file is empty or ends at a negative count, or the indices or weights are not indptr[N] long.</exception>
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
        var edgeCount = rowPointers[^1];
        if (edgeCount < 0)
            throw new CorruptGraphFileException(rowPointersPath, $"the last row pointer (the edge count) is {edgeCount}.");
        RequireElements(columnIndicesPath, edgeCount, rowPointersPath);
        var hasWeights = File.Exists(edgeWeightsPath);
        if (hasWeights)
        {
            var weights = RawArrayFile.ElementCount(edgeWeightsPath);
            if (weights != edgeCount)
                throw new CorruptGraphFileException(edgeWeightsPath,
                    $"{weights} weights but {edgeCount} column indices in '{columnIndicesPath}'.");
        }
        var columnIndices = RawArrayFile.Read<int>(columnIndicesPath);
        var edgeWeights = hasWeights ? RawArrayFile.Read<float>(edgeWeightsPath) : null;
        return new CsrGraph(rowPointers.Length - 1, rowPointers, columnIndices, edgeWeights);
    }

    /// <summary>
    /// N and E of a graph from the files' lengths and the two ends of the row pointers, without reading the arrays:
    /// how an archive of large graphs is checked against a table. Checks indptr[0] = 0 and indptr[N] = E = the
    /// number of column indices; the full CSR validation happens in <see cref="Read"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="CorruptGraphFileException">The lengths or the row-pointer ends do not fit together.</exception>
    public static (int Nodes, long Edges) ReadShape(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var rowPointersPath = RowPointersPath(directory, name);
        var pointerCount = RawArrayFile.ElementCount(rowPointersPath);
        if (pointerCount == 0)
            throw new CorruptGraphFileException(rowPointersPath, "row-pointer file is empty; it needs at least one entry (N+1 ≥ 1).");
        if (pointerCount - 1 > int.MaxValue)
            throw new CorruptGraphFileException(rowPointersPath, $"{pointerCount - 1} nodes exceed the int32 limit.");
        var first = RawArrayFile.ReadInt32At(rowPointersPath, 0);
        if (first != 0)
            throw new CorruptGraphFileException(rowPointersPath, $"the first row pointer is {first}, not 0.");
        var edgeCount = RawArrayFile.ReadInt32At(rowPointersPath, pointerCount - 1);
        if (edgeCount < 0)
            throw new CorruptGraphFileException(rowPointersPath, $"the last row pointer (the edge count) is {edgeCount}.");
        RequireElements(ColumnIndicesPath(directory, name), edgeCount, rowPointersPath);
        return ((int)(pointerCount - 1), edgeCount);
    }

    private static void RequireElements(string path, long expected, string rowPointersPath)
    {
        var actual = RawArrayFile.ElementCount(path);
        if (actual != expected)
            throw new CorruptGraphFileException(path,
                $"{actual:N0} elements ({actual * sizeof(int):N0} bytes), but '{rowPointersPath}' ends at {expected:N0} edges " +
                $"({expected * sizeof(int):N0} bytes expected); not reading it.");
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
