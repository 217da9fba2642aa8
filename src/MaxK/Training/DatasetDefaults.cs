namespace MaxK.Training;

/// <summary>Per-dataset training defaults: the paper's scripts (design §4) and, for Cora, the settings tuned here.</summary>
/// <param name="Layers">Hidden (graph) layers.</param>
/// <param name="Hidden">Hidden width.</param>
/// <param name="Dropout">Dropout of the hidden layers.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="WeightDecay">Adam's weight decay.</param>
/// <param name="K">MaxK's k when --k is not given.</param>
/// <param name="InputDropout">Dropout of the input features.</param>
public sealed record DatasetDefaults(int Layers, int Hidden, double Dropout, double LearningRate, int Epochs, double WeightDecay, int K, double InputDropout = 0)
{
    /// <summary>Defaults of the datasets named in design §4, the Planetoid sets (classic GCN settings) and the synthetic sets.</summary>
    public static IReadOnlyDictionary<string, DatasetDefaults> Known { get; } = new Dictionary<string, DatasetDefaults>(StringComparer.OrdinalIgnoreCase)
    {
        // Planetoid: not in the paper. Tuned on Cora for the CI target (GCN/ReLU 80.9 %, MaxK k = 32 79.8 %, seed 97):
        // 2 graph layers of width 64, dropout 0.8, Adam lr 0.005 with weight decay 5e-4, 200 epochs.
        ["cora"] = new(2, 64, 0.8, 0.005, 200, 5e-4, 32),
        ["citeseer"] = new(2, 64, 0.8, 0.005, 200, 5e-4, 32),
        ["pubmed"] = new(2, 64, 0.8, 0.005, 200, 5e-4, 32),
        ["reddit"] = new(4, 256, 0.5, 0.01, 3000, 0, 32),
        ["flickr"] = new(3, 256, 0.2, 0.001, 400, 0, 8),
        ["yelp"] = new(4, 384, 0.1, 0.001, 3000, 0, 96),
        ["ogbn-products"] = new(3, 256, 0.5, 0.003, 500, 0, 32),
        ["ogbn-proteins"] = new(3, 256, 0.5, 0.01, 1000, 0, 32),
        // Reddit-sized synthetic sets: Reddit's paper settings except the learning rate (suites override the epochs for
        // timing). With lr 0.01 a 3-layer SAGE on these data collapses to a constant prediction (loss → ln 41): on the H200,
        // csbm-reddit, 200 epochs, seed 1: ReLU 5.9 % at lr 0.01, 40.2 % at lr 0.003, 39.5 % at lr 0.001; MaxK k = 32 20.9 %
        // at 0.01, 31.6 % at 0.003. CPU probes show the same at 5,000 nodes even with trivially separable features
        // (signal 10: 1 layer 100 % in 6 epochs, 3 layers at lr 0.01 stay at chance, at lr 0.003 97.6 % in 12 epochs). Hence 0.003.
        ["csbm-reddit"] = new(4, 256, 0.5, 0.003, 3000, 0, 32),
        // The parity dataset: the configuration measured on the H200 (3 graph layers as in the speed runs, 300 epochs).
        ["csbm-reddit-h30"] = new(3, 256, 0.5, 0.003, 300, 0, 32),
        ["rmat-reddit"] = new(4, 256, 0.5, 0.003, 3000, 0, 32),
        ["uniform-reddit"] = new(4, 256, 0.5, 0.003, 3000, 0, 32),
        // CI-sized CSBM (not in the paper): 3 layers of 64, dropout 0.5, lr 0.01, 100 epochs, k 16 (lr 0.02 with 50 epochs diverged: 23 %).
        ["csbm-small"] = new(3, 64, 0.5, 0.01, 100, 0, 16),
    };

    /// <summary>The paper's general defaults (hidden 256, 3 layers, lr 0.01, dropout 0.5, 1000 epochs, k 32).</summary>
    public static DatasetDefaults Paper { get; } = new(3, 256, 0.5, 0.01, 1000, 0, 32);

    /// <summary>The dataset's defaults; a CSBM spec (csbm:…) takes csbm-reddit's; an unknown name the paper's.</summary>
    public static DatasetDefaults For(string dataset) =>
        Known.TryGetValue(dataset, out var d) ? d
        : MaxK.Datasets.Synthetic.CsbmSpec.IsSpec(dataset) ? Known["csbm-reddit"]
        : Paper;
}
