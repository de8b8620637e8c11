using System.Runtime.CompilerServices;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Ranking;

/// <summary>
/// Shares the funnel's generator fits within a process: funnels that differ only in their ranker or feature groups
/// (a sweep over <c>features</c>, an ablation) fit the same generators on the same training matrix once. Keyed by
/// the training matrix instance (held weakly: an entry dies with its matrix) and a label naming the generators,
/// their seed and thread count and which part of the carve they saw. Fitted models are immutable, so sharing them
/// is the same as refitting whenever the fit is deterministic for a seed and thread count (docs/models-funnel.md).
/// </summary>
internal static class GeneratorFits
{
    private static readonly ConditionalWeakTable<CsrMatrix, Dictionary<string, IRecommender[]>> Cache = [];

    public static IRecommender[] GetOrFit(CsrMatrix key, string label, Func<IRecommender[]> fit)
    {
        var entries = Cache.GetOrCreateValue(key);
        lock (entries)
        {
            if (entries.TryGetValue(label, out var models)) return models;
        }
        var fitted = fit();
        lock (entries)
        {
            return entries.TryAdd(label, fitted) ? fitted : entries[label];
        }
    }
}
