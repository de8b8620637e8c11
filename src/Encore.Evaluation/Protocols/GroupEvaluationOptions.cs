namespace Encore.Evaluation.Protocols;

/// <summary>Settings of the SPEC S1 group protocol; the defaults are the spec's.</summary>
public sealed record GroupEvaluationOptions
{
    public int GroupSize { get; init; } = 5;

    public int Groups { get; init; } = 10;

    public IReadOnlyList<int> Ks { get; init; } = [5, 10, 30];

    /// <summary>A validation item is relevant when its score is at least this.</summary>
    public float RelevanceThreshold { get; init; } = 1f;

    public ulong Seed { get; init; } = 42;

    internal void Validate()
    {
        if (GroupSize <= 0) throw new ArgumentOutOfRangeException(nameof(GroupSize), GroupSize, "must be > 0");
        if (Groups <= 0) throw new ArgumentOutOfRangeException(nameof(Groups), Groups, "must be > 0");
        if (Ks.Count == 0) throw new ArgumentException("At least one cut-off k is needed.", nameof(Ks));
        foreach (var k in Ks)
            if (k <= 0) throw new ArgumentOutOfRangeException(nameof(Ks), k, "every k must be > 0");
    }
}
