namespace MaxK.Training.Timing;

/// <summary>The parts of a training epoch that are timed separately (issue 4, item 3).</summary>
public enum TrainingPhase
{
    /// <summary>Sparse aggregation in the forward pass (SpMM, or the MaxK SpGEMM).</summary>
    AggregationForward,

    /// <summary>Sparse aggregation in the backward pass (Aᵀ·G, or the MaxK SSpMM).</summary>
    AggregationBackward,

    /// <summary>
    /// The MaxK nonlinearity itself: the fused top-k selection into CBSR (with dropout on its values) in the forward
    /// pass, and in the backward pass the gather of a self term's gradient, the dropout mask and the scatter of the
    /// N×k gradient into N×D.
    /// </summary>
    MaxKSelection,

    /// <summary>Everything else of forward and backward: linear layers, LayerNorm, dropout, loss.</summary>
    DenseLayers,

    /// <summary>The optimizer step (and zeroing the gradients).</summary>
    Optimizer,
}
