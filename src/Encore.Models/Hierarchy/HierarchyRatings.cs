using Encore.Core.Errors;
using Encore.Core.Sparse;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Training ratings split by level: one user x entity CSR matrix per <see cref="HierarchyLevel"/> (the
/// latest rating of a pair wins), plus the global mean M over every rating of every level.
/// Values keep their scale (0..100 in KDD Cup 2011).
/// </summary>
public sealed class HierarchyRatings
{
    private readonly CsrMatrix[] _levels;

    private HierarchyRatings(CsrMatrix[] levels, double globalMean, int count)
    {
        _levels = levels;
        GlobalMean = globalMean;
        Count = count;
    }

    /// <summary>Mean of all ratings (M in SPEC S4); 0 when there are none.</summary>
    public double GlobalMean { get; }

    /// <summary>Number of rating rows read (before duplicates collapse).</summary>
    public int Count { get; }

    public int UserCount => _levels[0].Rows;

    /// <summary>User x entity ratings at <paramref name="level"/>.</summary>
    public CsrMatrix At(HierarchyLevel level) => _levels[(int)level];

    /// <summary>The user's rating of <paramref name="target"/> at <paramref name="level"/>, or NaN when unrated.</summary>
    public float Rating(int user, HierarchyLevel level, int target)
    {
        var m = _levels[(int)level];
        var row = m.RowIndices(user);
        var i = row.BinarySearch(target);
        return i >= 0 ? m.RowValues(user)[i] : float.NaN;
    }

    /// <summary>Writes the four level matrices, M and the row count (model files).</summary>
    internal void Write(Files.ModelWriter writer)
    {
        foreach (var m in _levels) writer.WriteCsr(m);
        writer.WriteDouble(GlobalMean);
        writer.WriteInt(Count);
    }

    /// <summary>Reads what <see cref="Write"/> wrote, checking each level against the catalogue.</summary>
    /// <exception cref="Core.Errors.ModelFormatException">Level matrices of different row counts or wrong widths.</exception>
    internal static HierarchyRatings Read(Files.ModelReader reader, HierarchyCatalogue catalogue, int userCount)
    {
        var levels = new CsrMatrix[4];
        for (var l = 0; l < 4; l++)
        {
            levels[l] = reader.ReadCsr();
            if (levels[l].Rows != userCount || levels[l].Columns != catalogue.Count((HierarchyLevel)l))
                throw new Core.Errors.ModelFormatException($"hierarchy model: the {(HierarchyLevel)l} ratings are {levels[l].Rows} x {levels[l].Columns}, expected {userCount} x {catalogue.Count((HierarchyLevel)l)}.");
        }
        var mean = reader.ReadDouble();
        var count = reader.ReadInt();
        if (!double.IsFinite(mean) || count < 0) throw new Core.Errors.ModelFormatException("hierarchy model: the global mean or rating count is invalid.");
        return new HierarchyRatings(levels, mean, count);
    }

    /// <summary>Builds from aligned rating columns (levels as <see cref="HierarchyLevel"/> bytes).</summary>
    /// <exception cref="ArgumentException">Columns of different lengths, a user or target out of range, a non-finite value.</exception>
    public static HierarchyRatings Build(int userCount, HierarchyCatalogue catalogue, ReadOnlySpan<int> users,
        ReadOnlySpan<HierarchyLevel> levels, ReadOnlySpan<int> targets, ReadOnlySpan<float> values)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Guard.SameLength(users.Length, levels.Length, "rating users and levels");
        Guard.SameLength(users.Length, targets.Length, "rating users and targets");
        Guard.SameLength(users.Length, values.Length, "rating users and values");
        var rows = new List<int>[4];
        var cols = new List<int>[4];
        var vals = new List<float>[4];
        for (var l = 0; l < 4; l++) { rows[l] = []; cols[l] = []; vals[l] = []; }
        double sum = 0;
        for (var i = 0; i < users.Length; i++)
        {
            if (!float.IsFinite(values[i])) throw new ArgumentException($"Rating {i} is not a finite number ({values[i]}).");
            var l = (int)levels[i];
            if ((uint)l > 3) throw new ArgumentException($"Rating {i} has unknown level {l}.");
            rows[l].Add(users[i]);
            cols[l].Add(targets[i]);
            vals[l].Add(values[i]);
            sum += values[i];
        }
        var matrices = new CsrMatrix[4];
        for (var l = 0; l < 4; l++)
            matrices[l] = CsrMatrix.FromTriples(userCount, catalogue.Count((HierarchyLevel)l), [.. rows[l]], [.. cols[l]], [.. vals[l]], DuplicatePolicy.Last);
        return new HierarchyRatings(matrices, users.Length == 0 ? 0 : sum / users.Length, users.Length);
    }
}
