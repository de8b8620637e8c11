using Encore.Models.Contract;
using Encore.Models.Factorization;
using Encore.Online.Registry;

namespace Encore.Online.Serving;

/// <summary>
/// Runs a version's scoring code once when it goes live (a top-10 for its first user, the similar tracks of its first
/// track, a fold-in of a one-track history), so that the first request does not pay for compiling it. Nothing is
/// stored or counted: the answers are dropped, and the model is only read.
/// </summary>
internal static class ModelWarmUp
{
    private const int K = 10;

    /// <summary>Scores once on <paramref name="serving"/>'s model; a failure is swallowed (the requests will report it).</summary>
    public static void Run(ServingModel serving)
    {
        var model = serving.Model;
        if (model.Users.Count == 0 || model.Items.Count == 0) return;
        try
        {
            if (model is FactorModel factors) _ = FactorTopK.Recommend(factors, 0, K, factors.Interactions, RecommendOptions.Default);
            else _ = model.Recommend([0], K);
            if (model is ISimilarItems similar) _ = similar.SimilarItems(0, K);
            if (model is IHistoryRecommender history) _ = history.RecommendFromHistory([0], [1f], K);
        }
#pragma warning disable CA1031 // A warm-up must never take the service down; a real request meets the same failure and reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
