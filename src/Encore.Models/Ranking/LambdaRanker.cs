using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Encore.Models.Ranking;

/// <summary>
/// A LambdaRank model (Burges 2010, "From RankNet to LambdaRank to LambdaMART") over candidate feature rows, trained
/// by LightGBM through ML.NET (<c>Microsoft.ML.LightGbm</c>). Rows are row-major floats of width
/// <see cref="Width"/>, grouped by user (the rows of one group are contiguous); labels are relevance grades (0 or 1).
/// Immutable once fitted; <see cref="Score"/> is thread-safe (calls are serialised on the ML.NET context). The
/// ML.NET model is kept as the zip bytes of <c>MLContext.Model.Save</c> so it can live inside Encore's model file.
/// </summary>
public sealed class LambdaRanker
{
    private const string Label = "Label";
    private const string Group = "GroupId";
    private const string Features = "Features";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private LambdaRanker(int width, MLContext ml, ITransformer model, byte[] bytes)
    {
        Width = width;
        _ml = ml;
        _model = model;
        ModelBytes = bytes;
    }

    /// <value>Features per row.</value>
    public int Width { get; }

    /// <value>The ML.NET model as saved by <c>MLContext.Model.Save</c> (zip bytes).</value>
    public byte[] ModelBytes { get; }

    /// <summary>
    /// Trains on <paramref name="rows"/> (count x width) with one group id per row (contiguous groups); null when the
    /// data cannot support a single split (fewer than 2 x MinimumPerLeaf rows, or LightGBM grows only split-less
    /// trees, which ML.NET cannot convert): the caller then has no ranker and says so.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes disagree, or no row is relevant.</exception>
    public static LambdaRanker? TryTrain(float[] rows, float[] labels, uint[] groups, int width, FunnelOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        if (width <= 0 || rows.Length != labels.Length * width || groups.Length != labels.Length)
            throw new ArgumentException($"Expected {labels.Length} rows of {width} features and as many group ids, got {rows.Length} values and {groups.Length} ids.");
        if (!Array.Exists(labels, l => l > 0)) throw new ArgumentException("No candidate row is relevant: a ranker has nothing to learn.");
        ct.ThrowIfCancellationRequested();
        if (labels.Length < 2 * options.MinimumPerLeaf) return null;
        var ml = new MLContext(seed: unchecked((int)options.Seed));
        var data = Load(ml, rows, labels, groups, width);
        ITransformer model;
        try
        {
            model = Fit(ml, data, options);
        }
        catch (ArgumentNullException)
        {
            // ML.NET's conversion of a LightGBM tree without a split fails this way: nothing was learned.
            return null;
        }
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return new LambdaRanker(width, ml, model, stream.ToArray());
    }

    private static ITransformer Fit(MLContext ml, IDataView data, FunnelOptions options) =>
        ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = Label,
            FeatureColumnName = Features,
            RowGroupColumnName = Group,
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.Threads == 0 ? null : options.Threads,
            Seed = unchecked((int)options.Seed),
            Verbose = false,
            Silent = true,
        }).Fit(data);

    /// <summary>Loads a ranker saved by <see cref="ModelBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ML.NET model.</exception>
    public static LambdaRanker Load(byte[] bytes, int width, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext(seed: unchecked((int)seed));
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var model = ml.Model.Load(stream, out _);
            return new LambdaRanker(width, ml, model, bytes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"the ranker is not a readable ML.NET model ({ex.GetType().Name}).", ex);
        }
    }

    /// <summary>Scores rows (count x <see cref="Width"/>); higher ranks first. Scores are comparable within a call.</summary>
    public float[] Score(float[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length % Width != 0) throw new ArgumentException($"{rows.Length} values is not a whole number of rows of {Width} features.");
        var count = rows.Length / Width;
        if (count == 0) return [];
        var view = Load(_ml, rows, new float[count], new uint[count], Width);
        lock (_ml) // MLContext is not documented as thread-safe for concurrent transforms.
            return [.. _model.Transform(view).GetColumn<float>("Score")];
    }

    private static IDataView Load(MLContext ml, float[] rows, float[] labels, uint[] groups, int width)
    {
        var items = new Row[labels.Length];
        for (var i = 0; i < items.Length; i++)
            items[i] = new Row { Label = labels[i], GroupId = groups[i] + 1, Features = rows.AsSpan(i * width, width).ToArray() };
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[Group].ColumnType = new KeyDataViewType(typeof(uint), uint.MaxValue - 1);
        return ml.Data.LoadFromEnumerable(items, schema);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        // Key values are 1-based in ML.NET (0 = missing), hence the + 1 above.
        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
