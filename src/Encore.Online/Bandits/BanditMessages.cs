namespace Encore.Online.Bandits;

/// <summary>
/// Body of <c>POST /api/users/{id}/next</c> (all fields optional). <see cref="Candidates"/> replaces the funnel's
/// first stage: the bandit chooses among exactly these tracks (repeats allowed).
/// </summary>
public sealed record NextTrackRequest
{
    /// <value>Model that makes the candidate pool; the default model when null.</value>
    public string? Model { get; init; }

    /// <value>Pool size for this call (1..MaxK); the bandit.pool_size setting when null.</value>
    public int? PoolSize { get; init; }

    /// <value>Explicit candidate track ids (at most MaxListLength); the model's top-N when null.</value>
    public IReadOnlyList<string>? Candidates { get; init; }

    /// <value>
    /// Policy for this call, <c>name[:parameter]</c> (<c>linucb:0.5</c>, <c>thompson:0.1</c>, <c>epsilon-greedy:0.2</c>,
    /// <c>greedy</c>); the configured bandit.policy when null. A running A/B experiment whose variants are policies sets
    /// it from the user's variant; naming one here bypasses the experiment.
    /// </value>
    public string? Policy { get; init; }
}

/// <summary>
/// The next track for a user: the bandit's predicted reward <see cref="Value"/> = θ·x and its
/// <see cref="Uncertainty"/> = sqrt(xᵀA⁻¹x) for that track (before this round's feedback), which policy chose it
/// among how many candidates, and how the pool was made: <see cref="Path"/> is the recommendation path of the
/// pool ("model", "fold-in", "popularity") or "request" for explicit candidates; <see cref="Reason"/> says why a
/// cold-start step answered (as in recommendation responses). <see cref="Round"/> counts the rewards the user's
/// state had absorbed; <see cref="ChoiceId"/> identifies the stored choice that feedback on <see cref="Track"/> rewards.
/// <see cref="Experiment"/> names the A/B experiment, variant and served list when a policy experiment answered (omitted otherwise).
/// </summary>
public sealed record NextTrackResponse(
    string User, string Track, float Value, float Uncertainty, string Policy, int PoolSize, int CandidatesWithoutVector,
    long Round, long ChoiceId, string Path, string? Reason, string? Model, int? Version, string Space,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Encore.Online.Experiments.ExperimentTag? Experiment = null);

/// <summary>One served choice as the dashboard shows it.</summary>
public sealed record BanditChoiceView(long Id, string Track, float Value, float Uncertainty, string Policy, int PoolSize, long ServedMs, double? Reward, string? Feedback, long? RewardedMs);

/// <summary>One rewarded round on the reward curve: the running sum and the mean so far.</summary>
public sealed record RewardPoint(long Round, double Reward, double CumulativeReward, double MeanReward, long TimeMs);

/// <summary>
/// A user's bandit state: rewards absorbed (<see cref="Rounds"/>) and their sum, the vector space and dimension,
/// the policy now configured, the last served choices (newest last) and the reward curve over the rewarded rounds
/// kept in the window. <see cref="Pending"/> counts served choices in the window still waiting for feedback.
/// </summary>
public sealed record BanditStateResponse(
    string User, string? Space, int Dimension, string Policy, long Rounds, double CumulativeReward, double? MeanReward,
    int Served, int Pending, IReadOnlyList<BanditChoiceView> Last, IReadOnlyList<RewardPoint> Curve);
