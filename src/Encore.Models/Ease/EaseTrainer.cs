using System.Globalization;
using Encore.Core.Errors;
using Encore.Core.LinearAlgebra;
using Encore.Core.Parallelism;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Ease;

/// <summary>
/// Fits EASE (Steck 2019) in closed form: P = (X^T X + lambda I)^-1, B = I - P diag(1 / diag(P)), i.e.
/// B[i][j] = -P[i][j] / P[j][j] and B[j][j] = 0. The inverse runs through OpenBLAS's LAPACK (spotrf + spotri) when
/// libopenblas.so.0 is installed, else through the managed blocked Cholesky (<see cref="DenseSpdInverse"/>); both are
/// deterministic for a given thread count. Memory: one dense items x items float matrix while training
/// (<see cref="EaseEstimate"/>); with <see cref="EaseOptions.Neighbours"/> the model keeps only each row's top N. With
/// <see cref="EaseOptions.MinimumUsers"/> = m &gt; 1, X is first restricted to the columns of items with at least m
/// training users (the same closed form over those k items; the others get no weights). Items without any training user
/// are left out at m = 1 too: their weights are zero in plain EASE, and a catalogue far larger than the listened part
/// (IUM: 21,608 tracks, 4,960 listened to) would otherwise pay n^3 for them.
/// With <see cref="EaseOptions.Dropout"/> = p &gt; 0 the penalty is Lambda = lambda I + p / (1 - p) diag(X^T X) (Steck 2020,
/// "Autoencoders that don't overfit towards the Identity": EDLAE with the zero diagonal; DLAE, B = I - P Lambda, without
/// it, <see cref="EaseOptions.ZeroDiagonal"/>).
/// Progress: one report per stage (1 Gram, 2 inverse, 3 weights, 4 sparsify).
/// </summary>
public sealed class EaseTrainer(EaseOptions? options = null) : IRecommenderTrainer
{
    public EaseOptions Options { get; } = options ?? new EaseOptions();

    public string ModelName => EaseModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var n = data.ItemCount;
        var modelled = ItemSupport.Modelled(data.Signal, Options.MinimumUsers);
        var k = modelled?.Length ?? n;
        EnsureFits(k, Options.MaxItems);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        void Stage(int stage) => progress?.Report(new EpochReport(stage, 4, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        if (k == 0)
        {
            // No item has MinimumUsers users: a model without weights (every user gets the popularity answer of the chain).
            Stage(4);
            return new EaseModel(data.Users, data.Items, data.Interactions, new CsrMatrix(n, n, new int[n + 1], [], []), Options.Lambda);
        }
        var x = modelled is null ? data.Signal : ItemSupport.KeepColumns(data.Signal, modelled);
        var (weights, penalty) = Gram(x, k, Options.Lambda, Options.Dropout, Options.Threads, cancellationToken);
        Stage(1);
        Invert(weights, k, cancellationToken);
        Stage(2);
        ToWeights(weights, k, Options.ZeroDiagonal ? null : penalty, Options.Threads, cancellationToken);
        if (!float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<float>(weights)))
            throw new ModelFitException("EASE weights are not finite: increase Lambda or check the input values.");
        Stage(3);
        if (Options.Neighbours <= 0 || Options.Neighbours >= k) // top-N of k or more weights keeps them all: dense is smaller
        {
            Stage(4);
            return new EaseModel(data.Users, data.Items, data.Interactions, weights, Options.Lambda, modelled) { Threads = Options.Threads };
        }
        var sparse = TopWeights.Keep(weights, k, Options.Neighbours, Options.Threads, cancellationToken);
        if (modelled is not null) sparse = ItemSupport.Spread(sparse, modelled, n);
        Stage(4);
        return new EaseModel(data.Users, data.Items, data.Interactions, sparse, Options.Lambda) { Threads = Options.Threads };
    }

