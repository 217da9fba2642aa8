using System.CommandLine;
using MaxK.Naming;

namespace MaxK.Harness.Cli;

/// <summary>
/// An option whose values are the words of an enum as the docs and result files write them (lower case: sage, gcn,
/// gin; relu, maxk; cpu, cuda), case-insensitive on input. Left out, it reads as null and the command uses
/// the default named in the description; help shows <c>--model &lt;sage|gcn|gin&gt;</c>.
/// </summary>
public static class WordOption
{
    /// <summary>The word of an enum value: its name in lower case.</summary>
    public static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static Option<T?> Create<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        var words = Enum.GetValues<T>().Select(Word).ToArray();
        return new Option<T?>(name)
        {
            Description = $"{description} ({string.Join(", ", words)}; default {Word(defaultValue)}).",
            HelpName = string.Join('|', words),
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                foreach (var value in Enum.GetValues<T>())
                {
                    if (string.Equals(Word(value), token, StringComparison.OrdinalIgnoreCase))
                        return value;
                }
                result.AddError($"'{token}' is not a value of {name}.{NameSuggestions.DidYouMean(token, words)} Use {string.Join(", ", words)}.");
                return null;
            },
        };
    }
}
