namespace Encore.Online.Bandits;

/// <summary>
/// Settings of the online bandit behind <c>POST /api/users/{id}/next</c> (docs/bandits.md, "Online"): the policy
/// that re-ranks the candidate pool, the ridge prior, the pool size, the track vectors and the reward mapping.
/// </summary>
public sealed record BanditOptions
{
    /// <value>Policy: linucb (disjoint LinUCB), thompson (linear Thompson sampling), epsilon-greedy or greedy. Default linucb.</value>
    public string Policy { get; init; } = "linucb";

    /// <value>LinUCB exploration weight α ≥ 0 (score = θ·x + α sqrt(xᵀA⁻¹x)). Default 1.</value>
    public double Alpha { get; init; } = 1.0;

    /// <value>Thompson posterior scale v &gt; 0. Default 0.5.</value>
    public double ThompsonScale { get; init; } = 0.5;

    /// <value>ε-greedy exploration probability in [0, 1]. Default 0.1.</value>
    public double Epsilon { get; init; } = 0.1;

    /// <value>Ridge weight λ &gt; 0: a new user's state is A = λI, b = 0. Default 1.</value>
    public double Regularization { get; init; } = 1.0;

    /// <value>Candidates taken from the active model's top-N for the user (the funnel's first stage), 1..MaxK. Default 100.</value>
    public int PoolSize { get; init; } = 100;

    /// <value>The user's last this-many served tracks are left out of the model's pool, so /next does not repeat itself; 0 allows repeats. Default 20.</value>
    public int AvoidRepeats { get; init; } = 20;

    /// <value>Track vectors: auto (the embedding column when the base dataset has one, else the audio features), embedding, audio or both. Default auto.</value>
    public string Content { get; init; } = "auto";

    /// <value>PCA components of the track vectors after standardising and L2-normalising; 0 keeps every dimension. Default 0.</value>
    public int Components { get; init; }

    /// <value>Append a constant 1 to every track vector, so the value function learns the user's base rate. Default true.</value>
    public bool Bias { get; init; } = true;

    /// <value>Seed of the randomised policies (Thompson, ε-greedy); the generator of round t of user u is forked from (seed, u, t). Default 42.</value>
    public ulong Seed { get; init; } = 42;

    /// <value>Reward of each feedback kind on a served track.</value>
    public BanditRewardOptions Rewards { get; init; } = new();
}
