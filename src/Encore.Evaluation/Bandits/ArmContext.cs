namespace Encore.Evaluation.Bandits;

/// <summary>What the bandit sees of each track (the arm context x of LinUCB, Thompson sampling and ε-greedy).</summary>
public enum ArmContext
{
    /// <summary>The track's content embedding as imported (raw, not standardised).</summary>
    Embedding,

    /// <summary>The item factors of a collaborative model (ALS / WMF) trained on the users' logged history, standardised per column.</summary>
    Factors,

    /// <summary>Factors ⊕ embedding, each column standardised.</summary>
    Both,
}

/// <summary>Parsing and names of <see cref="ArmContext"/>.</summary>
public static class ArmContexts
{
    /// <summary>Accepted names, for help texts.</summary>
    public const string Names = "embedding, factors, both";

    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static ArmContext Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "embedding" => ArmContext.Embedding,
        "factors" => ArmContext.Factors,
        "both" => ArmContext.Both,
        _ => throw new ArgumentException($"--context '{text}': expected one of {Names}."),
    };

    /// <summary>The lower-case name used in labels and on the command line.</summary>
    public static string Name(this ArmContext context) => context switch
    {
        ArmContext.Embedding => "embedding",
        ArmContext.Factors => "factors",
        ArmContext.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };
}
