using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Social;

/// <summary>
/// Fits the social recommender: each user's link weights w(u, f) over the users they link to in
/// <see cref="SideInformation.UserLinks"/> (uniform, or by taste similarity, plus friends of friends by the two-step walk,
/// <see cref="FriendsOptions"/>), normalised to sum 1 per user; and the items' popularity. score(u, i) = sum_f w(u, f)
/// g(f, i) + lambda pop(i) / max pop. This is the neighbourhood scheme of user-kNN with the social graph as the
/// neighbourhood (trust-based collaborative filtering: Massa and Avesani 2007, "Trust-aware recommender systems"). Only
/// the friends' rows of the training matrix are read, so with a held-out split nothing of a test pair enters. Users
/// without links (and every user when the data has no links) get the popularity list. Deterministic (no randomness).
/// Cost: O(links x average row) to fit; one pass over the friends' rows per scored user.
/// </summary>
public sealed class FriendsTrainer(FriendsOptions? options = null) : IRecommenderTrainer
{
    public FriendsOptions Options { get; } = options ?? new FriendsOptions();

    public string ModelName => FriendsModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var signal = data.Signal;
        var links = data.Side?.UserLinks ?? new CsrMatrix(data.UserCount, data.UserCount, new int[data.UserCount + 1], [], []);
        var weights = FriendWeights.Build(links, signal, Options.Taste, Options.SecondDegree, cancellationToken);
        var popularity = new float[signal.Columns];
        foreach (var c in signal.ColumnIndices) popularity[c]++;
        var top = popularity.Length == 0 ? 0f : popularity.Max();
        if (top > 0) for (var i = 0; i < popularity.Length; i++) popularity[i] /= top;
        progress?.Report(new EpochReport(1, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        return new FriendsModel(data.Users, data.Items, data.Interactions, weights, popularity, Options.Weighting, (float)Options.PopularityWeight)
        {
            Threads = Options.Threads,
        };
    }
}
