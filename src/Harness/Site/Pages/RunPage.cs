using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// runs/&lt;slug&gt;.html: one result file with its full provenance (every manifest field), verification status
/// (records verified or failed, GPU test reports beside the file), what was skipped and why, the commands that
/// reproduce it, and every kernel case and training record.
/// </summary>
public static class RunPage
{
    public static SitePage Build(SiteRun run, SiteRun? previous)
    {
        var page = new SitePage(run.Page, "run", $"Run {run.Label}");
        var m = run.Result.Manifest;
        page.IntroHtml = $"<p>Result file <code>{(run.Local ? "" : "results/")}{Html.E(run.RelativePath)}</code>{(run.Local ? " <strong class=\"warn\">(a local run, not committed)</strong>" : "")} (<a href=\"../{Html.E(DataPath(run))}\">download JSON</a>) · GPU {Html.E(run.GpuName)} · suite <code>{Html.E(m.Suite)}</code> · role <strong>{Html.E(run.Role.Word())}</strong>{(m.Role is null ? " (from the suite name)" : "")} · commit <code>{Html.E(m.HarnessCommit)}</code>{(m.HarnessDirty ? " <span class=\"fail\">(dirty working tree)</span>" : "")}"
            + (previous is null || !ComparePages.Comparable(previous, run) ? "" : $" · <a href=\"../{Html.E(ComparePages.PairPage(previous, run))}\">compare with the previous run ({Html.E(previous.Label)})</a>") + "</p>\n";
        page.Sections.Add(new SiteSection("verification", "Verification", Verification(run)));
        page.Sections.Add(new SiteSection("provenance", "Provenance (manifest)", Manifest(run)));
        page.Sections.Add(new SiteSection("skipped", "Not run", run.Result.Skipped.Count == 0 ? "<p>Nothing was skipped.</p>\n"
            : "<ul class=\"skipped\">" + string.Concat(run.Result.Skipped.Select(s => $"<li>{Html.E(s.What)}: {Html.E(s.Reason)}</li>")) + "</ul>\n"));
        page.Sections.Add(new SiteSection("commands", "Commands for this run", $"<pre><code>{Html.E(RunReproduction.Commands(run))}</code></pre>\n"));
        page.Sections.Add(new SiteSection("cases", "Kernel cases", page.Table(Cases(run))));
        if (run.Training.Count > 0)
            page.Sections.Add(new SiteSection("training", "Training records", page.Table(Training(run))));
        return page;
    }

    /// <summary>Where the unchanged result file is offered, relative to the site root.</summary>
    public static string DataPath(SiteRun run) => $"data/runs/{run.Slug}.json";

    /// <summary>Where a file beside the result is offered, relative to the site root.</summary>
    public static string SidecarPath(SiteRun run, string name) => $"data/runs/{Html.Slug((Path.GetDirectoryName(run.RelativePath) ?? "").Replace('/', '_').Replace('\\', '_'))}/{Html.Slug(name)}";

    /// <summary>
    /// True for a peer training record (PyTorch Geometric): timed as it is, never verified by this harness, so neither its
    /// missing verification nor its failure to run (e.g. out of memory) is one of ours.
    /// </summary>
    public static bool IsPeer(TrainingRecord t) => t.Uses(TrainingBackend.Pyg);

    /// <summary>Our failures in a run: kernel cases that failed (<see cref="CaseRecord.Failed"/>: not floors, not peers) and our training records not verified or with an error.</summary>
    public static int Failures(SiteRun run) => run.Result.Cases.Count(c => c.Failed && !c.Peer) + run.Training.Count(t => !IsPeer(t) && (!t.Verified || t.Error is not null));

    private static string Verification(SiteRun run)
    {
        var cases = run.Result.Cases;
        var peerCases = cases.Where(c => c.Peer).ToList();
        var ours = cases.Where(c => !c.Peer).ToList();
        var failed = ours.Where(c => c.Failed).ToList();
        var diagnostic = ours.Count(c => c.Diagnostic == true && !c.Failed);
        var training = run.Training.Where(t => !IsPeer(t)).ToList();
        var peers = run.Training.Where(IsPeer).ToList();
        var tFailed = training.Where(t => !t.Verified || t.Error is not null).ToList();
        var sb = new StringBuilder();
        sb.Append($"<p class=\"{(failed.Count + tFailed.Count == 0 ? "ok" : "fail")}\">{Html.Count(ours.Count - failed.Count - diagnostic)} of {Html.Count(ours.Count - diagnostic)} kernel case(s) verified before timing");
        if (diagnostic > 0)
            sb.Append($" (and {Html.Count(diagnostic)} {Html.E(KernelNames.FloorLabel)} case(s), timed but never verified: lower bounds, not results)");
        if (training.Count > 0)
            sb.Append($"; {Html.Count(training.Count - tFailed.Count)} of {Html.Count(training.Count)} training record(s) verified");
        sb.Append(".</p>\n");
        if (failed.Count + tFailed.Count > 0)
            sb.Append("<ul class=\"fail\">").Append(string.Concat(failed.Select(c => $"<li>{Html.E(c.Id)}: {Html.E(c.Error ?? "not verified")}</li>")))
              .Append(string.Concat(tFailed.Select(t => $"<li>{Html.E(t.Id)}: {Html.E(t.Error ?? "not verified")}</li>"))).Append("</ul>\n");
        if (peers.Count + peerCases.Count > 0)
        {
            var peerFailed = peers.Where(t => t.Error is not null).Select(t => (t.Id, t.Error!)).Concat(peerCases.Where(c => c.Error is not null).Select(c => (c.Id, c.Error!))).ToList();
            sb.Append($"<p class=\"note\">Peer records (PyTorch Geometric, the released MaxK-GNN code): timed as they are, never verified by this harness: "
                + $"{Html.Count(peers.Count + peerCases.Count - peerFailed.Count)} timed, {Html.Count(peerFailed.Count)} failed to run (peer failures, not verification failures).</p>\n");
            if (peerFailed.Count > 0)
                sb.Append("<ul class=\"note\">").Append(string.Concat(peerFailed.Select(f => $"<li>{Html.E(f.Item1)}: peer failed to run: {Html.E(Short(f.Item2))}</li>"))).Append("</ul>\n");
        }
        var maxErr = cases.Where(c => c.Verified).Select(c => c.VerificationRelativeError).DefaultIfEmpty(0).Max();
        sb.Append($"<p>Largest relative error of a verified case: {Html.E(maxErr.ToString("0.###e0", CultureInfo.InvariantCulture))}.</p>\n");
        if (run.SidecarFiles.Count > 0)
        {
            sb.Append("<p>Files from the same run folder:</p><ul>");
            foreach (var name in run.SidecarFiles)
                sb.Append($"<li><a href=\"../{Html.E(SidecarPath(run, name))}\">{Html.E(name)}</a>{Html.E(XunitSummary(Path.Combine(run.Folder, name)))}</li>");
            sb.Append("</ul>\n");
        }
        return sb.ToString();
    }

    /// <summary>The first sentence of an error (up to 200 characters): a peer's out-of-memory message runs to a paragraph.</summary>
    private static string Short(string error)
    {
        var dot = error.IndexOf(". ", StringComparison.Ordinal);
        var text = dot > 0 ? error[..(dot + 1)] : error;
        return text.Length <= 200 ? text : text[..199] + "…";
    }

    /// <summary>" — 323 tests: 323 passed, 0 failed, 0 skipped" for an xUnit XML report, "" for anything else.</summary>
    private static string XunitSummary(string path)
    {
        if (!path.EndsWith(".xml", StringComparison.Ordinal))
            return "";
        try
        {
            var assemblies = XDocument.Load(path).Root?.Elements("assembly").ToList() ?? [];
            int Sum(string a) => assemblies.Sum(x => int.TryParse((string?)x.Attribute(a), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
            return assemblies.Count == 0 ? "" : $" — {Sum("total")} tests: {Sum("passed")} passed, {Sum("failed")} failed, {Sum("skipped")} skipped";
        }
        catch (System.Xml.XmlException)
        {
            return " — not a readable XML report";
        }
    }

    private static string Manifest(SiteRun run)
    {
        using var doc = JsonDocument.Parse(run.RawJson);
        var sb = new StringBuilder("<dl class=\"manifest\">\n");
        if (doc.RootElement.TryGetProperty("manifest", out var manifest) && manifest.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in manifest.EnumerateObject())
            {
                var value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => "—",
                    _ => p.Value.GetRawText(),
                };
                sb.Append($"<dt>{Html.E(p.Name)}</dt><dd>{Html.E(value)}</dd>\n");
            }
        }
        sb.Append("</dl>\n");
        return sb.ToString();
    }

    private static SiteTable Cases(SiteRun run)
    {
        var table = new SiteTable($"run-{run.Slug}-cases", $"{run.Label}: kernel cases in file order",
            ["id", "kernel", "implementation", "device", "graph", "nodes", "edges", "D", "k", "median ms", "95% CI ms", "min ms", "max ms", "n", "GB/s", "speed-up", "baseline", "verified", "rel. error", "config", "error"]);
        foreach (var c in run.Result.Cases)
        {
            table.Add(SiteCell.T(c.Id), SiteCell.T(KernelPage.KernelLabel(c) + (c.WidthK == true ? " (width k)" : "")), SiteCell.T(c.Implementation), SiteCell.T(c.Device),
                new SiteCell(c.Graph, c.Graph, Tip: c.GraphLabel), SiteCell.Int(c.Nodes), SiteCell.Int(c.Edges),
                new SiteCell(c.Dim.ToString(CultureInfo.InvariantCulture), c.Dim), new SiteCell(c.K > 0 ? c.K.ToString(CultureInfo.InvariantCulture) : "—", c.K),
                SiteCell.Num(c.MedianMs, 3), new SiteCell(c.MedianCi95LowMs is null ? "—" : $"{Html.N(c.MedianCi95LowMs, 3)}–{Html.N(c.MedianCi95HighMs, 3)}", c.MedianCi95LowMs is null ? null : $"{Html.R(c.MedianCi95LowMs.Value)}..{Html.R(c.MedianCi95HighMs ?? double.NaN)}"),
                SiteCell.Num(c.MinMs, 3), SiteCell.Num(c.MaxMs, 3), new SiteCell(c.N.ToString(CultureInfo.InvariantCulture), c.N), SiteCell.Num(c.GbPerS, 1),
                SiteCell.Speedup(c.Speedup), SiteCell.T(c.SpeedupBaseline ?? ""),
                KernelPage.VerifiedCell(c),
                new SiteCell(c.VerificationRelativeError.ToString("0.##e0", CultureInfo.InvariantCulture), double.IsFinite(c.VerificationRelativeError) ? c.VerificationRelativeError : null),
                SiteCell.T(c.Config ?? ""), SiteCell.T(c.Error ?? ""));
        }
        return table;
    }

    private static SiteTable Training(SiteRun run)
    {
        var table = new SiteTable($"run-{run.Slug}-training", $"{run.Label}: training records in file order",
            ["id", "dataset", "model", "nonlinearity", "k", "backend", "implementation", "device", "epoch ms (median)", "speed-up", "baseline", "metric", "test metric", "verified", "reference", "rel. error", "config", "error"]);
        foreach (var t in run.Training)
        {
            table.Add(SiteCell.T(t.Id), SiteCell.T(t.DatasetLabel ?? t.Dataset), SiteCell.T(t.Model), SiteCell.T(t.Nonlinearity),
                new SiteCell(t.K?.ToString(CultureInfo.InvariantCulture) ?? "—", t.K), SiteCell.T(t.Backend), SiteCell.T(t.Implementation), SiteCell.T(t.Device),
                SiteCell.Num(t.EpochMsMedian, 2), SiteCell.Speedup(t.Speedup), SiteCell.T(t.SpeedupBaseline ?? ""), SiteCell.T(t.Metric), SiteCell.Pct(t.TestAccuracy),
                TrainingPage.VerifiedCell(t), SiteCell.T(t.VerificationReference ?? ""),
                SiteCell.Num(t.VerificationRelativeError, 8), SiteCell.T(t.Config ?? ""), SiteCell.T(t.Error ?? ""));
        }
        return table;
    }
}
