using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Hierarchy;

/// <summary>
/// The trained SPEC S4 hierarchy model: scores (user, track) pairs from the user's ratings of the track's album
/// (or sibling tracks), artist and genres with the chosen <see cref="HierarchyPredictor"/>. Candidate lists given
/// to <see cref="Score"/> are scored as one list (as in the six-candidate protocol); ranking all tracks scores the
/// whole catalogue as one list, so the per-list z-score features of the classifiers are then taken over every track.
/// Every feature of every pair is explainable with its source level (<see cref="ExplainCandidates"/>).
/// The ML.NET classifiers are saved inside the model file (their <c>MLContext.Model.Save</c> bytes).
/// </summary>
public sealed class HierarchyModel : RecommenderBase, ICandidateExplainer
{
    public const string Name = "hierarchy";

    private const double PerLevelPriorMarker = -1;

    internal HierarchyModel(IdMap users, IdMap items, CsrMatrix interactions, HierarchyScorer scorer, int validationLists, PriorChoice priorChoice,
        AdaptiveScaleChoice adaptiveChoice, PriorConfidenceChoice confidenceChoice)
        : base(users, items, interactions)
    {
        if (priorChoice.Settings != scorer.Priors.Settings) throw new ArgumentException("the recorded Bayesian prior is not the one the scorer uses.");
        if (confidenceChoice.Form != scorer.Scale.Form || confidenceChoice.Confidence != scorer.Scale.PriorConfidence)
            throw new ArgumentException("the recorded adaptive scale and prior confidence are not the ones the scorer uses.");
        if (scorer.Catalogue.TrackCount != items.Count || scorer.Ratings.UserCount != users.Count)
            throw new ArgumentException($"the hierarchy covers {scorer.Ratings.UserCount} users and {scorer.Catalogue.TrackCount} tracks; the model has {users.Count} users and {items.Count} tracks.");
        Scorer = scorer;
        ValidationLists = validationLists;
        PriorChoice = priorChoice;
        AdaptiveChoice = adaptiveChoice;
        ConfidenceChoice = confidenceChoice;
    }

    /// <summary>
    /// The form SPEC S4's strict adaptive (lambda 0) scores the rated levels in and, when chosen on validation, the validation
    /// accuracies behind it. The served form is <see cref="ConfidenceChoice"/>'s.
    /// </summary>
    public AdaptiveScaleChoice AdaptiveChoice { get; }

    /// <summary>The served adaptive's evidence confidence lambda and form and, when chosen on validation, the accuracies behind them.</summary>
    public PriorConfidenceChoice ConfidenceChoice { get; }

    /// <summary>The strategies' Bayesian prior (C per level, prior mean) and, when chosen on validation, the validation accuracies behind it.</summary>
    public PriorChoice PriorChoice { get; }

    public override string ModelName => Name;

    /// <summary>The fitted parts and the predictor.</summary>
    public HierarchyScorer Scorer { get; }

    public HierarchyPredictor Predictor => Scorer.Predictor;

