using System.Globalization;
using MaxK.Training;
using MaxK.Training.Models;

namespace MaxK.Harness.Training;

/// <summary>
/// Refuses a CPU training run whose model cannot fit in this host's memory before libtorch allocates it (a huge
/// --hidden would otherwise fail inside libtorch, or be killed by the kernel's OOM killer once the pages are touched).
/// The estimate is a lower bound, so it never refuses a run that fits: 16 bytes per parameter (fp32 weight, gradient
/// and Adam's two moments) for the linear layers, plus one fp32 activation of nodes × hidden per graph layer and the input layer.
/// </summary>
public static class TrainingMemoryCheck
{
    /// <summary>The lower bound in bytes (see the class summary).</summary>
    public static double LowerBoundBytes(ModelOptions model, int nodes)
    {
        ArgumentNullException.ThrowIfNull(model);
        double hidden = model.Hidden;
        var perLayer = model.Architecture == GnnArchitecture.Sage ? 2 : 1;
        var parameters = model.InputFeatures * hidden + model.HiddenLayers * perLayer * hidden * hidden + hidden * model.Classes;
        var activations = (double)nodes * hidden * (model.HiddenLayers + 1);
        return 16 * parameters + 4 * activations;
    }

    /// <summary>Throws a <see cref="HarnessException"/> when <see cref="LowerBoundBytes"/> exceeds <paramref name="availableBytes"/>.</summary>
    public static void Check(ModelOptions model, int nodes, long availableBytes)
    {
        var needed = LowerBoundBytes(model, nodes);
        if (needed > availableBytes)
        {
            throw new HarnessException(string.Create(CultureInfo.InvariantCulture,
                $"--hidden {model.Hidden} with --layers {model.HiddenLayers} needs at least {needed / 1e9:F1} GB (weights, gradients, Adam state and one activation per layer) "
                + $"but this host has {availableBytes / 1e9:F1} GB; lower --hidden or --layers."));
        }
    }
}
