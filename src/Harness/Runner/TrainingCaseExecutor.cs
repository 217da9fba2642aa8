using MaxK.Datasets;
using MaxK.Harness.Peers;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Harness.Training;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Runner;

/// <summary>
/// Runs one training case of a suite through <see cref="TrainingRun"/> (which verifies the backend before timing) or,
/// for the peer backend (pyg), through the <see cref="PygAdapter"/>. Missing dataset files make the case skipped (with the
/// loader's message), or run its synthetic stand-in when the suite names one (labelled as such); any other failure is
/// a failed record with the error, and the suite goes on.
/// </summary>
public sealed class TrainingCaseExecutor(TextWriter log, PygAdapter pyg)
{
    public JournalEntry Run(TrainingSuiteCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        try
        {
            return Entry(c, Execute(c, c.Spec.Dataset));
        }
        catch (Exception ex) when (IsMissingData(ex))
        {
            if (c.Fallback is null)
                return new JournalEntry { Type = "skipped", Id = c.Id, Skipped = new SkippedWork(c.Id, $"dataset '{c.Spec.Dataset}' is not available here: {ex.Message}") };
            log.WriteLine($"{c.Id}: {c.Spec.Dataset} not available ({ex.Message}); running the synthetic stand-in {c.Fallback}");
            try
            {
                var record = Execute(c, c.Fallback);
                return Entry(c, record with { DatasetLabel = $"{record.DatasetLabel} (synthetic stand-in for {c.Spec.Dataset}, whose files are missing here)" });
            }
            catch (Exception inner) when (IsMissingData(inner))
            {
                return new JournalEntry { Type = "skipped", Id = c.Id, Skipped = new SkippedWork(c.Id, $"neither {c.Spec.Dataset} nor {c.Fallback} is available: {inner.Message}") };
            }
            catch (Exception inner)
            {
                return Entry(c, Failed(c, inner));
            }
        }
        catch (Exception ex)
        {
            return Entry(c, Failed(c, ex));
        }
    }

    private TrainingRecord Execute(TrainingSuiteCase c, string dataset)
    {
        var spec = c.Spec with { Dataset = dataset };
        if (c.Backend == TrainingBackend.Pyg)
            return pyg.Run(spec, log);
        return TrainingRun.Execute(spec, log).Record;
    }

    private static JournalEntry Entry(TrainingSuiteCase c, TrainingRecord record) =>
        new() { Type = "training", Id = c.Id, Training = record with { Id = c.Id } };

    /// <summary>Dataset files, libtorch or a peer that are not on this host (as opposed to a loader or training failure): the case is skipped.</summary>
    public static bool IsMissingData(Exception ex) => ex is DatasetNotFoundException or FileNotFoundException or DirectoryNotFoundException
        or PeerUnavailableException or MaxK.Torch.LibTorchNotFoundException
        || (ex is HarnessException && ex.InnerException is DatasetNotFoundException);

    /// <summary>The record of a case that failed: its parameters, the error, no times.</summary>
    public static TrainingRecord Failed(TrainingSuiteCase c, Exception ex)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ex);
        var defaults = MaxK.Training.DatasetDefaults.For(c.Spec.Dataset);
        return new TrainingRecord
        {
            Id = c.Id, Dataset = c.Spec.Dataset, DatasetSynthetic = TrainingDatasets.IsSynthetic(c.Spec.Dataset), DatasetLabel = c.Spec.Dataset,
            Nodes = 0, Edges = 0, Features = 0, Classes = 0, Model = c.Spec.Model.ToString().ToLowerInvariant(),
            Nonlinearity = c.Spec.Nonlinearity == MaxK.Training.Models.Nonlinearity.MaxK ? "maxk" : "relu",
            K = c.Spec.Nonlinearity == MaxK.Training.Models.Nonlinearity.MaxK ? c.Spec.K ?? defaults.K : null,
            Hidden = c.Spec.Hidden ?? defaults.Hidden, Layers = c.Spec.Layers ?? defaults.Layers, Epochs = c.Spec.Epochs ?? defaults.Epochs,
            Seed = c.Spec.Seed, Device = c.Device.Word(), Backend = c.Backend.Word(), Implementation = c.Backend.IsPeer() ? c.Backend.Word() : "maxk-bench",
            Metric = "accuracy", Verified = false, VerificationReference = "", Error = $"{ex.GetType().Name}: {ex.Message}",
        };
    }
}
