namespace Encore.Online.Store;

/// <summary>
/// A user's stored ridge state in one vector space (<see cref="Space"/> names the track vectors, e.g.
/// "audio:10+bias", so a changed catalogue never mixes dimensions): A⁻¹ row-major d x d and b of length d, in
/// double; the number of rewards absorbed and their sum.
/// </summary>
public sealed record BanditStateRecord(string User, string Space, int Dimension, double Regularization, double[] Inverse, double[] B, long Updates, double RewardSum, long UpdatedMs);

/// <summary>
/// One track /next served: the track vector the policy saw (so feedback updates with exactly that vector), the
/// value θ·x, the uncertainty sqrt(xᵀA⁻¹x) and the policy score at serving time, and the reward once feedback came.
/// </summary>
public sealed record BanditChoiceRecord
{
    /// <summary>Store-assigned id (0 before it is recorded).</summary>
    public long Id { get; init; }

    public required string User { get; init; }

    public required string Space { get; init; }

    public required string Track { get; init; }

    public required float[] Vector { get; init; }

    public required string Policy { get; init; }

    public float Value { get; init; }

    public float Uncertainty { get; init; }

    public int PoolSize { get; init; }

    /// <summary>Rounds the user's state had absorbed when this was served.</summary>
    public long Round { get; init; }

    public long ServedMs { get; init; }

    public double? Reward { get; init; }

    /// <summary>The feedback kind that gave the reward ("like", "skip", ...).</summary>
    public string? Feedback { get; init; }

    public long? RewardedMs { get; init; }
}

/// <summary>A user with bandit state, for pickers: rounds, reward sum and the last update.</summary>
public sealed record BanditUserSummary(string User, long Rounds, double RewardSum, long UpdatedMs);
