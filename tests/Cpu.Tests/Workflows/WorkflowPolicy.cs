using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MaxK.Tests.Workflows;

/// <summary>
/// The project's rules for GitHub Actions workflows (issue 7). <see cref="Check"/> lists every broken rule as a
/// sentence naming the file, job and step; an empty list means the workflow passes. The rules:
/// <list type="bullet">
/// <item>no <c>pull_request_target</c>; a workflow with self-hosted jobs has no trigger that fork code can drive, and
/// its <c>push</c> is limited to main and to listed paths;</item>
/// <item><c>permissions</c> at the top or on every job; the top level grants no write; a job writes only what it needs
/// (contents ⇐ <c>git push</c>, pull-requests ⇐ <c>gh pr</c>, pages and id-token ⇐ actions/deploy-pages); never
/// read-all or write-all;</item>
/// <item>every <c>uses:</c> is pinned to a 40-hex commit with a <c># vX.Y.Z</c> comment;</item>
/// <item>every job has <c>timeout-minutes</c>; a self-hosted job's <c>runs-on</c> is a list with linux and gpu;</item>
/// <item>checkout keeps no credentials (<c>persist-credentials: false</c>) unless the job may push;</item>
/// <item>caches are keyed on hashFiles of the lock files, and on the CUDA version in self-hosted jobs;</item>
/// <item>run scripts hold no <c>${{ }}</c> (values come in through env) and call only what
/// <see cref="StepCommandCatalog"/> allows.</item>
/// </list>
/// </summary>
public sealed partial class WorkflowPolicy
{
    /// <summary>Events through which code or text from a fork can start a workflow.</summary>
    public static readonly IReadOnlySet<string> ForkDrivenEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment", "issue_comment", "workflow_run",
    };

    /// <summary>Files every cache key must hash.</summary>
    public static readonly IReadOnlyList<string> CacheKeyFiles = ["Directory.Packages.props", "global.json", ".config/dotnet-tools.json"];

    private readonly StepCommandCatalog _catalog;

    public WorkflowPolicy(StepCommandCatalog catalog) => _catalog = catalog;

    public IReadOnlyList<string> Check(WorkflowFile workflow)
    {
        var problems = new List<string>();
        var jobs = workflow.Jobs;
        if (jobs.Count == 0)
            problems.Add($"{workflow.Name}: no jobs");
        var selfHosted = jobs.Where(j => IsSelfHosted(j.Value)).Select(j => j.Key).ToList();
        CheckTriggers(workflow, selfHosted, problems);
        CheckPins(workflow, problems);
        var topPermissions = WorkflowFile.Child(workflow.Root, "permissions");
        if (topPermissions is not null)
            CheckTopPermissions(workflow.Name, topPermissions, problems);
        foreach (var (id, job) in jobs)
            CheckJob($"{workflow.Name} job '{id}'", job, topPermissions, selfHosted.Contains(id), problems);
        return problems;
    }

    private static bool IsSelfHosted(YamlMappingNode job) => WorkflowFile.Child(job, "runs-on") switch
    {
        YamlScalarNode s => s.Value == "self-hosted",
        YamlSequenceNode q => q.Children.OfType<YamlScalarNode>().Any(s => s.Value == "self-hosted"),
        var other => other is not null && other.ToString().Contains("self-hosted", StringComparison.Ordinal),
    };

    private static void CheckTriggers(WorkflowFile workflow, List<string> selfHosted, List<string> problems)
    {
        var triggers = workflow.Triggers;
        if (triggers.Count == 0)
            problems.Add($"{workflow.Name}: no triggers under 'on'");
        if (triggers.ContainsKey("pull_request_target"))
            problems.Add($"{workflow.Name}: pull_request_target runs fork code with repository secrets; not allowed");
        if (selfHosted.Count == 0)
            return;
        foreach (var e in triggers.Keys.Where(ForkDrivenEvents.Contains))
            problems.Add($"{workflow.Name}: trigger '{e}' would let fork code reach the self-hosted job(s) {string.Join(", ", selfHosted)}");
        if (!triggers.TryGetValue("push", out var push))
            return;
        var branches = WorkflowFile.Child(push, "branches") as YamlSequenceNode;
        if (branches is null || branches.Children.Count == 0 || branches.Children.Any(b => (b as YamlScalarNode)?.Value != "main"))
            problems.Add($"{workflow.Name}: push of a self-hosted workflow must be limited to 'branches: [main]'");
        if (WorkflowFile.Child(push, "tags") is not null || WorkflowFile.Child(push, "branches-ignore") is not null)
            problems.Add($"{workflow.Name}: push of a self-hosted workflow must not use tags or branches-ignore");
        if (WorkflowFile.Child(push, "paths") is not YamlSequenceNode { Children.Count: > 0 })
            problems.Add($"{workflow.Name}: push of a self-hosted workflow must list trusted 'paths'");
    }

    private static void CheckPins(WorkflowFile workflow, List<string> problems)
    {
        var structural = workflow.Jobs.Values
            .SelectMany(j => WorkflowFile.Steps(j).Select(s => WorkflowFile.Text(s, "uses")).Append(WorkflowFile.Text(j, "uses")))
            .OfType<string>().ToList();
        if (structural.Count != workflow.UsesLines.Count)
            problems.Add($"{workflow.Name}: write every 'uses:' on its own line ('uses: owner/repo@sha # vX.Y.Z'); found {structural.Count} in the YAML but {workflow.UsesLines.Count} such lines");
        foreach (var (value, comment) in workflow.UsesLines)
        {
            if (value.StartsWith("./", StringComparison.Ordinal))
                continue;
            if (!PinnedAction().IsMatch(value))
                problems.Add($"{workflow.Name}: '{value}' is not pinned to a full 40-hex commit SHA");
            else if (comment is null || !VersionComment().IsMatch(comment))
                problems.Add($"{workflow.Name}: '{value}' needs a '# vX.Y.Z' comment naming the release of that commit");
        }
    }

    private static void CheckTopPermissions(string name, YamlNode permissions, List<string> problems)
    {
        foreach (var (scope, level) in PermissionEntries(name, permissions, problems))
        {
            if (level == "write")
                problems.Add($"{name}: top-level permissions grant '{scope}: write'; grant writes on the job that needs them");
        }
    }

    /// <summary>The scope → level pairs of a permissions node; read-all, write-all and unknown levels are problems.</summary>
    private static List<(string Scope, string Level)> PermissionEntries(string where, YamlNode permissions, List<string> problems)
    {
        if (permissions is YamlScalarNode s)
        {
            problems.Add($"{where}: 'permissions: {s.Value}' grants every scope; list the scopes needed (or {{}})");
            return [];
        }
        if (permissions is not YamlMappingNode map)
        {
            problems.Add($"{where}: permissions must be a mapping of scope: read|write|none");
            return [];
        }
        var entries = new List<(string, string)>();
        foreach (var (key, value) in map.Children)
        {
            var scope = ((YamlScalarNode)key).Value ?? "";
            var level = (value as YamlScalarNode)?.Value ?? "";
            if (level is not ("read" or "write" or "none"))
                problems.Add($"{where}: permission '{scope}: {level}' is not read, write or none");
            entries.Add((scope, level));
        }
        return entries;
    }

    private void CheckJob(string where, YamlMappingNode job, YamlNode? topPermissions, bool selfHosted, List<string> problems)
    {
        var steps = WorkflowFile.Steps(job);
        var commands = new List<IReadOnlyList<string>>();
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            var run = WorkflowFile.Text(step, "run");
            if (run is null)
                continue;
            var stepWhere = $"{where} step {index + 1} ({WorkflowFile.Text(step, "name") ?? "run"})";
            if (run.Contains("${{", StringComparison.Ordinal))
                problems.Add($"{stepWhere}: '${{{{ }}}}' inside a run script can inject text into the shell; pass the value through env");
            try
            {
                foreach (var words in ShellCommands.Parse(run))
                {
                    commands.Add(StepCommandCatalog.WithoutPrefix(words));
                    if (_catalog.Problem(words) is { } problem)
                        problems.Add($"{stepWhere}: {problem}");
                }
            }
            catch (FormatException ex)
            {
                problems.Add($"{stepWhere}: cannot read the script ({ex.Message})");
            }
        }

        var jobPermissions = WorkflowFile.Child(job, "permissions");
        if (jobPermissions is null && topPermissions is null)
            problems.Add($"{where}: no permissions (set them on the job or at the top of the workflow)");
        List<string> writes = jobPermissions is null ? [] : PermissionEntries(where, jobPermissions, problems).Where(e => e.Level == "write").Select(e => e.Scope).ToList();
        var uses = steps.Select(s => WorkflowFile.Text(s, "uses") ?? "").ToList();
        foreach (var scope in writes)
        {
            var needed = scope switch
            {
                "contents" => commands.Any(c => c.Count >= 2 && c[0] == "git" && c[1] == "push"),
                "pull-requests" => commands.Any(c => c.Count >= 2 && c[0] == "gh" && c[1] == "pr"),
                "pages" or "id-token" => uses.Any(u => u.StartsWith("actions/deploy-pages@", StringComparison.Ordinal)),
                _ => false,
            };
            if (!needed)
                problems.Add($"{where}: '{scope}: write' is broader than the job needs");
        }

        if (WorkflowFile.Child(job, "uses") is null && WorkflowFile.Child(job, "timeout-minutes") is null)
            problems.Add($"{where}: no timeout-minutes");
        if (selfHosted && !(WorkflowFile.Child(job, "runs-on") is YamlSequenceNode labels
                && labels.Children.OfType<YamlScalarNode>().Select(l => l.Value).ToHashSet() is var set
                && set.Contains("linux") && set.Contains("gpu")))
            problems.Add($"{where}: a self-hosted job must run on a label list that holds self-hosted, linux and gpu");

        foreach (var step in steps)
        {
            var action = WorkflowFile.Text(step, "uses") ?? "";
            var with = WorkflowFile.Child(step, "with");
            if (action.StartsWith("actions/checkout@", StringComparison.Ordinal) && !writes.Contains("contents")
                && WorkflowFile.Text(with, "persist-credentials") != "false")
                problems.Add($"{where}: checkout keeps the token in .git/config; set persist-credentials: false (the job does not push)");
            if (action.StartsWith("actions/cache@", StringComparison.Ordinal))
                CheckCacheKey(where, WorkflowFile.Text(with, "key") ?? "", selfHosted, problems);
        }
    }

    private static void CheckCacheKey(string where, string key, bool selfHosted, List<string> problems)
    {
        var hashed = HashFilesCall().Matches(key).SelectMany(m => m.Groups[1].Value.Split(',').Select(a => a.Trim().Trim('\''))).ToHashSet();
        foreach (var file in CacheKeyFiles.Where(f => !hashed.Contains(f)))
            problems.Add($"{where}: cache key '{key}' does not hash {file}");
        if (selfHosted && !key.Contains("cuda", StringComparison.OrdinalIgnoreCase))
            problems.Add($"{where}: a GPU job's cache key must carry the CUDA version");
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"^#\s*v\d+\.\d+\.\d+$")]
    private static partial Regex VersionComment();

    [GeneratedRegex(@"hashFiles\(([^)]*)\)")]
    private static partial Regex HashFilesCall();
}
