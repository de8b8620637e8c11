using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Popularity;

/// <summary>
/// The same ranked list for everyone (minus what they already have). Also the cold-start fallback: build it
/// from any <see cref="TrainingData"/> with <see cref="FromData"/> in one O(nnz) pass.
/// </summary>
public sealed class PopularityModel : RecommenderBase, IHistoryRecommender
{
    public const string Name = "popularity";

    private readonly float[] _scores;

    private PopularityModel(IdMap users, IdMap items, CsrMatrix interactions, PopularityScoring scoring, float[] scores)
        : base(users, items, interactions)
    {
        Scoring = scoring;
        _scores = scores;
    }

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    public PopularityScoring Scoring { get; }

    /// <summary>Score of every item (index = dense item).</summary>
    public ReadOnlySpan<float> ItemScores => _scores;

    /// <summary>Counts (or sums, or smoothed means) per item from the training matrix.</summary>
    public static PopularityModel FromData(TrainingData data, PopularityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new PopularityOptions();
        var m = data.Signal;
        var counts = new int[m.Columns];
        var sums = new double[m.Columns];
        var columns = m.ColumnIndices;
        var values = m.Values;
        double total = 0;
        for (var p = 0; p < columns.Length; p++)
        {
            counts[columns[p]]++;
            sums[columns[p]] += values[p];
            total += values[p];
        }
        var globalMean = columns.Length > 0 ? total / columns.Length : 0;
        var scores = new float[m.Columns];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = options.Scoring switch
            {
                PopularityScoring.ValueSum => (float)sums[i],
                // (N_i mean_i + C M) / (N_i + C) with N_i mean_i = sum_i; with C = 0 an unseen item falls back to M.
                PopularityScoring.SmoothedMean => counts[i] + options.PriorWeight > 0
                    ? (float)((sums[i] + options.PriorWeight * globalMean) / (counts[i] + options.PriorWeight))
                    : (float)globalMean,
                _ => counts[i],
            };
        return new PopularityModel(data.Users, data.Items, data.Interactions, options.Scoring, scores) { Threads = options.Threads };
    }

    protected override void ScoreAll(int user, Span<float> scores) => _scores.CopyTo(scores);

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        if (items.Length != values.Length)
            throw new ArgumentException($"History has {items.Length} items but {values.Length} values; give one value per item.", nameof(values));
        var scores = (float[])_scores.Clone();
        MaskNoEvidence(scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt((int)Scoring);
        writer.WriteArray<float>(_scores);
    }

    public static PopularityModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var scoring = (PopularityScoring)reader.ReadInt();
        var scores = reader.ReadArray<float>();
        if (scores.Length != items.Count) throw new Core.Errors.ModelFormatException($"popularity model: {scores.Length} scores for {items.Count} items.");
        return new PopularityModel(users, items, interactions, scoring, scores);
    }
}
