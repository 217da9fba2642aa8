using MaxK.Datasets;
using MaxK.Datasets.Planetoid;

namespace MaxK.Tests.Datasets;

/// <summary>A writable copy of a real Planetoid dataset from the shared folder in ROOT/planetoid/ (skips the test when absent), to corrupt.</summary>
internal sealed class SharedCoraCopy : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public SharedCoraCopy(string name = "cora")
    {
        var source = SharedDatasets.LocatePlanetoid();
        var files = PlanetoidLoader.ExpectedFiles(name);
        Assert.SkipWhen(source is null || files.Any(f => !File.Exists(Path.Combine(source, f))),
            $"The shared Planetoid files of {name} are absent (looked at {SharedDatasets.Describe()}).");
        Folder = Path.Combine(_scratch.Path, SharedDatasets.PlanetoidSubfolder);
        Directory.CreateDirectory(Folder);
        foreach (var file in files)
        {
            File.Copy(Path.Combine(source!, file), Path.Combine(Folder, file));
            File.SetAttributes(Path.Combine(Folder, file), FileAttributes.Normal);
        }
        Name = name;
    }

    /// <summary>The --data-dir to pass (the copy is in its planetoid/ subfolder, as in the shared folder).</summary>
    public string Root => _scratch.Path;

    /// <summary>ROOT/planetoid.</summary>
    public string Folder { get; }

    public string Name { get; }

    public string PathOf(string suffix) => Path.Combine(Folder, $"ind.{Name}.{suffix}");

    /// <summary>Rewrites test.index with the largest id replaced by <paramref name="id"/>.</summary>
    public void ReplaceLargestTestId(long id)
    {
        var ids = File.ReadAllLines(PathOf("test.index")).Where(l => l.Trim().Length > 0).Select(long.Parse).ToList();
        ids[ids.IndexOf(ids.Max())] = id;
        File.WriteAllLines(PathOf("test.index"), ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Dispose() => _scratch.Dispose();
}
