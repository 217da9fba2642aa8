namespace MaxK.Training.Timing;

/// <summary>The parts of a training epoch that are timed separately (issue 4, item 3).</summary>
public enum TrainingPhase
{
    /// <summary>Sparse aggregation in the forward pass (SpMM, or the MaxK SpGEMM).</summary>
    AggregationForward,

    /// <summary>Sparse aggregation in the backward pass (Aᵀ·G, or the MaxK SSpMM and scatter).</summary>
    AggregationBackward,

    /// <summary>The fused MaxK top-k selection into CBSR (forward only).</summary>
    MaxKSelection,

    /// <summary>Everything else of forward and backward: linear layers, LayerNorm, dropout, loss.</summary>
    DenseLayers,

    /// <summary>The optimizer step (and zeroing the gradients).</summary>
    Optimizer,
}
