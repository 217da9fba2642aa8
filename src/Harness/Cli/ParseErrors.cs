using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using MaxK.Naming;

namespace MaxK.Harness.Cli;

/// <summary>
/// A command line that does not parse, as one line: the first problem in plain words, the closest option or command
/// for a mistyped one, and where the full help is (instead of System.CommandLine's error list followed by the help).
/// </summary>
public static partial class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = CommandPath(parse.CommandResult);
        // A mistyped token explains more than what is missing because of it: its error goes first.
        var token = parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null;
        var error = parse.Errors.OrderBy(e => token is not null && e.Message.Contains($"'{token}'", StringComparison.Ordinal) ? 0 : 1).FirstOrDefault();
        var first = error is null ? "the command line does not parse." : Plain(error.Message);
        if (token is not null)
            first += NameSuggestions.DidYouMean(token, Names(parse.CommandResult.Command));
        var more = parse.Errors.Count > 1 ? $" ({parse.Errors.Count - 1} more problem(s) in the command line)" : "";
        return $"{UserFacingErrors.OneLine(first)}{more} See '{command} --help'.";
    }

    /// <summary>"maxk results merge" for the command the parser got to.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
            names.Insert(0, c.Command is RootCommand ? "maxk" : c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>Options (with aliases) and subcommands a mistyped token may have meant.</summary>
    private static IEnumerable<string> Names(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Select(c => c.Name));

    /// <summary>System.CommandLine's wording with .NET type names replaced by what the value should look like.</summary>
    private static string Plain(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
            return message;
        var type = match.Groups["type"].Value;
        var expected = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false" : "another value";
        return $"'{match.Groups["value"].Value}' is not a valid value for {match.Groups["option"].Value}: expected {expected}.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();
}
