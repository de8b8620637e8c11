using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Ranking;

/// <summary>
/// A fitted learned ranking funnel: immutable, thread-safe. For a user, the union of the generators' top-N unseen items
/// is re-scored by the LambdaRank model (<see cref="LambdaRanker"/>); every other item scores below every candidate,
/// ordered by the first generator (so a full ranking is still defined). Without a ranker (too little data when fitted)
/// the first generator's standardised score orders everything. Source: the two-stage candidate generation + ranking
/// design of Covington, Adams &amp; Sargin 2016; LambdaMART per Burges 2010.
/// </summary>
public sealed class FunnelModel : RecommenderBase
{
    /// <summary>Model kind in files.</summary>
    public const string Name = "funnel";

    private readonly IRecommender[] _generators;
    private readonly string[] _generatorNames;
    private readonly LambdaRanker? _ranker;
    private readonly FunnelFeatures _features;
    private readonly ulong _seed;

    internal FunnelModel(IdMap users, IdMap items, CsrMatrix interactions, IRecommender[] generators, string[] generatorNames,
        LambdaRanker? ranker, FunnelSignals signals, int candidates, ulong seed)
        : base(users, items, interactions)
    {
        _generators = generators;
        _generatorNames = generatorNames;
        _ranker = ranker;
        _seed = seed;
        _features = new FunnelFeatures(generators, interactions, signals, candidates);
    }

    public override string ModelName => Name;

    /// <value>The generators, in order (the first one orders the items outside the candidates).</value>
    public IReadOnlyList<IRecommender> Generators => _generators;

    /// <value>False when no ranker could be trained (no held-out item among the candidates): the first generator ranks.</value>
    public bool HasRanker => _ranker is not null;

    /// <value>Candidates taken from each generator.</value>
    public int Candidates => _features.Candidates;

    /// <value>Names of the ranker's feature columns.</value>
    public IReadOnlyList<string> FeatureNames => FunnelFeatures.Names(_generatorNames, FeatureGroups);

    /// <value>The feature groups in use (requested and backed by side tables when fitted).</value>
    public FunnelFeatureGroups FeatureGroups => _features.Signals.Groups;

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var (items, rows, firstZ) = _features.Build(user);
        if (_ranker is null || items.Length == 0)
        {
            // No ranker: the first generator's order, shifted so a real score is never exactly 0 (0 = no evidence).
            for (var i = 0; i < scores.Length; i++) scores[i] = float.IsFinite(firstZ[i]) ? Math.Clamp(firstZ[i], -5f, 5f) + 10f : float.NaN;
            return;
        }
        var ranked = _ranker.Score(rows);
        var floor = float.PositiveInfinity;
        foreach (var s in ranked) floor = MathF.Min(floor, s);
        // Outside the candidates: strictly below the lowest candidate, in the first generator's order; no evidence = NaN.
        for (var i = 0; i < scores.Length; i++)
            scores[i] = float.IsFinite(firstZ[i]) ? floor - 10f + Math.Clamp(firstZ[i], -5f, 5f) : float.NaN;
        for (var x = 0; x < items.Length; x++) scores[items[x]] = ranked[x];
    }

    public override void WritePayload(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteIdMap(Users);
        writer.WriteIdMap(Items);
        writer.WriteCsr(Interactions);
        writer.WriteInt(Candidates);
        writer.WriteULong(_seed);
        writer.WriteInt(_generators.Length);
        for (var m = 0; m < _generators.Length; m++)
        {
            writer.WriteString(_generatorNames[m]);
            writer.WriteString(_generators[m].ModelName);
            _generators[m].WritePayload(writer);
        }
        writer.WriteBool(_ranker is not null);
        if (_ranker is not null) writer.WriteArray<byte>(_ranker.ModelBytes);
        var signals = _features.Signals;
        writer.WriteInt((int)signals.Groups);
        foreach (var table in new[] { signals.ItemTags, signals.OwnTags, signals.UserItemTags, signals.Links })
        {
            writer.WriteBool(table is not null);
            if (table is not null) writer.WriteCsr(table);
        }
    }

    /// <exception cref="ModelFormatException">The payload is damaged.</exception>
    public static FunnelModel Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var interactions = reader.ReadCsr();
        var candidates = reader.ReadInt();
        var seed = reader.ReadULong();
        var count = reader.ReadInt();
        if (candidates is < 1 or > 5000) throw new ModelFormatException($"funnel model: {candidates} candidates per generator.");
        if (count is < 2 or > 16) throw new ModelFormatException($"funnel model: {count} generators.");
        if (interactions.Rows != users.Count || interactions.Columns != items.Count)
            throw new ModelFormatException($"funnel model: interactions are {interactions.Rows} x {interactions.Columns}, ids {users.Count} x {items.Count}.");
        var names = new string[count];
        var generators = new IRecommender[count];
        for (var m = 0; m < count; m++)
        {
            names[m] = reader.ReadString();
            var kind = reader.ReadString();
            generators[m] = ModelLoader.ReaderFor(kind)(reader);
            if (generators[m].Items.Count != items.Count || generators[m].Users.Count != users.Count)
                throw new ModelFormatException($"funnel model: generator {kind} has {generators[m].Users.Count} x {generators[m].Items.Count} users x items, the funnel {users.Count} x {items.Count}.");
        }
        var bytes = reader.ReadBool() ? reader.ReadArray<byte>() : null;
        // Files written before the side features end here: popularity only, no tables.
        var groups = reader.AtEnd ? FunnelFeatureGroups.Popularity : (FunnelFeatureGroups)reader.ReadInt();
        if ((groups & ~FunnelFeatureGroups.All) != 0) throw new ModelFormatException($"funnel model: unknown feature groups {(int)groups}.");
        var tables = new CsrMatrix?[4];
        for (var t = 0; t < tables.Length && !reader.AtEnd; t++) tables[t] = reader.ReadBool() ? reader.ReadCsr() : null;
        var (itemTags, ownTags, userItemTags, links) = (tables[0], tables[1], tables[2], tables[3]);
        if (itemTags is not null && itemTags.Rows != items.Count || userItemTags is not null && (userItemTags.Rows != users.Count || userItemTags.Columns != items.Count)
            || ownTags is not null && (ownTags.Rows != users.Count || itemTags is null || ownTags.Columns != itemTags.Columns)
            || links is not null && (links.Rows != users.Count || links.Columns != users.Count))
            throw new ModelFormatException("funnel model: a side table does not match the users and items.");
        var signals = new FunnelSignals(groups, interactions, itemTags, ownTags, userItemTags, links);
        if (signals.Groups != groups) throw new ModelFormatException($"funnel model: feature groups {FunnelFeatureGroupNames.Format(groups)} without their tables.");
        LambdaRanker? ranker = null;
        if (bytes is not null)
        {
            try
            {
                ranker = LambdaRanker.Load(bytes, FunnelFeatures.WidthFor(count, signals), seed);
            }
            catch (InvalidDataException ex)
            {
                throw new ModelFormatException($"funnel model: {ex.Message}");
            }
        }
        return new FunnelModel(users, items, interactions, generators, names, ranker, signals, candidates, seed);
    }
}
