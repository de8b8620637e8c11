using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Data.Model;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// A warm start for bandit learners from each user's logged history (the collaborative signal a live
/// service already has before it explores): every distinct track the user played, liked or added to a
/// playlist is a pseudo-observation with reward 1 (the affinity model's label for a listened track), and
/// <see cref="NegativeRatio"/> times as many seeded, uniformly drawn tracks the user never touched are
/// pseudo-observations with reward 0 (the affinity model's sampled negatives). Each has weight
/// <see cref="Weight"/>: it adds w·x xᵀ to A and w·r·x to b, so the ridge prior becomes
/// θ ~ N(A₀⁻¹b₀, σ²A₀⁻¹) with A₀ = λI + w Σ x xᵀ instead of N(0, σ²/λ I) (a data-dependent prior; Chapelle and
/// Li 2011 and Li et al. 2010 warm-start from offline data the same way). Dislikes, skips and ratings are
/// not used. Every learner in a comparison gets the same prior, so ε-greedy and greedy start from the same
/// value function as LinUCB and Thompson sampling.
/// </summary>
public sealed class HistoryPrior
{
    private readonly (int Item, double Reward)[][] _observations;

    private HistoryPrior((int Item, double Reward)[][] observations, double weight, double negativeRatio)
    {
        _observations = observations;
        Weight = weight;
        NegativeRatio = negativeRatio;
    }

    /// <summary>Weight w &gt; 0 of each pseudo-observation (1 = as much as one live round).</summary>
    public double Weight { get; }

    /// <summary>Sampled never-touched tracks (reward 0) per touched track (reward 1), ≥ 0.</summary>
    public double NegativeRatio { get; }

    /// <summary>Simulated users covered (slot i = the i-th user given to <see cref="FromEvents"/>).</summary>
    public int Users => _observations.Length;

    /// <summary>Pseudo-observations of slot <paramref name="slot"/>: (item, reward) pairs.</summary>
    public IReadOnlyList<(int Item, double Reward)> Of(int slot) => _observations[slot];

    /// <summary>Label for run parameters and tables, e.g. "history w=0.3 neg=1".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"history w={Weight:0.###} neg={NegativeRatio:0.###}");

    /// <param name="events">The dataset's event log (items are track indices).</param>
    /// <param name="users">Dense user indices, one per simulated slot.</param>
    /// <param name="items">Catalogue size (negatives are drawn from [0, items)).</param>
    /// <param name="weight">Weight of each pseudo-observation (&gt; 0).</param>
    /// <param name="negativeRatio">Negatives per positive (0-100).</param>
    /// <param name="seed">Seed of the negative sampling.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight, ratio or user index out of range.</exception>
    public static HistoryPrior FromEvents(EventTable events, IReadOnlyList<int> users, int items, double weight, double negativeRatio, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(users);
        Guard.Positive(items);
        Guard.Positive(weight);
        Guard.InRange(negativeRatio, 0, 100);
        var slotOf = new Dictionary<int, int>();
        for (var s = 0; s < users.Count; s++) slotOf.TryAdd(users[s], s);
        var touched = new HashSet<int>[users.Count];
        var positives = new List<int>[users.Count];
        for (var s = 0; s < users.Count; s++) { touched[s] = []; positives[s] = []; }
        for (var e = 0; e < events.Count; e++)
        {
            if (!slotOf.TryGetValue(events.Users[e], out var slot)) continue;
            var item = events.Items[e];
            if ((uint)item >= (uint)items) continue;
            if (touched[slot].Add(item) && events.Kinds[e] is EventKind.Play or EventKind.Like or EventKind.PlaylistAdd) positives[slot].Add(item);
        }
        var rng = Rng.Fork(seed, 7);
        var result = new (int, double)[users.Count][];
        for (var s = 0; s < users.Count; s++)
        {
            var list = positives[s].Select(i => (i, 1.0)).ToList();
            var wanted = Math.Min((int)Math.Round(negativeRatio * positives[s].Count), items - touched[s].Count);
            var drawn = new HashSet<int>();
            for (var tries = 0; drawn.Count < wanted && tries < 100 * (wanted + 1); tries++)
            {
                var item = rng.NextInt(items);
                if (!touched[s].Contains(item) && drawn.Add(item)) list.Add((item, 0.0));
            }
            result[s] = [.. list];
        }
        return new HistoryPrior(result, weight, negativeRatio);
    }

    /// <summary>Feeds every slot's pseudo-observations to an empty learner (x and r scaled by √w, so A gains w x xᵀ and b gains w r x).</summary>
    /// <param name="learner">The learner to warm-start.</param>
    /// <param name="features">Row-major items x d vectors.</param>
    public void Apply(IBanditLearner learner, float[] features)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(features);
        var d = learner.Dimension;
        var root = Math.Sqrt(Weight);
        var x = new float[d];
        for (var s = 0; s < _observations.Length; s++)
            foreach (var (item, reward) in _observations[s])
            {
                var row = features.AsSpan(item * d, d);
                for (var k = 0; k < d; k++) x[k] = (float)(root * row[k]);
                learner.Update(s, x, root * reward);
            }
    }
}