    /// <summary>Number of validation lists the learned parts were fitted on (0 for a heuristic predictor).</summary>
    public int ValidationLists { get; }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var all = new int[Items.Count];
        for (var i = 0; i < all.Length; i++) all[i] = i;
        ScoreList(user, all, scores);
    }

    /// <summary>Scores <paramref name="items"/> as one candidate list (per-list features are taken over these items).</summary>
    public override void Score(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        if (items.IsEmpty) return;
        ScoreList(user, items, scores);
    }

    private void ScoreList(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var users = new int[items.Length];
        Array.Fill(users, user);
        var final = Scorer.Score(users, items, items.Length).Final;
        for (var i = 0; i < items.Length; i++) scores[i] = (float)final[i];
    }

    public IReadOnlyList<CandidateExplanation> ExplainCandidates(int user, ReadOnlySpan<int> items)
    {
        if (items.IsEmpty) return [];
        var users = new int[items.Length];
        Array.Fill(users, user);
        var s = Scorer.Score(users, items, items.Length);
        var result = new CandidateExplanation[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var f = s.Features[i];
            var genreRated = f.GenreCount > 0 ? "user" : f.GenreSource == FeatureSource.Missing ? "missing" : "global";
            var values = new List<FeatureValue>
            {
                new("album_score", f.AlbumScore, Source(f.AlbumSource)),
                new("artist_score", f.ArtistScore, Source(f.ArtistSource)),
                new("genre_count", f.GenreCount, "derived"),
                new("track_genres", f.TrackGenres, "derived"),
                new("genre_max", f.GenreMax, Source(f.GenreSource)),
                new("genre_min", f.GenreMin, Source(f.GenreSource)),
                new("genre_mean", f.GenreMean, Source(f.GenreSource)),
                new("genre_variance", f.GenreVariance, Source(f.GenreSource)),
                new("rated_genre_mean", f.RatedGenreMean, genreRated),
                new("sibling_count", f.SiblingCount, "derived"),
                new("track_prior", f.TrackPrior, Scorer.Priors.Smooths(HierarchyLevel.Track) && Scorer.Priors.RatingCount(HierarchyLevel.Track, items[i]) > 0 ? "bayes" : "global"),
                new("album_score_plain", s.PlainFeatures[i].AlbumScore, Source(s.PlainFeatures[i].AlbumSource)),
                new("artist_score_plain", s.PlainFeatures[i].ArtistScore, Source(s.PlainFeatures[i].ArtistSource)),
            };
            foreach (var (name, scores) in s.Strategies) values.Add(new(name, (float)scores[i], "model"));
            if (s.Als is { } als) values.Add(new("als_flat", (float)als[i], "model"));
            foreach (var (name, scores) in s.Classifiers) values.Add(new(name, (float)scores[i], "model"));
            result[i] = new CandidateExplanation(items[i], (float)s.Final[i], values);
        }
        return result;
    }

    /// <summary>The source name of a level's value: user, siblings, bayes, global or missing.</summary>
    public static string Source(FeatureSource source) => source switch
    {
        FeatureSource.User => "user",
        FeatureSource.Sibling => "siblings",
        FeatureSource.Bayesian => "bayes",
        FeatureSource.Global => "global",
        _ => "missing",
    };

    public override void WritePayload(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        Scorer.Catalogue.Write(writer);
        Scorer.Ratings.Write(writer);
        // -1 marks the per-level prior record; files written before it hold SPEC's single C (>= 0) here.
        writer.WriteDouble(PerLevelPriorMarker);
        writer.WriteDouble(Scorer.FeaturePriors.Settings.Strength(HierarchyLevel.Track));
        PriorChoice.Write(writer);
        writer.WriteInt((int)Predictor);
        writer.WriteInt(ValidationLists);
        writer.WriteBool(Scorer.Als is not null);
        Scorer.Als?.Write(writer);
        writer.WriteBool(Scorer.Fallback is not null);
        if (Scorer.Fallback is { } line)
            writer.WriteArray<double>([line.Intercept, line.Slope, line.AlsMean, line.AlsScale, line.ValidationAccuracy]);
        writer.WriteInt(Scorer.Classifiers.Count);
        foreach (var c in Scorer.Classifiers)
        {
            writer.WriteInt((int)c.Kind);
            writer.WriteArray<double>([.. c.Importances]);
            writer.WriteArray<byte>(c.ModelBytes);
        }
        writer.WriteBool(Scorer.Ensemble is not null);
        if (Scorer.Ensemble is { } ensemble)
        {
            writer.WriteInt(ensemble.Members.Count);
            foreach (var m in ensemble.Members) writer.WriteString(m);
            writer.WriteArray<double>([.. ensemble.Weights]);
        }
        // Last, so files written before the adaptive scale existed end here and read as SPEC S4's raw form.
        AdaptiveChoice.Write(writer);
        // After it, so files written before the evidence-weighted adaptive end here and read as lambda 0 (SPEC S4's strict adaptive).
        ConfidenceChoice.Write(writer);
    }

    /// <exception cref="ModelFormatException">Any part is inconsistent with the others or cannot be loaded.</exception>
    public static HierarchyModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        if (interactions.Rows != users.Count || interactions.Columns != items.Count)
            throw new ModelFormatException($"hierarchy model: the track matrix is {interactions.Rows} x {interactions.Columns}, expected {users.Count} x {items.Count}.");
        var catalogue = HierarchyCatalogue.Read(reader);
        if (catalogue.TrackCount != items.Count)
            throw new ModelFormatException($"hierarchy model: the catalogue has {catalogue.TrackCount} tracks, the model {items.Count}.");
        var ratings = HierarchyRatings.Read(reader, catalogue, users.Count);
        var priorStrength = reader.ReadDouble();
        PriorChoice? priorChoice = null;
        if (priorStrength == PerLevelPriorMarker)
        {
            priorStrength = reader.ReadDouble();
            priorChoice = PriorChoice.Read(reader);
        }
        if (!(priorStrength >= 0) || double.IsInfinity(priorStrength)) throw new ModelFormatException($"hierarchy model: prior strength {priorStrength} is invalid.");
        priorChoice ??= PriorChoice.FixedAt(PriorSettings.Spec(priorStrength));
        var predictor = (HierarchyPredictor)reader.ReadInt();
        if (!Enum.IsDefined(predictor) || predictor == HierarchyPredictor.Auto) throw new ModelFormatException($"hierarchy model: unknown predictor {(int)predictor}.");
        var lists = reader.ReadInt();
        if (lists < 0) throw new ModelFormatException("hierarchy model: negative validation list count.");
        var als = reader.ReadBool() ? CollaborativeScores.ReadFlat(reader, catalogue, users.Count) : null;
        FallbackLine? line = null;
        if (reader.ReadBool())
        {
            var v = reader.ReadArray<double>();
            if (v.Length != 5 || !Array.TrueForAll(v, double.IsFinite) || !(v[3] > 0)) throw new ModelFormatException("hierarchy model: the learned-fallback line is invalid.");
            line = new FallbackLine(v[0], v[1], v[2], v[3], v[4]);
        }
        var count = reader.ReadInt();
        if (count < 0 || count > Enum.GetValues<ClassifierKind>().Length) throw new ModelFormatException($"hierarchy model: {count} classifiers.");
        var classifiers = new List<CandidateClassifier>();
        for (var i = 0; i < count; i++)
        {
            var kind = (ClassifierKind)reader.ReadInt();
            var importances = reader.ReadArray<double>();
            var bytes = reader.ReadArray<byte>();
            classifiers.Add(CandidateClassifier.Load(kind, CandidateFeatureRows.Names, importances, bytes));
        }
        StackedEnsemble? ensemble = null;
        if (reader.ReadBool())
        {
            var members = reader.ReadInt();
            if (members <= 0 || members > 64) throw new ModelFormatException($"hierarchy model: {members} ensemble members.");
            var names = new string[members];
            for (var i = 0; i < members; i++) names[i] = reader.ReadString();
            var weights = reader.ReadArray<double>();
            try
            {
                ensemble = StackedEnsemble.FromWeights(names, weights);
            }
            catch (ArgumentException ex)
            {
                throw new ModelFormatException($"hierarchy model: invalid ensemble ({Guard.PlainMessage(ex)}).");
            }
        }
        var adaptiveChoice = AdaptiveScaleChoice.Read(reader);
        var confidenceChoice = PriorConfidenceChoice.Read(reader, adaptiveChoice);
        try
        {
            return new HierarchyModel(users, items, interactions,
                new HierarchyScorer(predictor, catalogue, ratings, priorChoice.Settings, confidenceChoice.Form, confidenceChoice.Confidence, priorStrength, als, line, classifiers, ensemble),
                lists, priorChoice, adaptiveChoice, confidenceChoice);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"hierarchy model: the saved parts do not fit together ({Guard.PlainMessage(ex)}).");
        }
    }
}
