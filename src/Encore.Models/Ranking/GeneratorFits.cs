using System.Runtime.CompilerServices;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Ranking;

/// <summary>
/// Shares the funnel's generator fits and ranker training lists within a process: funnels that differ only in their
/// ranker (a sweep over <c>trees</c>, <c>leaves</c>, ...) build the same lists once, and funnels that differ only in
/// their feature groups fit the same generators once. Keyed by the training matrix instance (held weakly: an entry
/// dies with its matrix) and a label naming the generators, their seed and thread count, which part of the carve
/// (or which fold) they saw, and for lists the features, candidates and side tables (<see cref="InstanceLabel"/>).
/// Fitted models and built lists are never mutated, so sharing them is the same as rebuilding whenever the fit is
/// deterministic for a seed and thread count (docs/models-funnel.md).
/// </summary>
internal static class GeneratorFits
{
    private static readonly ConditionalWeakTable<CsrMatrix, Dictionary<string, object>> Cache = [];
    private static readonly ConditionalWeakTable<object, StrongBox<long>> Instances = [];
    private static long _nextInstance;

    public static IRecommender[] GetOrFit(CsrMatrix key, string label, Func<IRecommender[]> fit) => GetOrCreate(key, label, fit);

    /// <summary>The cached value for (<paramref name="key"/>, <paramref name="label"/>), created once by <paramref name="create"/>.</summary>
    public static T GetOrCreate<T>(CsrMatrix key, string label, Func<T> create)
        where T : class
    {
        var entries = Cache.GetOrCreateValue(key);
        lock (entries)
        {
            if (entries.TryGetValue(label, out var cached) && cached is T hit) return hit;
        }
        var created = create();
        lock (entries)
        {
            if (entries.TryGetValue(label, out var cached) && cached is T hit) return hit;
            entries[label] = created;
            return created;
        }
    }

    /// <summary>A label unique to this object instance within the process ("none" for null): side tables in a key.</summary>
    public static string InstanceLabel(object? instance) =>
        instance is null ? "none" : "#" + Instances.GetValue(instance, _ => new StrongBox<long>(Interlocked.Increment(ref _nextInstance))).Value;
}
