using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Social;

/// <summary>
/// Fitted social recommender (<see cref="FriendsTrainer"/>): score(u, i) = sum over u's weighted friends f of
/// w(u, f) g(f, i) + lambda pop(i), g = the friend's training value on i under <see cref="Weighting"/> scaled to (0, 1]
/// per friend, pop = users with the item / the largest such count. A user without friends with signal gets the
/// popularity list (when lambda > 0). Scores lie in [0, 1 + lambda]; 0 means no evidence and is never recommended.
/// </summary>
public sealed class FriendsModel : RecommenderBase
{
    public const string Name = "friends";

    private readonly float[] _popularity;
    private readonly float[] _friendScale;

    internal FriendsModel(IdMap users, IdMap items, CsrMatrix interactions, CsrMatrix friendWeights, float[] popularity,
        FriendPlayWeighting weighting, float popularityWeight)
        : base(users, items, interactions)
    {
        FriendWeights = friendWeights;
        _popularity = popularity;
        Weighting = weighting;
        PopularityWeight = popularityWeight;
        _friendScale = new float[Signal.Rows];
        for (var f = 0; f < _friendScale.Length; f++)
        {
            var largest = 0f;
            foreach (var v in Signal.RowValues(f)) largest = MathF.Max(largest, Transform(v));
            _friendScale[f] = largest > 0 ? 1f / largest : 0f;
        }
    }

    public override string ModelName => Name;

    /// <inheritdoc/>
    protected override bool ZeroMeansNoEvidence => true;

    /// <summary>Users x users link weights w(u, f); each nonempty row sums to 1.</summary>
    public CsrMatrix FriendWeights { get; }

    /// <summary>How a friend's training value counts.</summary>
    public FriendPlayWeighting Weighting { get; }

    /// <summary>lambda: weight of the normalised popularity in every score.</summary>
    public float PopularityWeight { get; }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++) scores[i] = PopularityWeight * _popularity[i];
        if ((uint)user >= (uint)FriendWeights.Rows) return;
        var friends = FriendWeights.RowIndices(user);
        var weights = FriendWeights.RowValues(user);
        for (var p = 0; p < friends.Length; p++)
        {
            var f = friends[p];
            var w = weights[p] * _friendScale[f];
            var items = Signal.RowIndices(f);
            var values = Signal.RowValues(f);
            for (var q = 0; q < items.Length; q++) scores[items[q]] += w * Transform(values[q]);
        }
    }

    private float Transform(float value) => Weighting switch
    {
        FriendPlayWeighting.Binary => 1f,
        FriendPlayWeighting.Log1p => MathF.Log(1 + value),
        _ => value,
    };

    public override void WritePayload(ModelWriter writer)
    {
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt((int)Weighting);
        writer.WriteFloat(PopularityWeight);
        writer.WriteArray<float>(_popularity);
        writer.WriteCsr(FriendWeights);
    }

    public static FriendsModel Read(ModelReader reader)
    {
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var weighting = reader.ReadInt();
        if (!Enum.IsDefined((FriendPlayWeighting)weighting))
            throw new ModelFormatException($"friends model: unknown play weighting {weighting}.");
        var popularityWeight = reader.ReadFloat();
        if (!float.IsFinite(popularityWeight) || popularityWeight < 0)
            throw new ModelFormatException($"friends model: popularity weight {popularityWeight} is not a finite non-negative number.");
        var popularity = reader.ReadArray<float>();
        if (popularity.Length != items.Count)
            throw new ModelFormatException($"friends model: {popularity.Length} popularity values for {items.Count} items.");
        var weights = reader.ReadCsr();
        if (weights.Rows != users.Count || weights.Columns != users.Count)
            throw new ModelFormatException($"friends model: friend weights are {weights.Rows} x {weights.Columns} for {users.Count} users.");
        if (interactions.Rows != users.Count || interactions.Columns != items.Count)
            throw new ModelFormatException($"friends model: interactions are {interactions.Rows} x {interactions.Columns} for {users.Count} users and {items.Count} items.");
        return new FriendsModel(users, items, interactions, weights, popularity, (FriendPlayWeighting)weighting, popularityWeight);
    }
}
