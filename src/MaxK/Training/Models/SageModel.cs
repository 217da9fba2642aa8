using MaxK.Training.Aggregation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MaxK.Training.Models;

/// <summary>
/// GraphSAGE (mean): x ← lin_in(x); L times: h = dropout(nonlin(x)), x ← fc_self(h) + fc_neigh(mean_N(h)) + b,
/// then LayerNorm; logits = lin_out(x). DGL's SAGEConv with equal in/out widths aggregates before fc_neigh, so with
/// MaxK the aggregation consumes the CBSR directly.
/// </summary>
public sealed class SageModel : GnnModel
{
    private readonly Linear lin_in;
    private readonly Linear lin_out;
    private readonly ModuleList<Linear> fc_self;
    private readonly ModuleList<Linear> fc_neigh;
    private readonly ParameterList bias;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norm;

    public SageModel(ModelOptions options, AggregationGraph graph, IAggregationBackend backend)
        : base("sage", options, graph, backend)
    {
        var hid = options.Hidden;
        lin_in = nn.Linear(options.InputFeatures, hid);
        XavierInit(lin_in);
        fc_self = new ModuleList<Linear>();
        fc_neigh = new ModuleList<Linear>();
        bias = new ParameterList();
        norm = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i < options.HiddenLayers; i++)
        {
            fc_self.Add(nn.Linear(hid, hid, hasBias: false));
            fc_neigh.Add(nn.Linear(hid, hid, hasBias: false));
            XavierInit(fc_self[i], ReluGain);
            XavierInit(fc_neigh[i], ReluGain);
            bias.Add(nn.Parameter(torch.zeros(hid)));
            norm.Add(options.LayerNorm ? nn.LayerNorm(hid) : nn.Identity());
        }
        lin_out = nn.Linear(hid, options.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = lin_in.forward(nn.functional.dropout(input, Options.InputDropout, training));
        for (var i = 0; i < Options.HiddenLayers; i++)
        {
            var (aggregated, activation) = ActivateAndAggregate(x, needActivation: true);
            x = ScalarSafeOps.Add(fc_self[i].forward(activation!), fc_neigh[i].forward(aggregated), bias[i]);
            x = norm[i].forward(x);
        }
        return lin_out.forward(x);
    }
}
