using System.Globalization;
using System.Text;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// The commands that reproduce one result file: check out its commit, then the suite or the kernel/train command
/// reconstructed from its records (graphs, D, k, runs, warm-up, seed as recorded).
/// </summary>
public static class RunReproduction
{
    public static string Commands(SiteRun run)
    {
        var m = run.Result.Manifest;
        var sb = new StringBuilder();
        sb.Append($"git checkout {m.HarnessCommit}\n");
        var gpuCases = run.Result.Cases.Where(c => c.IsOn(ComputeDevice.Cuda)).ToList();
        if (m.Suite == "kernels" && gpuCases.Count > 0)
        {
            var maxk = gpuCases.Where(c => c.Kernel.StartsWith("maxk_", StringComparison.Ordinal)).ToList();
            var graphs = string.Join(",", gpuCases.Select(c => c.Graph).Distinct());
            var d = maxk.Select(c => c.Dim).DefaultIfEmpty(gpuCases[0].Dim).First();
            var ks = string.Join(",", maxk.Select(c => c.K).Where(k => k > 0).Distinct().Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));
            var c0 = gpuCases[0];
            sb.Append($"dotnet run -c Release --project src/Harness -- kernels --graph {graphs} --dim {d} --k {ks} --runs {c0.N} --warmup {c0.Warmup} --seed {m.Seed} --output results\n");
        }
        else if (run.Result.Cases.Count > 0 || run.Training.Count == 0)
        {
            sb.Append(m.Suite == "default" ? "./build.sh Benchmark    # = maxk bench --suite default\n" : $"dotnet run -c Release --project src/Harness -- bench --suite {m.Suite} --output results\n");
        }
        foreach (var t in run.Training.Where(t => !t.Uses(TrainingBackend.Pyg)))
        {
            sb.Append($"dotnet run -c Release --project src/Harness -- train --dataset {t.Dataset} --model {t.Model} --nonlinearity {t.Nonlinearity}")
              .Append(t.K is { } k ? $" --k {k}" : "")
              .Append($" --hidden {t.Hidden} --layers {t.Layers} --epochs {t.Epochs} --seed {t.Seed} --device {t.Device} --json {Html.Slug(t.Id)}.json\n");
        }
        return sb.ToString();
    }
}
