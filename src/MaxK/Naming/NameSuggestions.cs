namespace MaxK.Naming;

/// <summary>
/// "Did you mean …?" for names a user typed (datasets, suites, graph presets, options): the known name closest to the
/// input by edit distance (insertions, deletions, substitutions and swaps of two neighbours, case ignored), offered
/// only when it is close: at most one edit for names up to 4 characters, two up to 8, three beyond.
/// </summary>
public static class NameSuggestions
{
    /// <summary>The closest known name, or null when none is close enough (or the input is itself known).</summary>
    public static string? Closest(string input, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(known);
        var typed = input.Trim().ToLowerInvariant();
        if (typed.Length == 0)
            return null;
        var limit = typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = Distance(typed, name.ToLowerInvariant());
            if (distance == 0)
                return null;
            if (distance <= limit && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>" Did you mean 'x'?" for the closest known name, or "" when there is none.</summary>
    public static string DidYouMean(string input, IEnumerable<string> known) =>
        Closest(input, known) is { } name ? $" Did you mean '{name}'?" : "";

    /// <summary>Optimal string alignment distance: Levenshtein plus the swap of two adjacent characters as one edit.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
            }
        }
        return d[a.Length, b.Length];
    }
}
