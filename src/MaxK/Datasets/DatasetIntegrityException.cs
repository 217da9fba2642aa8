namespace MaxK.Datasets;

/// <summary>
/// A dataset's files load but do not hold the dataset the catalog describes (other statistics, a wrong checksum): the
/// data is refused, never trained on or installed. The message names the dataset, the folder and every mismatch.
/// </summary>
public sealed class DatasetIntegrityException(string dataset, string folder, IReadOnlyList<string> problems)
    : IOException($"Dataset '{dataset}' in '{folder}' does not match the catalog: {string.Join("; ", problems)}. " +
                  $"Refused: the files are corrupt or hold another dataset (delete them and run `maxk datasets fetch {dataset}`).")
{
    public string Dataset { get; } = dataset;

    public string Folder { get; } = folder;

    public IReadOnlyList<string> Problems { get; } = problems;
}
