using MaxK.Training.Aggregation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MaxK.Training.Models;

/// <summary>
/// GIN: x ← ReLU(lin_in(x)); L times: z = Linear(x), h = dropout(nonlin(z)), x ← (1+ε)·h + Σ_N h (learnable ε per
/// layer, initialised to 0; DGL GINConv with apply_func = None), then LayerNorm; logits = lin_out(x).
/// </summary>
public sealed class GinModel : GnnModel
{
    private readonly Linear lin_in;
    private readonly Linear lin_out;
    private readonly ModuleList<Linear> linear;
    private readonly ParameterList eps;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norm;

    public GinModel(ModelOptions options, AggregationGraph graph, IAggregationBackend backend)
        : base("gin", options, graph, backend)
    {
        var hid = options.Hidden;
        lin_in = nn.Linear(options.InputFeatures, hid);
        XavierInit(lin_in);
        linear = new ModuleList<Linear>();
        eps = new ParameterList();
        norm = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < options.HiddenLayers; i++)
        {
            linear.Add(nn.Linear(hid, hid));
            eps.Add(nn.Parameter(torch.zeros(1)));
            norm.Add(options.LayerNorm ? nn.LayerNorm(hid) : nn.Identity());
        }
        lin_out = nn.Linear(hid, options.Classes);
        RegisterComponents();
    }

    /// <summary>The learnable ε of layer <paramref name="layer"/>.</summary>
    public Parameter Epsilon(int layer) => eps[layer];

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(lin_in.forward(nn.functional.dropout(input, Options.InputDropout, training)));
        for (var i = 0; i < Options.HiddenLayers; i++)
        {
            var (aggregated, activation) = ActivateAndAggregate(linear[i].forward(x), needActivation: true);
            x = norm[i].forward(ScalarSafeOps.Add(ScalarSafeOps.OnePlusTimes(eps[i], activation!), aggregated));
        }
        return lin_out.forward(x);
    }
}
