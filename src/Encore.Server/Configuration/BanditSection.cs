using Encore.Online.Bandits;

namespace Encore.Server.Configuration;

/// <summary>The [bandit] section: the online bandit behind /api/users/{id}/next (defaults in <see cref="BanditOptions"/>).</summary>
public sealed class BanditSection
{
    public string Policy { get; set; } = "linucb";

    public double Alpha { get; set; } = 1.0;

    public double ThompsonScale { get; set; } = 0.5;

    public double Epsilon { get; set; } = 0.1;

    public double Regularization { get; set; } = 1.0;

    public int PoolSize { get; set; } = 100;

    public int AvoidRepeats { get; set; } = 20;

    public string Content { get; set; } = "auto";

    public int Components { get; set; }

    public bool Bias { get; set; } = true;

    public ulong Seed { get; set; } = 42;

    public BanditRewardsSection Rewards { get; set; } = new();

    public BanditOptions ToOptions() => new()
    {
        Policy = Policy,
        Alpha = Alpha,
        ThompsonScale = ThompsonScale,
        Epsilon = Epsilon,
        Regularization = Regularization,
        PoolSize = PoolSize,
        AvoidRepeats = AvoidRepeats,
        Content = Content,
        Components = Components,
        Bias = Bias,
        Seed = Seed,
        Rewards = new BanditRewardOptions { Like = Rewards.Like, Play = Rewards.Play, Skip = Rewards.Skip, Dislike = Rewards.Dislike, PlaylistAdd = Rewards.PlaylistAdd },
    };

    /// <summary>What is wrong with the section, one message per setting (empty when valid).</summary>
    public IEnumerable<string> Problems(int maxK)
    {
        if (BanditPolicies.Canonical(Policy) is null)
            yield return $"bandit.policy '{Policy}' is not one of {BanditPolicies.Names}.";
        if (!(Alpha >= 0 && double.IsFinite(Alpha))) yield return "bandit.alpha must be a finite number >= 0.";
        if (!(ThompsonScale > 0 && double.IsFinite(ThompsonScale))) yield return "bandit.thompson_scale must be a finite number > 0.";
        if (!(Epsilon is >= 0 and <= 1)) yield return "bandit.epsilon must be between 0 and 1.";
        if (!(Regularization > 0 && double.IsFinite(Regularization))) yield return "bandit.regularization must be a finite number > 0.";
        if (PoolSize < 1 || PoolSize > maxK) yield return $"bandit.pool_size must be between 1 and serving.max_k ({maxK}).";
        if (AvoidRepeats is < 0 or > 10_000) yield return "bandit.avoid_repeats must be between 0 and 10000.";
        if (Content?.ToLowerInvariant() is not ("auto" or "embedding" or "audio" or "both")) yield return $"bandit.content '{Content}' is not one of auto, embedding, audio, both.";
        if (Components is < 0 or > 4096) yield return "bandit.components must be between 0 and 4096.";
        foreach (var (name, value) in new[] { ("like", Rewards.Like), ("play", Rewards.Play), ("skip", Rewards.Skip), ("dislike", Rewards.Dislike), ("playlist_add", Rewards.PlaylistAdd) })
            if (!double.IsFinite(value)) yield return $"bandit.rewards.{name} must be a finite number.";
    }
}

/// <summary>The [bandit.rewards] section: the reward of each feedback kind on a served track.</summary>
public sealed class BanditRewardsSection
{
    public double Like { get; set; } = 1;

    public double Play { get; set; } = 1;

    public double Skip { get; set; }

    public double Dislike { get; set; }

    public double PlaylistAdd { get; set; } = 1;
}
