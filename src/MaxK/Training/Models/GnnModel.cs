using MaxK.Graphs;
using MaxK.Training.Aggregation;
using MaxK.Training.Timing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MaxK.Training.Models;

/// <summary>
/// A full-graph GNN (design §4): input linear layer, <see cref="ModelOptions.HiddenLayers"/> graph layers whose
/// aggregation runs on an <see cref="IAggregationBackend"/>, output linear layer producing logits. With MaxK the
/// nonlinearity is fused into the aggregation (the backend selects into CBSR), so the aggregation never sees a
/// dense post-activation matrix. <see cref="Timer"/> receives the aggregation and selection phases.
/// </summary>
public abstract class GnnModel : nn.Module<Tensor, Tensor>
{
    private readonly IAggregationBackend _backend;

    protected GnnModel(string name, ModelOptions options, AggregationGraph graph, IAggregationBackend backend) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(backend);
        options.Validate();
        Options = options;
        Graph = graph;
        _backend = backend;
    }

    public ModelOptions Options { get; }

    /// <summary>The adjacency the graph layers aggregate with (normalised for this architecture).</summary>
    public AggregationGraph Graph { get; }

    public IAggregationBackend Backend => _backend;

    /// <summary>Where aggregation and selection time goes; <see cref="NullPhaseTimer"/> by default.</summary>
    public IPhaseTimer Timer { get; set; } = NullPhaseTimer.Instance;

    /// <summary>The edge normalisation each architecture aggregates with.</summary>
    public static EdgeNormalization NormalizationFor(GnnArchitecture architecture) => architecture switch
    {
        GnnArchitecture.Sage => EdgeNormalization.Mean,
        GnnArchitecture.Gcn => EdgeNormalization.Gcn,
        GnnArchitecture.Gin => EdgeNormalization.Sum,
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "Unknown architecture."),
    };

    /// <summary>
    /// Builds the model for <paramref name="options"/> over <paramref name="structure"/> (the graph as loaded, with
    /// self-loops already added where the dataset wants them); the normalisation follows the architecture.
    /// Parameters are drawn from torch's global generator: seed it first for reproducible runs.
    /// </summary>
    public static GnnModel Create(ModelOptions options, CsrGraph structure, IAggregationBackend backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        var graph = AggregationGraph.Create(structure, NormalizationFor(options.Architecture));
        return options.Architecture switch
        {
            GnnArchitecture.Sage => new SageModel(options, graph, backend),
            GnnArchitecture.Gcn => new GcnModel(options, graph, backend),
            GnnArchitecture.Gin => new GinModel(options, graph, backend),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Architecture, "Unknown architecture."),
        };
    }

    /// <summary>
    /// Applies the nonlinearity and dropout to <paramref name="z"/> and aggregates: returns (A·s, s) where s is the
    /// post-activation (returned only when <paramref name="needActivation"/>; with MaxK it comes from the CBSR).
    /// </summary>
    protected (Tensor Aggregated, Tensor? Activation) ActivateAndAggregate(Tensor z, bool needActivation)
    {
        var p = Options.Dropout;
        if (Options.Nonlinearity == Nonlinearity.MaxK)
        {
            Tensor? scale = null;
            if (training && p > 0)
            {
                scale = ScalarSafeOps.DivideInPlace(
                    torch.empty(z.shape[0], Options.K, dtype: ScalarType.Float32, device: z.device).bernoulli_(1 - p), 1 - p);
            }
            var result = _backend.MaxKSpgemm(Graph, z, new MaxKRequest(Options.K, scale, needActivation), Timer);
            return (result.Aggregated, result.Activation);
        }
        var h = nn.functional.dropout(nn.functional.relu(z), p, training);
        return (_backend.Spmm(Graph, h, Timer), needActivation ? h : null);
    }

    /// <summary>ReLU's gain √2 (torch.nn.init.calculate_gain("relu")), which DGL's SAGEConv passes to its Xavier init.</summary>
    protected static readonly double ReluGain = Math.Sqrt(2);

    /// <summary>Xavier-uniform weights (times <paramref name="gain"/>) and zero bias for a linear layer (the reference's
    /// input layer init; DGL's SAGEConv initialises fc_self and fc_neigh the same way with the ReLU gain).</summary>
    protected static void XavierInit(Linear layer, double gain = 1)
    {
        using var _ = torch.no_grad();
        nn.init.xavier_uniform_(layer.weight, gain);
        if (layer.bias is not null)
            layer.bias.zero_();
    }
}
