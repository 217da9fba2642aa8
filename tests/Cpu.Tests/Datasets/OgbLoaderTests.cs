using System.IO.Compression;
using MaxK.Datasets;
using MaxK.Datasets.Ogb;
using static MaxK.Tests.Datasets.DatasetFixtureWriter;

namespace MaxK.Tests.Datasets;

/// <summary>The OGB raw csv.gz loader on hand-made fixtures for the arxiv, products and proteins shapes.</summary>
public sealed class OgbLoaderTests
{
    /// <summary>arxiv-shaped: 4 nodes, directed edges 0→1, 1→2, 2→1, 3→0; 2 features; classes 3, 0, 1, 2; split "time".</summary>
    internal static void WriteArxiv(string root, string edgeCount = "4", string[]? features = null)
    {
        GzipCsv(Path.Combine(root, "raw", "num-node-list.csv.gz"), ["4"]);
        GzipCsv(Path.Combine(root, "raw", "num-edge-list.csv.gz"), [edgeCount]);
        GzipCsv(Path.Combine(root, "raw", "edge.csv.gz"), ["0,1", "1,2", "2,1", "3,0"]);
        GzipCsv(Path.Combine(root, "raw", "node-feat.csv.gz"), features ?? ["0.5,-1", "1e-1,2.5E1", "3,4", "-0.25,0"]);
        GzipCsv(Path.Combine(root, "raw", "node-label.csv.gz"), ["3", "0", "1", "2"]);
        GzipCsv(Path.Combine(root, "split", "time", "train.csv.gz"), ["0", "1"]);
        GzipCsv(Path.Combine(root, "split", "time", "valid.csv.gz"), ["2"]);
        GzipCsv(Path.Combine(root, "split", "time", "test.csv.gz"), ["3"]);
    }

    [Fact]
    public void Arxiv_is_symmetrised_by_default_and_parses_features_labels_and_split()
    {
        using var scratch = new ScratchFolder();
        WriteArxiv(Path.Combine(scratch.Path, "arxiv"));
        var d = OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv");
        Assert.Equal([(0, 1), (0, 3), (1, 0), (1, 2), (2, 1), (3, 0)], Edges(d.Graph));
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal([0.5f, -1, 0.1f, 25, 3, 4, -0.25f, 0], d.Features);
        Assert.Equal([3, 0, 1, 2], d.Labels!);
        Assert.Equal(4, d.ClassCount);
        Assert.Equal([0, 1], d.TrainIndices);
        Assert.Equal([2], d.ValIndices);
        Assert.Equal([3], d.TestIndices);
        Assert.Equal(DatasetMetric.Accuracy, d.Metric);
    }

    [Fact]
    public void Directed_loading_puts_sources_in_the_destination_row()
    {
        using var scratch = new ScratchFolder();
        WriteArxiv(scratch.Path);
        var d = OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv", new OgbLoadOptions(AddInverseEdges: false, Symmetrize: false));
        Assert.Equal([(0, 3), (1, 0), (1, 2), (2, 1)], Edges(d.Graph));
        var looped = OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv", new OgbLoadOptions(false, false, AddSelfLoops: true));
        Assert.Equal([(0, 0), (0, 3), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (3, 3)], Edges(looped.Graph));
    }

    [Fact]
    public void Products_gets_inverse_edges_and_duplicates_are_removed()
    {
        using var scratch = new ScratchFolder();
        var root = scratch.Path;
        GzipCsv(Path.Combine(root, "raw", "num-node-list.csv.gz"), ["3"]);
        GzipCsv(Path.Combine(root, "raw", "num-edge-list.csv.gz"), ["3"]);
        GzipCsv(Path.Combine(root, "raw", "edge.csv.gz"), ["0,1", "1,0", "2,1"]);
        GzipCsv(Path.Combine(root, "raw", "node-feat.csv.gz"), ["1", "2", "3"]);
        GzipCsv(Path.Combine(root, "raw", "node-label.csv.gz"), ["0", "1", "1"]);
        GzipCsv(Path.Combine(root, "split", "sales_ranking", "train.csv.gz"), ["2"]);
        GzipCsv(Path.Combine(root, "split", "sales_ranking", "valid.csv.gz"), ["1"]);
        GzipCsv(Path.Combine(root, "split", "sales_ranking", "test.csv.gz"), ["0"]);
        var d = OgbNodeLoader.Load(root, "ogbn-products");
        Assert.Equal([(0, 1), (1, 0), (1, 2), (2, 1)], Edges(d.Graph));
        Assert.Equal(2, d.ClassCount);
        Assert.Equal([2], d.TrainIndices);
    }

