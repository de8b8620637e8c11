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
