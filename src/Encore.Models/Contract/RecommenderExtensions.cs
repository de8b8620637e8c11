namespace Encore.Models.Contract;

/// <summary>Single-user conveniences over the batch API.</summary>
public static class RecommenderExtensions
{
    public static (int[] Items, float[] Scores) RecommendOne(this IRecommender model, int user, int k, RecommendOptions? options = null)
    {
        var batch = model.Recommend([user], k, options);
        return (batch.ItemsOf(0).ToArray(), batch.ScoresOf(0).ToArray());
    }
}
