using Encore.Core.Errors;
using Encore.Models.Blend;
using Encore.Models.Contract;

namespace Encore.Models.Ranking;

/// <summary>
/// Options of <see cref="FunnelTrainer"/>: the candidate generators (the cheap stage), how many candidates each gives,
/// the validation carve the ranker learns from, and the LightGBM LambdaRank settings (the rich stage).
/// </summary>
public sealed record FunnelOptions : ModelOptions
{
    private readonly string _generators = "als+rp3beta+item-knn";
    private readonly int _candidates = 100;
    private readonly double _validationShare = 0.2;
    private readonly int _validationUsers = 2000;
    private readonly int _folds = 1;
    private readonly int _trees = 200;
    private readonly int _leaves = 31;
    private readonly int _minimumPerLeaf = 20;
    private readonly double _learningRate = 0.05;
    private readonly string _features = "popularity+tags+friends";

    /// <value>
    /// Candidate generators, '+'-separated, each optionally with settings in parentheses (as for the blend):
    /// <c>als(factors=128)+rp3beta+item-knn</c>. Default "als+rp3beta+item-knn". The first one also orders the items
    /// outside every generator's top-N.
    /// </value>
    public string Generators
    {
        get => _generators;
        init { _ = BlendComponents.Parse(value, FunnelModel.Name); _generators = value; }
    }

    /// <value>
    /// Feature groups beside the generators' scores and ranks: <c>all</c>, <c>none</c>, or a '+'-list of
    /// <c>popularity</c>, <c>tags</c>, <c>own-tags</c> (the user's own tagging: a behaviour signal outside the play
    /// matrix), <c>friends</c>, <c>neighbours</c> (item-kNN cosine to the user's most-played and play-weighted history),
    /// <c>agreement</c> (share of generators with the candidate in their top-N), <c>play-depth</c> (how deeply the
    /// candidate's listeners play it against the user's smallest and median value; dropped on binary values). Groups
    /// whose side table the training data lacks are dropped at fit time. Default <c>popularity+tags+friends</c>: the best set on the HetRec validation carve
    /// (bench/results/quality-hetrec.md section 9.1: 0.1785 against 0.1745 for <c>all</c>; own tags, neighbours and
    /// agreement did not help).
    /// </value>
    public string Features
    {
        get => _features;
        init { _ = FunnelFeatureGroupNames.Parse(value); _features = value; }
    }

    /// <value>Top-N of each generator (unseen items) whose union is re-ranked, 1-5,000. Default 100.</value>
    public int Candidates { get => _candidates; init { Guard.InRange(value, 1, 5000, nameof(Candidates)); _candidates = value; } }

    /// <value>Share of each user's training items held out (seeded) to train the ranker, 0.05-0.5, with <see cref="Folds"/> = 1. Default 0.2.</value>
    public double ValidationShare { get => _validationShare; init { Guard.InRange(value, 0.05, 0.5, nameof(ValidationShare)); _validationShare = value; } }

    /// <value>
    /// Cross-fitting folds for the ranker's training lists, 1-10. 1 (default): one carve of <see cref="ValidationShare"/>
    /// per user, generators fitted on the rest (the ranker learns from about <see cref="ValidationUsers"/> lists).
    /// K >= 2: each user's items are split into K seeded folds; for each fold the generators are fitted on the other
    /// K - 1 and the fold's items label the lists, so the ranker learns from up to K times as many lists, over
    /// generators fitted on (K - 1) / K of the data; <see cref="ValidationShare"/> is then unused. Cost: K generator
    /// fits instead of one, and K times the rows for LightGBM (docs/models-funnel.md).
    /// </value>
    public int Folds { get => _folds; init { Guard.InRange(value, 1, 10, nameof(Folds)); _folds = value; } }

    /// <value>Most users (seeded sample) whose candidate lists train the ranker (per fold). Default 2,000.</value>
    public int ValidationUsers { get => _validationUsers; init { Guard.Positive(value, nameof(ValidationUsers)); _validationUsers = value; } }

    /// <value>Boosting rounds of LambdaRank, 1-5,000. Default 200.</value>
    public int Trees { get => _trees; init { Guard.InRange(value, 1, 5000, nameof(Trees)); _trees = value; } }

    /// <value>Leaves per tree, 2-1,024. Default 31.</value>
    public int Leaves { get => _leaves; init { Guard.InRange(value, 2, 1024, nameof(Leaves)); _leaves = value; } }

    /// <value>Fewest rows in a leaf, >= 1. Default 20.</value>
    public int MinimumPerLeaf { get => _minimumPerLeaf; init { Guard.Positive(value, nameof(MinimumPerLeaf)); _minimumPerLeaf = value; } }

    /// <value>Shrinkage per round, (0, 1]. Default 0.05.</value>
    public double LearningRate { get => _learningRate; init { Guard.InRange(value, 1e-6, 1, nameof(LearningRate)); _learningRate = value; } }
}