    [Fact]
    public void Proteins_sums_incoming_edge_features_and_is_multi_label_roc_auc()
    {
        using var scratch = new ScratchFolder();
        var root = scratch.Path;
        GzipCsv(Path.Combine(root, "raw", "num-node-list.csv.gz"), ["3"]);
        GzipCsv(Path.Combine(root, "raw", "num-edge-list.csv.gz"), ["2"]);
        GzipCsv(Path.Combine(root, "raw", "edge.csv.gz"), ["0,1", "1,2"]);
        GzipCsv(Path.Combine(root, "raw", "edge-feat.csv.gz"), ["1,2", "10,20"]);
        GzipCsv(Path.Combine(root, "raw", "node-label.csv.gz"), ["1,0", "0,1", "1,1"]);
        GzipCsv(Path.Combine(root, "raw", "node_species.csv.gz"), ["3702", "3702", "4932"]);
        GzipCsv(Path.Combine(root, "split", "species", "train.csv.gz"), ["0", "1"]);
        GzipCsv(Path.Combine(root, "split", "species", "valid.csv.gz"), []);
        GzipCsv(Path.Combine(root, "split", "species", "test.csv.gz"), ["2"]);
        var d = OgbNodeLoader.Load(root, "ogbn-proteins");
        Assert.Equal([(0, 1), (1, 0), (1, 2), (2, 1)], Edges(d.Graph));
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal([1f, 2, 11, 22, 10, 20], d.Features);
        Assert.True(d.IsMultiLabel);
        Assert.Equal(2, d.ClassCount);
        Assert.Equal([1f, 0, 0, 1, 1, 1], d.MultiLabels!);
        Assert.Empty(d.ValIndices);
        Assert.Equal(DatasetMetric.RocAuc, d.Metric);

        // Without inverse edges only the destination of each raw edge receives its features.
        var directed = OgbNodeLoader.Load(root, "ogbn-proteins", new OgbLoadOptions(false, false));
        Assert.Equal([0f, 0, 1, 2, 10, 20], directed.Features);
    }

    [Fact]
    public void Corrupt_csv_names_the_file_and_line()
    {
        using var scratch = new ScratchFolder();
        WriteArxiv(scratch.Path, edgeCount: "5");
        var edgeEx = Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv"));
        Assert.Equal(Path.Combine(scratch.Path, OgbNodeLoader.EdgeFile), edgeEx.Path);
        Assert.Contains("4 edges, but raw/num-edge-list.csv.gz says 5", edgeEx.Message);

        using var badFloat = new ScratchFolder();
        WriteArxiv(badFloat.Path, features: ["1,2", "3,abc", "5,x", "7,8"]);
        var floatEx = Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(badFloat.Path, "ogbn-arxiv"));
        Assert.Equal(Path.Combine(badFloat.Path, OgbNodeLoader.NodeFeatureFile), floatEx.Path);
        Assert.Contains("line 2: 'abc' is not a number", floatEx.Message);

        using var ragged = new ScratchFolder();
        WriteArxiv(ragged.Path, features: ["1,2", "3,4", "5", "7,8"]);
        Assert.Contains("line 3: 1 values, expected 2", Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(ragged.Path, "ogbn-arxiv")).Message);

        using var shortRows = new ScratchFolder();
        WriteArxiv(shortRows.Path, features: ["1,2", "3,4"]);
        Assert.Contains("2 lines, expected 4", Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(shortRows.Path, "ogbn-arxiv")).Message);

        using var badId = new ScratchFolder();
        WriteArxiv(badId.Path);
        GzipCsv(Path.Combine(badId.Path, "raw", "edge.csv.gz"), ["0,1", "1,2", "2,9", "3,0"]);
        Assert.Contains("line 3: 9 is outside [0, 3]", Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(badId.Path, "ogbn-arxiv")).Message);
    }

    [Fact]
    public void Truncated_gzip_and_missing_files_are_reported()
    {
        using var scratch = new ScratchFolder();
        WriteArxiv(scratch.Path);
        var featPath = Path.Combine(scratch.Path, OgbNodeLoader.NodeFeatureFile);
        var big = Enumerable.Range(0, 4).Select(i => string.Join(",", Enumerable.Range(0, 2).Select(j => (i * 7 + j).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        GzipCsv(featPath, big);
        var bytes = File.ReadAllBytes(featPath);
        File.WriteAllBytes(featPath, bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<CorruptDatasetException>(() => OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv"));
        Assert.Equal(featPath, ex.Path);

        File.Delete(Path.Combine(scratch.Path, "split", "time", "valid.csv.gz"));
        WriteArxiv(scratch.Path);
        File.Delete(Path.Combine(scratch.Path, "split", "time", "valid.csv.gz"));
        var split = Assert.Throws<DatasetNotFoundException>(() => OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv"));
        Assert.Equal(["valid.csv.gz"], split.MissingFiles);

        File.Delete(Path.Combine(scratch.Path, OgbNodeLoader.EdgeFile));
        var raw = Assert.Throws<DatasetNotFoundException>(() => OgbNodeLoader.Load(scratch.Path, "ogbn-arxiv"));
        Assert.Equal([OgbNodeLoader.EdgeFile], raw.MissingFiles);
    }

    [Fact]
    public void Gzip_csv_reader_handles_crlf_blank_lines_and_long_lines()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("x.csv.gz");
        var longLine = string.Join(",", Enumerable.Range(0, 300_000).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write("1,2\r\n\r\n3,4\n"u8);
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(longLine));
        }
        using var reader = new GzipCsvReader(path);
        Assert.True(reader.TryReadLine(out var line));
        Assert.Equal("1,2"u8.ToArray(), line.ToArray());
        Assert.True(reader.TryReadLine(out line));
        Assert.Equal("3,4"u8.ToArray(), line.ToArray());
        Assert.Equal(3, reader.LineNumber);
        Assert.True(reader.TryReadLine(out line));
        var values = new float[300_000];
        reader.ParseSingles(line, values);
        Assert.Equal(9f, values[299_999]);
        Assert.False(reader.TryReadLine(out _));
    }
}
