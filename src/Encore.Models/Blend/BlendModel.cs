using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Blend;

/// <summary>
/// A learned linear blend: score(u, i) = sum over components m of w_m z_m(u, i), where z_m(u, .) is component m's score
/// vector for the user standardised over the whole catalogue (mean 0, standard deviation 1; all zeros when constant).
/// </summary>
public sealed class BlendModel : RecommenderBase
{
    public const string Name = "blend";

    private readonly IRecommender[] _components;
    private readonly float[] _weights;
    private readonly int[] _allItems;

    internal BlendModel(IdMap users, IdMap items, CsrMatrix interactions, IRecommender[] components, float[] weights)
        : base(users, items, interactions)
    {
        if (components.Length != weights.Length) throw new ArgumentException("one weight per component.", nameof(weights));
        _components = components;
        _weights = weights;
        _allItems = [.. Enumerable.Range(0, items.Count)];
    }

    public override string ModelName => Name;

    /// <summary>A blended score of exactly 0 comes from components that were all constant: no evidence.</summary>
    protected override bool ZeroMeansNoEvidence => true;

    /// <summary>The blended models, in order.</summary>
    public IReadOnlyList<IRecommender> Components => _components;

    /// <summary>The learned weight of each component.</summary>
    public IReadOnlyList<float> Weights => _weights;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        var buffer = new float[Items.Count];
        for (var m = 0; m < _components.Length; m++)
        {
            if (_weights[m] == 0) continue;
            _components[m].Score(user, _allItems, buffer);
            Standardise(buffer);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(buffer, _weights[m], scores, scores);
        }
    }

    /// <summary>In place: (x - mean) / standard deviation; all zeros when the values are constant or not finite.</summary>
    internal static void Standardise(Span<float> values)
    {
        if (values.Length == 0) return;
        double sum = 0, squares = 0;
        foreach (var v in values) { sum += v; squares += (double)v * v; }
        var mean = sum / values.Length;
        var variance = squares / values.Length - mean * mean;
        if (!(variance > 1e-12) || !double.IsFinite(variance))
        {
            values.Clear();
            return;
        }
        var scale = (float)(1 / Math.Sqrt(variance));
        System.Numerics.Tensors.TensorPrimitives.Subtract(values, (float)mean, values);
        System.Numerics.Tensors.TensorPrimitives.Multiply(values, scale, values);
    }

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt(_components.Length);
        for (var m = 0; m < _components.Length; m++)
        {
            writer.WriteString(_components[m].ModelName);
            writer.WriteFloat(_weights[m]);
            _components[m].WritePayload(writer);
        }
    }

    public static BlendModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var count = reader.ReadInt();
        if (count is < 1 or > 64) throw new ModelFormatException($"blend model: {count} components.");
        var components = new IRecommender[count];
        var weights = new float[count];
        for (var m = 0; m < count; m++)
        {
            var name = reader.ReadString();
            weights[m] = reader.ReadFloat();
            components[m] = ModelLoader.ReaderFor(name)(reader);
            if (components[m].Items.Count != items.Count)
                throw new ModelFormatException($"blend model: component {name} has {components[m].Items.Count} items, the blend {items.Count}.");
        }
        return new BlendModel(users, items, interactions, components, weights);
    }
}