    /// <summary>
    /// Number of items the fit will model on <paramref name="data"/>: those with at least <see cref="EaseOptions.MinimumUsers"/>
    /// training users (at 1: every item with a training user). The size of the dense matrix, for <see cref="EaseEstimate.For"/>.
    /// </summary>
    public int ModelledItemCount(TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ItemSupport.Modelled(data.Signal, Options.MinimumUsers)?.Length ?? data.ItemCount;
    }

    /// <summary>Which backend the inverse will use here: "openblas" or "managed".</summary>
    public static string Backend => Lapack.OpenBlas.IsAvailable ? "openblas" : "managed";

    private void Invert(float[] g, int n, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!Lapack.OpenBlas.IsAvailable)
        {
            DenseSpdInverse.InvertInPlace(g, n, Options.Threads, ct);
            return;
        }
        try
        {
            Lapack.OpenBlas.InvertSpd(g, n, Options.Threads);
        }
        catch (ArithmeticException e)
        {
            throw new ModelFitException($"EASE: {e.Message}");
        }
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Refuses catalogues whose dense item x item matrix is too large, naming the size and the alternatives.</summary>
    internal static void EnsureFits(int items, int maxItems)
    {
        var cells = (long)items * items;
        if (items <= maxItems && cells <= Array.MaxLength) return;
        var gib = cells * sizeof(float) / (1024.0 * 1024 * 1024);
        var limit = items > maxItems ? $"above MaxItems = {maxItems.ToString("N0", CultureInfo.InvariantCulture)}" : "above the largest single array .NET can hold (46,340 items)";
        throw new ModelFitException(string.Create(CultureInfo.InvariantCulture,
            $"EASE needs a dense {items:N0} x {items:N0} item matrix ({gib:F1} GiB of memory) for {items:N0} items, {limit}. Use item-kNN (sparse top-K neighbours) or ALS for a catalogue this large, or prune rare items first."));
    }

    // G = X^T X + Lambda, row i = sum over users u of item i of x_ui * X[u, :]; parallel over items (each writes its own row).
    // Lambda = lambda I + p / (1 - p) diag(X^T X) (p = dropout; p = 0: lambda I, EASE), returned as the vector of its diagonal.
    private static (float[] G, float[] Penalty) Gram(CsrMatrix x, int n, double lambda, double dropout, int threads, CancellationToken ct)
    {
        var g = new float[n * n];
        var penalty = new float[n];
        var usersByItem = x.Transpose();
        var emphasis = dropout / (1 - dropout);
        ParallelLoop.For(n, threads, (s, e) =>
        {
            for (var i = s; i < e; i++)
            {
                var row = g.AsSpan(i * n, n);
                var users = usersByItem.RowIndices(i);
                var values = usersByItem.RowValues(i);
                for (var p = 0; p < users.Length; p++)
                {
                    var v = values[p];
                    var items = x.RowIndices(users[p]);
                    var itemValues = x.RowValues(users[p]);
                    for (var q = 0; q < items.Length; q++) row[items[q]] += v * itemValues[q];
                }
                // p = 0 adds exactly (float)lambda, as plain EASE always did.
                penalty[i] = dropout == 0 ? (float)lambda : (float)(lambda + emphasis * row[i]);
                row[i] += penalty[i];
            }
        }, ct);
        return (g, penalty);
    }

    // In place: P -> B. Zero diagonal (EASE, EDLAE): B[i][j] = -P[i][j] / P[j][j]. Free diagonal (DLAE): B = I - P Lambda,
    // B[i][j] = -P[i][j] Lambda[j] for i != j. Either way B[j][j] is stored as 0 (DLAE's diagonal only scores history items).
    private static void ToWeights(float[] p, int n, float[]? penalty, int threads, CancellationToken ct)
    {
        var columnScale = new float[n];
        for (var j = 0; j < n; j++) columnScale[j] = penalty is null ? -1f / p[j * n + j] : -penalty[j];
        ParallelLoop.For(n, threads, (s, e) =>
        {
            for (var i = s; i < e; i++)
            {
                var row = p.AsSpan(i * n, n);
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, columnScale, row);
                row[i] = 0;
            }
        }, ct);
    }
}
