using Encore.Core.Ids;

namespace Encore.Models.Contract;

/// <summary>
/// A fitted model: immutable and thread-safe, so it can serve while the next one trains. Batch first:
/// the single-user call wraps <see cref="Recommend"/>.
/// </summary>
public interface IRecommender
{
    /// <summary>Model kind, e.g. "als", "item-knn"; also the tag in the model file.</summary>
    string ModelName { get; }

    IdMap Users { get; }

    IdMap Items { get; }

    /// <summary>Top-k items for each of <paramref name="users"/> (dense indices), filtered by <paramref name="options"/>.</summary>
    RecommendationBatch Recommend(ReadOnlySpan<int> users, int k, RecommendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Scores of the given candidate items for one user (higher = better).</summary>
    void Score(int user, ReadOnlySpan<int> items, Span<float> scores);

    /// <summary>Writes the model's payload (id maps and arrays) into a model file section writer.</summary>
    void WritePayload(Files.ModelWriter writer);
}
