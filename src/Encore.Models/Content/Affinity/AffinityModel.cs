using System.Numerics.Tensors;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Content.Affinity;

/// <summary>
/// The fitted S2 affinity classifier: P(user likes track) = σ(w·[p ⊕ v ⊕ p∘v] + b) with p the user's profile
/// and v the transformed track vector. Ranking all tracks for a user costs one pass over the item vectors:
/// the logit is c + v·q + w_pop·pop(v) with q = w_v + w_p∘p and c = w_u·p + b. Scores are logits (monotone in probability).
/// New users are folded in from a history (their profile is computed on the fly).
/// </summary>
public sealed class AffinityModel : RecommenderBase, IHistoryRecommender
{
    public const string Name = "affinity";

    private readonly float[] _vectors;
    private readonly float[] _profiles;
    private readonly float[] _weights;
    private readonly float[] _popularity;

    internal AffinityModel(IdMap users, IdMap items, CsrMatrix interactions, ContentTransform transform, float[] vectors, float[] profiles,
        ProfileWeighting weighting, bool product, float[] popularity, float[] weights, float bias, AffinityValidation validation)
        : base(users, items, interactions)
    {
        _popularity = popularity;
        Transform = transform;
        _vectors = vectors;
        _profiles = profiles;
        Weighting = weighting;
        ProductFeatures = product;
        _weights = weights;
        Bias = bias;
        Validation = validation;
    }

    public override string ModelName => Name;

    /// <summary>The content transform fitted with the model (standardise, L2, PCA) and its explained variance.</summary>
    public ContentTransform Transform { get; }

    public ProfileWeighting Weighting { get; }

    public bool ProductFeatures { get; }

    /// <summary>Whether the track's log-popularity is an input (its weight is the last of <see cref="Weights"/>).</summary>
    public bool PopularityFeature => _popularity.Length > 0;

    /// <summary>Logistic regression weights over profile ⊕ track (⊕ product) (⊕ popularity): 2k or 3k values, plus 1 with popularity.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    public float Bias { get; }

    /// <summary>Held-out probabilities and labels of the fit (for accuracy and ROC AUC).</summary>
    public AffinityValidation Validation { get; }

    /// <summary>P(like) of one (user, item) pair, in [0, 1].</summary>
    public float Probability(int user, int item)
    {
        Span<float> s = stackalloc float[1];
        Score(user, [item], s);
        return Sigmoid(s[0]);
    }

    internal static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    internal static float Linear(ReadOnlySpan<float> weights, float bias, ReadOnlySpan<float> row) => TensorPrimitives.Dot(weights, row) + bias;

    public override void Score(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var k = Transform.OutputDimension;
        Span<float> q = stackalloc float[k];
        var c = Query(_profiles.AsSpan(user * k, k), q);
        var wp = PopularityFeature ? _weights[^1] : 0f;
        for (var i = 0; i < items.Length; i++)
            scores[i] = c + TensorPrimitives.Dot(_vectors.AsSpan(items[i] * k, k), q) + (PopularityFeature ? wp * _popularity[items[i]] : 0f);
    }

    protected override void ScoreAll(int user, Span<float> scores) => ScoreProfile(_profiles.AsSpan(user * Transform.OutputDimension, Transform.OutputDimension), scores);

    public (int[] Items, float[] Scores) RecommendFromHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, int k, RecommendOptions? options = null)
    {
        options ??= RecommendOptions.Default;
        if (items.Length != values.Length)
            throw new ArgumentException($"History has {items.Length} items but {values.Length} values; give one value per item.", nameof(values));
        var profile = new float[Transform.OutputDimension];
        UserProfiles.Into(items, values, _vectors, Transform.OutputDimension, Weighting, profile);
        var scores = new float[Items.Count];
        ScoreProfile(profile, scores);
        RankingFilter.ApplyHistory(scores, items, options);
        return RankingFilter.Select(scores, options.Allow, k);
    }

    private void ScoreProfile(ReadOnlySpan<float> profile, Span<float> scores)
    {
        var k = Transform.OutputDimension;
        Span<float> q = stackalloc float[k];
        var c = Query(profile, q);
        for (var i = 0; i < scores.Length; i++) scores[i] = c + TensorPrimitives.Dot(_vectors.AsSpan(i * k, k), q);
        if (PopularityFeature) TensorPrimitives.MultiplyAdd(_popularity, _weights[^1], scores, scores);
    }

    // logit(p, v) = w_u·p + b + v·(w_v + w_p∘p): returns the constant, writes q.
    private float Query(ReadOnlySpan<float> profile, Span<float> q)
    {
        var k = profile.Length;
        var w = _weights.AsSpan();
        w.Slice(k, k).CopyTo(q);
        if (ProductFeatures)
        {
            Span<float> product = stackalloc float[k];
            TensorPrimitives.Multiply(w.Slice(2 * k, k), profile, product);
            TensorPrimitives.Add(q, product, q);
        }
        return TensorPrimitives.Dot(w[..k], profile) + Bias;
    }

    public override void WritePayload(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        Transform.Write(writer);
        writer.WriteInt((int)Weighting);
        writer.WriteBool(ProductFeatures);
        writer.WriteArray<float>(_vectors);
        writer.WriteArray<float>(_profiles);
        writer.WriteArray<float>(_weights);
        writer.WriteFloat(Bias);
        writer.WriteArray<float>(Validation.Probabilities);
        writer.WriteArray<byte>([.. Validation.Labels.Select(l => l ? (byte)1 : (byte)0)]);
        writer.WriteInt(Validation.TrainRows);
        writer.WriteArray<float>(_popularity);
    }

    public static AffinityModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var transform = ContentTransform.Read(reader);
        var weighting = (ProfileWeighting)reader.ReadInt();
        var product = reader.ReadBool();
        var vectors = reader.ReadArray<float>();
        var profiles = reader.ReadArray<float>();
        var weights = reader.ReadArray<float>();
        var bias = reader.ReadFloat();
        var probabilities = reader.ReadArray<float>();
        var labels = reader.ReadArray<byte>().Select(b => b != 0).ToArray();
        var trainRows = reader.ReadInt();
        var popularity = reader.ReadArray<float>();
        var k = transform.OutputDimension;
        if (vectors.Length != (long)items.Count * k || profiles.Length != (long)users.Count * k || probabilities.Length != labels.Length
            || (popularity.Length != 0 && popularity.Length != items.Count)
            || weights.Length != AffinitySamples.WidthFor(k, product, popularity.Length > 0))
            throw new ModelFormatException($"affinity model: array sizes do not match {users.Count} users, {items.Count} items and {k} dimensions.");
        return new AffinityModel(users, items, interactions, transform, vectors, profiles, weighting, product, popularity, weights, bias,
            new AffinityValidation(probabilities, labels, trainRows));
    }
}
