namespace Encore.Models.Contract;

/// <summary>Recommends for a user the model never saw, from a history given at request time (fold-in).</summary>
public interface IHistoryRecommender
{
    /// <summary>Top-k for a history of (item, strength) pairs; items of the history are excluded when options say so.</summary>
    (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null);
}

/// <summary>Items most similar to a given item.</summary>
public interface ISimilarItems
{
    (int[] Items, float[] Scores) SimilarItems(int item, int k);
}

/// <summary>Users most similar to a given user.</summary>
public interface ISimilarUsers
{
    (int[] Users, float[] Scores) SimilarUsers(int user, int k);
}

/// <summary>"Because you played X": the user's items that contributed most to an item's score.</summary>
public interface IExplainer
{
    (int[] Items, float[] Contributions) Explain(int user, int item, int n);
}

/// <summary>
/// Explains the score of each candidate of a list feature by feature (the hierarchy model: every S4 feature, its
/// value and the level it came from). Scores of such models may depend on the whole list (per-list z-scores), so
/// <see cref="IRecommender.Score"/> on the same list gives the same scores as the explanation.
/// </summary>
public interface ICandidateExplainer
{
    /// <summary>One explanation per item of <paramref name="items"/> (dense track indices), in order, scored as one list.</summary>
    IReadOnlyList<CandidateExplanation> ExplainCandidates(int user, ReadOnlySpan<int> items);
}

/// <summary>The explained score of one candidate.</summary>
/// <param name="Item">Dense item index.</param>
/// <param name="Score">The model's score (same as <see cref="IRecommender.Score"/> on the same list).</param>
/// <param name="Features">Every input of the score, in a fixed order.</param>
public sealed record CandidateExplanation(int Item, float Score, IReadOnlyList<FeatureValue> Features);

/// <summary>One feature of a candidate: its name, value and where the value came from.</summary>
/// <param name="Name">Feature name (snake_case, as in the model's feature list).</param>
/// <param name="Value">Its value (ratings on the data's scale, 0..100 for KDD Cup; counts; model scores).</param>
/// <param name="Source">user, siblings, bayes, global or missing for hierarchy levels; derived for counts and indicators; model for strategy, collaborative and classifier scores.</param>
public sealed record FeatureValue(string Name, float Value, string Source);
