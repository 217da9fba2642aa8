using MaxK.Graphs.Synthetic;
using MaxK.Harness.Gpu;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Interop;

namespace MaxK.Harness.Runner;

/// <summary>
/// Runs GPU kernel cases one at a time: keeps the current graph on the device (a new graph replaces it), verifies then
/// times each case with CUDA events (<see cref="GpuKernelCases"/>), and records a case that throws — out of memory, a
/// failed graph upload — with its error.
/// </summary>
public sealed class GpuKernelExecutor(TextWriter log, string gpuName) : IDisposable
{
    private GpuGraphSession? _session;
    private (string Graph, ulong Seed)? _key;
    private string? _sessionError;

    public CaseRecord Run(KernelSuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var c = suiteCase.Case;
        var preset = GraphPresets.Get(c.Graph);
        var options = new KernelBenchmarkOptions { Graphs = [c.Graph], Dim = suiteCase.SectionDim, Ks = [Math.Max(1, c.K)], Runs = suiteCase.Runs, Warmup = suiteCase.Warmup, Seed = c.Seed };
        if (_key != (c.Graph, c.Seed))
        {
            _session?.Dispose();
            _session = null;
            _sessionError = null;
            _key = (c.Graph, c.Seed);
            try
            {
                _session = new GpuGraphSession(preset, options, log);
            }
            catch (Exception ex)
            {
                _sessionError = $"graph setup failed: {ex.GetType().Name}: {ex.Message}";
            }
        }
        if (_session is null)
            return KernelBenchmark.Record(c, preset, preset.Nodes, preset.Edges, gpuName, null, _sessionError, suiteCase.Warmup);
        try
        {
            var timer = new CudaEventTimer(suiteCase.Warmup, suiteCase.Runs);
            var outcome = GpuKernelCases.Run(c, _session, timer);
            return KernelBenchmark.Record(c, preset, _session.Graph.NodeCount, _session.Graph.EdgeCount, gpuName, outcome, null, suiteCase.Warmup);
        }
        catch (Exception ex)
        {
            return KernelBenchmark.Record(c, preset, _session.Graph.NodeCount, _session.Graph.EdgeCount, gpuName, null, $"{ex.GetType().Name}: {ex.Message}", suiteCase.Warmup);
        }
    }

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
    }
}
