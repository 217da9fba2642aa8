using System.Globalization;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// A CSBM of any size named by its parameters: <c>csbm:nodes=20000,classes=41,degree=50,homophily=0.3,features=602,signal=1.75</c>.
/// Keys (any order, each at most once): nodes, classes, degree, homophily, features, signal, scale (a factor on every
/// feature); the ones left out take csbm-reddit's value (nodes 232,965, classes 41, degree ≈ 492, 602 features, and the
/// preset's homophily, signal and scale).
/// The split is Reddit's shares. The spec is its own name, so a result names the exact instance (with the seed).
/// </summary>
public static class CsbmSpec
{
    /// <summary>The prefix that marks a CSBM spec.</summary>
    public const string Prefix = "csbm:";

    private static readonly string[] Keys = ["nodes", "classes", "degree", "homophily", "features", "signal", "scale"];

    /// <summary>True when <paramref name="name"/> starts with <see cref="Prefix"/> (whether or not it parses).</summary>
    public static bool IsSpec(string? name) => name is not null && name.Trim().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses and validates a spec.</summary>
    /// <exception cref="ArgumentException">Not a spec, an unknown or repeated key, a value that is not a number, or parameters <see cref="CsbmOptions.Validate"/> rejects.</exception>
    public static CsbmOptions Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (!IsSpec(text))
            throw new ArgumentException($"'{name}' is not a CSBM spec; expected {Prefix}key=value,… with keys {string.Join(", ", Keys)}.");
        var basis = CsbmPresets.Reddit;
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text[Prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq > 0 ? part[..eq].Trim().ToLowerInvariant() : part;
            if (eq <= 0 || !Keys.Contains(key))
                throw new ArgumentException($"CSBM spec '{name}': '{part}' is not key=value with a key among {string.Join(", ", Keys)}.");
            if (!double.TryParse(part[(eq + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new ArgumentException($"CSBM spec '{name}': the value of '{key}' is not a number.");
            if (!values.TryAdd(key, value))
                throw new ArgumentException($"CSBM spec '{name}': '{key}' is given twice.");
        }
        var options = new CsbmOptions(
            text.ToLowerInvariant(),
            Whole(name, values, "nodes", basis.Nodes),
            Whole(name, values, "classes", basis.Classes),
            values.GetValueOrDefault("degree", basis.AverageDegree),
            values.GetValueOrDefault("homophily", basis.Homophily),
            Whole(name, values, "features", basis.Features),
            values.GetValueOrDefault("signal", basis.SignalStrength),
            SplitFractions.Reddit,
            FeatureScale: values.GetValueOrDefault("scale", basis.FeatureScale));
        options.Validate();
        return options;
    }

    private static int Whole(string name, Dictionary<string, double> values, string key, int fallback)
    {
        if (!values.TryGetValue(key, out var value))
            return fallback;
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
            throw new ArgumentException($"CSBM spec '{name}': '{key}' must be a whole number, got {value.ToString(CultureInfo.InvariantCulture)}.");
        return (int)value;
    }
}
