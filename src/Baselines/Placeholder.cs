namespace MaxK.Baselines;
internal static class Placeholder { }
