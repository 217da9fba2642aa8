using System.Globalization;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Results;
using MaxK.Harness.Kernels;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// The two end-to-end goals of one GPU (<see cref="EndToEndGoals"/>), MaxK runs only: (a) the measured epoch against the
/// floor-based ceiling, whose floors come from diagnostic runs (the run column names the run and its role), and (b) MaxK
/// against PyG on the same GPU and graph.
/// </summary>
internal static class GoalTables
{
    public static string Build(SitePage page, SiteModel model, GpuGroup g, string prefix)
    {
        var runs = model.Runs.Select(r => r.Analysis).ToList();
        var ceilings = EndToEndGoals.Ceilings(runs, g.Gpu);
        var pyg = EndToEndGoals.PygSpeedups(model.Training, g.Gpu);
        var a = new SiteTable($"{prefix}-{g.Anchor}-goal-ceiling",
            $"{g.Gpu}: goal (a), the measured epoch reaches ≥ {Html.N(EndToEndGoals.CeilingShareTarget * 100, 0)} % of the epoch with every aggregation at the {KernelNames.FloorLabel}",
            ["dataset", "model", "k", "measured epoch ms", "floor epoch ms", "floor / measured", "target", "met", "ceiling (share of Amdahl limit)", "measured share of limit", "run", "role"]);
        foreach (var c in ceilings)
        {
            var r = c.Maxk.Record;
            var run = model.Run(c.Maxk.Run);
            a.Add(SiteCell.T(r.Dataset), SiteCell.T(r.Model), new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.Num(c.Ceiling.EpochMs, 2),
                SiteCell.Num(c.Ceiling.FloorEpochMs, 2), new SiteCell(Html.Pct(c.Share), c.Share, CssClass: c.Met ? "ok" : "fail"), SiteCell.Pct(EndToEndGoals.CeilingShareTarget),
                new SiteCell(c.Met ? "yes" : "no", c.Met, CssClass: c.Met ? "ok" : "fail"), SiteCell.Pct(c.Ceiling.Ceiling), SiteCell.Pct(r.AmdahlAttainment),
                IndexPage.RunCell(run), SiteCell.T(run.Role.Word()));
        }
        var b = new SiteTable($"{prefix}-{g.Anchor}-goal-pyg", $"{g.Gpu}: goal (b), a MaxK epoch ≥ {Html.N(EndToEndGoals.PygSpeedupTarget, 0)}× faster than PyG's (ReLU) on the same GPU and graph",
            ["dataset", "model", "k", "MaxK epoch ms", "PyG epoch ms", "PyG / MaxK", "target", "met", "PyG implementation", "MaxK run", "PyG run"]);
        foreach (var p in pyg)
        {
            var r = p.Maxk.Record;
            b.Add(SiteCell.T(r.Dataset), SiteCell.T(r.Model), new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.Num(r.EpochMsMedian, 2),
                SiteCell.Num(p.Pyg.Record.EpochMsMedian, 2), new SiteCell(Html.X(p.Speedup), p.Speedup, CssClass: p.Met ? "ok" : "fail"),
                SiteCell.Speedup(EndToEndGoals.PygSpeedupTarget), new SiteCell(p.Met ? "yes" : "no", p.Met, CssClass: p.Met ? "ok" : "fail"),
                SiteCell.T(p.Pyg.Record.Implementation), IndexPage.RunCell(model.Run(p.Maxk.Run)), IndexPage.RunCell(model.Run(p.Pyg.Run)));
        }
        var target = Html.N(EndToEndGoals.CeilingShareTarget * 100, 0) + " %";
        var intro = $"<p class=\"note\">(a) The measured MaxK epoch reaches ≥ {target} of the epoch with every aggregation call at the loads-only floor (floor epoch / measured "
            + $"epoch: nothing lost outside the kernels); (b) a MaxK epoch is ≥ {Html.N(EndToEndGoals.PygSpeedupTarget, 0)}× faster than PyG's on the same GPU, graph, model, width and "
            + "depth. They replace “85 % of the Amdahl limit”, which the floors show is beyond this fp32 CBSR design. MaxK runs only.</p>\n";
        return intro
            + (ceilings.Count == 0 ? "<p class=\"empty\">Goal (a): no run of this GPU has loads-only floor cases beside its MaxK training (the floor suite measures both).</p>\n" : page.Table(a))
            + (pyg.Count == 0 ? "<p class=\"empty\">Goal (b): no headline PyG run on a graph this GPU trained MaxK on.</p>\n" : page.Table(b));
    }
}
