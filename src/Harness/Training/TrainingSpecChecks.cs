using System.Globalization;
using MaxK.Training;

namespace MaxK.Harness.Training;

/// <summary>
/// Checks the numbers of a <see cref="TrainingRunSpec"/> before anything is loaded or trained, so a bad option is a
/// one-line error (exit 2) instead of a libtorch exception mid-run or a result file that does not validate. Messages
/// name the options of <c>maxk train</c>. Values left null take the dataset's defaults, which are valid.
/// </summary>
public static class TrainingSpecChecks
{
    /// <summary>Throws a <see cref="HarnessException"/> naming the first invalid value.</summary>
    public static void Check(TrainingRunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        AtLeast("--epochs", spec.Epochs, 1);
        AtLeast("--k", spec.K, 1);
        AtLeast("--hidden", spec.Hidden, 1);
        AtLeast("--layers", spec.Layers, 1);
        AtLeast("--warmup-epochs", spec.WarmupEpochs, 0);
        var epochs = spec.Epochs ?? DatasetDefaults.For(spec.Dataset.Trim().ToLowerInvariant()).Epochs;
        if (spec.WarmupEpochs >= epochs)
            throw new HarnessException(Invariant($"--warmup-epochs {spec.WarmupEpochs} leaves no epoch to time: it must be below the number of epochs ({epochs}); lower it or raise --epochs."));
        if (spec.Nonlinearity == MaxK.Training.Models.Nonlinearity.MaxK && spec.K > spec.Hidden)
            throw new HarnessException(Invariant($"--k {spec.K} is larger than --hidden {spec.Hidden}: MaxK keeps k of the hidden width's entries."));
        if (spec.LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr)))
            throw new HarnessException(Invariant($"--lr must be a positive finite number, got {lr}."));
        if (spec.WeightDecay is { } wd && !(wd >= 0 && double.IsFinite(wd)))
            throw new HarnessException(Invariant($"--weight-decay must be a finite number ≥ 0, got {wd}."));
        Probability("--dropout", spec.Dropout);
        Probability("--input-dropout", spec.InputDropout);
    }

    private static void AtLeast(string option, int? value, int minimum)
    {
        if (value < minimum)
            throw new HarnessException(Invariant($"{option} must be at least {minimum}, got {value}."));
    }

    private static void Probability(string option, double? value)
    {
        if (value is { } p && !(p >= 0 && p < 1))
            throw new HarnessException(Invariant($"{option} is a probability in [0, 1), got {p}."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
