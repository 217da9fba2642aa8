using System.CommandLine;
using System.Text.RegularExpressions;

namespace MaxK.Tests.Workflows;

/// <summary>
/// What a workflow <c>run:</c> step may call: a build target of build/build.cake (<c>./build.sh X</c>), a command of the
/// real <c>maxk</c> command tree (<c>dotnet …/maxk.dll a b --option</c>, options included), <c>bash .ci/run</c>, or a
/// tool on a short allow-list. Anything else is reported, so a renamed target or command breaks the test, not CI.
/// </summary>
public sealed partial class StepCommandCatalog
{
    /// <summary>Tools a step may run directly (shell built-ins, the GitHub CLI, the CUDA and package tools).</summary>
    public static readonly IReadOnlySet<string> AllowedTools = new HashSet<string>(StringComparer.Ordinal)
    {
        "echo", "printf", "test", "[", "[[", "exit", "cd", "set", "export", "true", "false", "command",
        "mkdir", "ls", "cat", "cp", "mv", "rm", "tee", "wc", "sed", "jq", "tar", "sha256sum", "date", "uname",
        "git", "gh", "apt-get", "npm", "nvcc", "nvidia-smi",
    };

    /// <summary>Words that open or close a compound command; what follows them is a command again.</summary>
    private static readonly HashSet<string> Keywords = ["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time"];

    private readonly IReadOnlySet<string> _buildTargets;
    private readonly Command _maxkRoot;

    public StepCommandCatalog(IReadOnlySet<string> buildTargets, Command maxkRoot)
    {
        _buildTargets = buildTargets;
        _maxkRoot = maxkRoot;
    }

    /// <summary>The catalog of this repository: the targets of <paramref name="buildCake"/> and the real <c>maxk</c> tree.</summary>
    public static StepCommandCatalog ForRepository(string buildCake) =>
        new(BuildTargets(File.ReadAllText(buildCake)), MaxK.Harness.Cli.MaxkCli.BuildRoot());

    /// <summary>The names in <c>Task("X")</c> declarations of a Cake script.</summary>
    public static IReadOnlySet<string> BuildTargets(string cakeScript) =>
        TaskDeclaration().Matches(cakeScript).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The program and its arguments: <paramref name="words"/> without leading keywords (if, then, {), variable
    /// assignments and sudo.</summary>
    public static IReadOnlyList<string> WithoutPrefix(IReadOnlyList<string> words)
    {
        var at = 0;
        while (at < words.Count && (Keywords.Contains(words[at]) || Assignment().IsMatch(words[at]) || words[at] == "sudo"))
            at++;
        return [.. words.Skip(at)];
    }

    /// <summary>Why <paramref name="words"/> (one simple command) may not run in a workflow, or null when it may.</summary>
    public string? Problem(IReadOnlyList<string> words)
    {
        var command = WithoutPrefix(words);
        if (command.Count == 0)
            return null;
        var program = command[0];
        var args = command.Skip(1).ToList();
        return program switch
        {
            "for" or "case" or "esac" => null,
            "./build.sh" => BuildTargetProblem(args),
            "dotnet" => DotnetProblem(args),
            "bash" => args is [".ci/run"] ? null : $"'bash {string.Join(' ', args)}': only 'bash .ci/run' is allowed",
            _ when AllowedTools.Contains(program) => null,
            _ => $"'{program}' is neither a build target, a maxk command nor an allowed tool",
        };
    }

    private string? BuildTargetProblem(List<string> args)
    {
        var target = args.FirstOrDefault(a => !a.StartsWith('-')) ?? args.FirstOrDefault(a => a.StartsWith("--target="))?["--target=".Length..];
        if (target is null)
            return "'./build.sh' without a target";
        return _buildTargets.Contains(target) ? null : $"'./build.sh {target}': build/build.cake has no Task(\"{target}\")";
    }

    private string? DotnetProblem(List<string> args)
    {
        if (args is ["--version"] or ["--info"])
            return null;
        if (args.Count == 0 || !args[0].EndsWith("/maxk.dll", StringComparison.Ordinal))
            return $"'dotnet {string.Join(' ', args)}': call the harness (dotnet …/maxk.dll) or a build target";
        return MaxkProblem(args.Skip(1).ToList());
    }

    /// <summary>Walks the subcommand words down the tree, then checks every option against that command.</summary>
    private string? MaxkProblem(List<string> args)
    {
        var path = new List<Command> { _maxkRoot };
        var at = 0;
        for (; at < args.Count && !args[at].StartsWith('-'); at++)
        {
            var next = path[^1].Subcommands.FirstOrDefault(c => c.Name == args[at] || c.Aliases.Contains(args[at]));
            if (next is null)
                break;
            path.Add(next);
        }
        var command = path[^1];
        var shown = "maxk " + string.Join(' ', path.Skip(1).Select(c => c.Name));
        if (command.Action is null)
        {
            var word = at < args.Count ? args[at] : "(nothing)";
            return $"'{shown} {word}': no such maxk command; '{shown}' has: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }
        var options = path.SelectMany((c, i) => c.Options.Where(o => i == path.Count - 1 || o.Recursive))
            .SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var arg in args.Skip(at).Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            var name = arg.Split('=')[0];
            if (!options.Contains(name))
                return $"'{shown}' has no option {name}";
        }
        return null;
    }

    [GeneratedRegex("""Task\("(\w+)"\)""")]
    private static partial Regex TaskDeclaration();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();
}
