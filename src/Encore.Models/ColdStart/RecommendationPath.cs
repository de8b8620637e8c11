namespace Encore.Models.ColdStart;

/// <summary>Which branch of the cold-start chain produced an answer.</summary>
public enum RecommendationPath
{
    /// <summary>The user is in the model: the model's own recommendation.</summary>
    Model,
    /// <summary>An unknown user with a usable history and a model that folds it in (IHistoryRecommender).</summary>
    FoldIn,
    /// <summary>Everything else: the most popular items, minus the request's history.</summary>
    Popularity,
}
