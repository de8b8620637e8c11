using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Encore.Models.Hierarchy;

/// <summary>
/// A binary classifier over candidate feature rows (liked / not liked), trained with ML.NET. Rows are
/// row-major floats of width <see cref="Width"/>. Fitted instances are immutable; <see cref="Score"/> is
/// thread-safe (a prediction engine is not used). The ML.NET model is kept as the bytes of
/// <c>MLContext.Model.Save</c> so it can be written into Encore's model file.
/// </summary>
public sealed class CandidateClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private CandidateClassifier(ClassifierKind kind, string[] featureNames, MLContext ml, ITransformer model, double[] importances, byte[] bytes)
    {
        Kind = kind;
        FeatureNames = featureNames;
        _ml = ml;
        _model = model;
        Importances = importances;
        ModelBytes = bytes;
    }

    public ClassifierKind Kind { get; }

    public string[] FeatureNames { get; }

    public int Width => FeatureNames.Length;

    /// <summary>
    /// Per-feature importance: split gains normalised to sum 1 for the tree models (ML.NET GetFeatureWeights),
    /// |coefficient| on standardised features normalised to sum 1 for logistic regression.
    /// </summary>
    public IReadOnlyList<double> Importances { get; }

    /// <summary>The ML.NET model as saved by <c>MLContext.Model.Save</c> (zip bytes).</summary>
    public byte[] ModelBytes { get; }

    /// <summary>Trains <paramref name="kind"/> on <paramref name="rows"/> (count x width) and <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">Shapes disagree, or the labels hold a single class.</exception>
    public static CandidateClassifier Train(ClassifierKind kind, string[] featureNames, float[] rows, bool[] labels,
        ClassifierOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new ClassifierOptions();
        options.Validate();
        var width = featureNames.Length;
        if (width == 0 || rows.Length != labels.Length * width)
            throw new ArgumentException($"Expected {labels.Length} rows of {width} features ({labels.Length * width} values), got {rows.Length}.");
        if (Array.TrueForAll(labels, l => l) || Array.TrueForAll(labels, l => !l))
            throw new ArgumentException("The training candidates hold only one class: a classifier needs liked and not-liked examples.");
        ct.ThrowIfCancellationRequested();
        var ml = new MLContext(seed: unchecked((int)options.Seed));
        var data = CandidateRows.Load(ml, rows, labels, width);
        var threads = options.Threads == 0 ? (int?)null : options.Threads;
        double[] importances;
        ITransformer model;
        switch (kind)
        {
            case ClassifierKind.Logistic:
                var lr = ml.Transforms.NormalizeMeanVariance(CandidateRows.Features)
                    .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                    {
                        LabelColumnName = CandidateRows.Label,
                        FeatureColumnName = CandidateRows.Features,
                        NumberOfThreads = threads,
                    })).Fit(data);
                model = lr;
                importances = Abs(lr.LastTransformer.Model.SubModel.Weights);
                break;
            case ClassifierKind.RandomForest:
                var forest = ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                {
                    LabelColumnName = CandidateRows.Label,
                    FeatureColumnName = CandidateRows.Features,
                    NumberOfTrees = options.Trees,
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
                    FeatureFraction = 0.7,
                    NumberOfThreads = threads,
                    Seed = unchecked((int)options.Seed),
                }).Fit(data);
                model = forest;
                importances = Gains(forest.Model, width);
                break;
            case ClassifierKind.DecisionTree or ClassifierKind.BoostedTrees:
                var single = kind == ClassifierKind.DecisionTree;
                var fastTree = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    LabelColumnName = CandidateRows.Label,
                    FeatureColumnName = CandidateRows.Features,
                    NumberOfTrees = single ? 1 : options.Trees,
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
                    LearningRate = single ? 1.0 : options.LearningRate,
                    NumberOfThreads = threads,
                    Seed = unchecked((int)options.Seed),
                }).Fit(data);
                model = fastTree;
                importances = Gains(fastTree.Model.SubModel, width);
                break;
            default:
                var gbm = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = CandidateRows.Label,
                    FeatureColumnName = CandidateRows.Features,
                    NumberOfIterations = options.Trees,
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinimumPerLeaf,
                    LearningRate = options.LearningRate,
                    NumberOfThreads = threads,
                    Seed = unchecked((int)options.Seed),
                    Verbose = false,
                    Silent = true,
                }).Fit(data);
                model = gbm;
                importances = Gains(gbm.Model.SubModel, width);
                break;
        }
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        return new CandidateClassifier(kind, featureNames, ml, model, importances, stream.ToArray());
    }

    /// <summary>Loads a classifier saved as <see cref="ModelBytes"/> (model files).</summary>
    /// <exception cref="Core.Errors.ModelFormatException">The bytes are not an ML.NET model, or the importances do not match the features.</exception>
    public static CandidateClassifier Load(ClassifierKind kind, string[] featureNames, double[] importances, byte[] bytes, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(importances);
        ArgumentNullException.ThrowIfNull(bytes);
        if (!Enum.IsDefined(kind)) throw new Core.Errors.ModelFormatException($"hierarchy model: unknown classifier kind {(int)kind}.");
        if (importances.Length != featureNames.Length && importances.Length != 0)
            throw new Core.Errors.ModelFormatException($"hierarchy model: {importances.Length} feature importances for {featureNames.Length} features.");
        var ml = new MLContext(seed: unchecked((int)seed));
        ITransformer model;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            model = ml.Model.Load(stream, out _);
            // A model that loads must also score: run it once on a zero row.
            _ = model.Transform(CandidateRows.Load(ml, new float[featureNames.Length], [false], featureNames.Length)).GetColumn<float>("Score").ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            throw new Core.Errors.ModelFormatException($"hierarchy model: the {kind.Name()} classifier (ML.NET, {bytes.Length:N0} bytes) cannot be loaded ({ex.GetType().Name}: {Core.Errors.Guard.PlainMessage(ex)}).");
        }
        return new CandidateClassifier(kind, featureNames, ml, model, importances, bytes);
    }

    /// <summary>Scores candidate rows (count x <see cref="Width"/>); higher = more likely liked.</summary>
    public float[] Score(float[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length % Width != 0) throw new ArgumentException($"{rows.Length} values is not a whole number of rows of {Width} features.");
        var count = rows.Length / Width;
        var view = CandidateRows.Load(_ml, rows, new bool[count], Width);
        lock (_ml) // MLContext is not documented as thread-safe for concurrent transforms.
            return [.. _model.Transform(view).GetColumn<float>("Score")];
    }

    private static double[] Gains(TreeEnsembleModelParameters trees, int width)
    {
        var buffer = default(VBuffer<float>);
        trees.GetFeatureWeights(ref buffer);
        var dense = new double[width];
        foreach (var (index, value) in buffer.Items()) if (index < width) dense[index] = value;
        return Normalise(dense);
    }

    private static double[] Abs(IReadOnlyList<float> weights)
    {
        var dense = new double[weights.Count];
        for (var i = 0; i < dense.Length; i++) dense[i] = Math.Abs(weights[i]);
        return Normalise(dense);
    }

    private static double[] Normalise(double[] values)
    {
        var total = values.Sum();
        if (total > 0) for (var i = 0; i < values.Length; i++) values[i] /= total;
        return values;
    }
}
