using MaxK.Training.Aggregation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MaxK.Training.Models;

/// <summary>
/// GCN: x ← ReLU(lin_in(x)); L times: z = Linear(x), x ← D^-½ A D^-½ · dropout(nonlin(z)) + b, then LayerNorm;
/// logits = lin_out(x) (DGL GraphConv with weight = None, norm = 'both').
/// </summary>
public sealed class GcnModel : GnnModel
{
    private readonly Linear lin_in;
    private readonly Linear lin_out;
    private readonly ModuleList<Linear> linear;
    private readonly ParameterList bias;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norm;

    public GcnModel(ModelOptions options, AggregationGraph graph, IAggregationBackend backend)
        : base("gcn", options, graph, backend)
    {
        var hid = options.Hidden;
        lin_in = nn.Linear(options.InputFeatures, hid);
        XavierInit(lin_in);
        linear = new ModuleList<Linear>();
        bias = new ParameterList();
        norm = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < options.HiddenLayers; i++)
        {
            linear.Add(nn.Linear(hid, hid));
            bias.Add(nn.Parameter(torch.zeros(hid)));
            norm.Add(options.LayerNorm ? nn.LayerNorm(hid) : nn.Identity());
        }
        lin_out = nn.Linear(hid, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(lin_in.forward(nn.functional.dropout(input, Options.InputDropout, training)));
        for (var i = 0; i < Options.HiddenLayers; i++)
        {
            var (aggregated, _) = ActivateAndAggregate(linear[i].forward(x), needActivation: false);
            x = norm[i].forward(ScalarSafeOps.Add(aggregated, bias[i]));
        }
        return lin_out.forward(x);
    }
}
