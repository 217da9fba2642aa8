using MaxK.Datasets;

namespace MaxK.Tests.Datasets;

[Collection(SharedDatasetsCollection.Name)]
public class SharedDatasetsTests
{
    [Fact]
    public void EnvironmentVariable_OverridesTheSearch()
    {
        using var folder = new ScratchFolder();
        Directory.CreateDirectory(folder.File(SharedDatasets.PlanetoidSubfolder));
        var previous = Environment.GetEnvironmentVariable(SharedDatasets.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SharedDatasets.EnvironmentVariable, folder.Path);
            Assert.Equal(Path.GetFullPath(folder.Path), SharedDatasets.Locate());
            Assert.Equal(Path.GetFullPath(folder.File(SharedDatasets.PlanetoidSubfolder)), SharedDatasets.LocatePlanetoid());
        }
        finally
        {
            Environment.SetEnvironmentVariable(SharedDatasets.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Located_Folder_IsNamedSharedDatasets_WhenFound()
    {
        var previous = Environment.GetEnvironmentVariable(SharedDatasets.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SharedDatasets.EnvironmentVariable, null);
            var located = SharedDatasets.Locate();
            Assert.SkipWhen(located is null, $"No shared datasets folder (looked at {SharedDatasets.Describe()}).");
            Assert.Equal("datasets", Path.GetFileName(located));
            Assert.Equal("shared", Path.GetFileName(Path.GetDirectoryName(located)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SharedDatasets.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void Describe_NamesTheEnvironmentVariable() =>
        Assert.Contains("$" + SharedDatasets.EnvironmentVariable, SharedDatasets.Describe());
}
