using System.Globalization;
using Encore.Core.Randomness;

namespace Encore.Evaluation.Tuning;

/// <summary>How one setting is drawn: log-uniform or uniform between bounds (rounded for integers), or one of a list.</summary>
public enum DimensionKind
{
    LogUniform,
    Uniform,
    IntLogUniform,
    Choice,
}

/// <summary>One tunable setting of a model (its catalogue key) and its range.</summary>
public sealed record SearchDimension(string Key, DimensionKind Kind, double Min = 0, double Max = 0, IReadOnlyList<string>? Choices = null)
{
    /// <summary>A value drawn with <paramref name="rng"/>, formatted as the catalogue parses it.</summary>
    public string Draw(ref Rng rng)
    {
        var u = rng.NextDouble();
        return Kind switch
        {
            DimensionKind.LogUniform => Format(Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min)))),
            DimensionKind.Uniform => Format(Min + u * (Max - Min)),
            DimensionKind.IntLogUniform => ((int)Math.Round(Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))))).ToString(CultureInfo.InvariantCulture),
            DimensionKind.Choice => Choices![Math.Min(Choices.Count - 1, (int)(u * Choices.Count))],
            _ => throw new InvalidOperationException($"unknown dimension kind {Kind}"),
        };
    }

    // Three significant digits: settings files stay readable and equal draws compare equal.
    private static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}

/// <summary>
/// A model's search space: the dimensions drawn at random, and for iterative models the fidelity setting (iterations)
/// that successive halving lowers for early rungs.
/// </summary>
/// <param name="Model">Catalogue name.</param>
/// <param name="Dimensions">What is drawn.</param>
/// <param name="FidelityKey">Setting that sets the effort (e.g. "iterations"), or null for closed-form models.</param>
/// <param name="FullFidelity">Its value in a full trial.</param>
public sealed record SearchSpace(string Model, IReadOnlyList<SearchDimension> Dimensions, string? FidelityKey = null, int FullFidelity = 0)
{
    /// <value>
    /// The setting that sizes the model, for the one-standard-error rule (factors, neighbours, lambda), or null. Lower values
    /// are simpler unless <see cref="SimplerWhenHigher"/>.
    /// </value>
    public string? ComplexityKey { get; init; }

    /// <value>True when a higher <see cref="ComplexityKey"/> is the simpler model (a ridge penalty such as EASE's lambda).</value>
    public bool SimplerWhenHigher { get; init; }

    /// <summary>
    /// The complexity of a trial from its recorded parameters (lower is simpler); NaN when the space has no complexity key or
    /// the parameter is absent or not a number (such settings are never preferred as simpler).
    /// </summary>
    public double Complexity(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (ComplexityKey is null) return double.NaN;
        var value = parameters.FirstOrDefault(kv => string.Equals(kv.Key, ComplexityKey, StringComparison.OrdinalIgnoreCase)).Value;
        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return double.NaN;
        return SimplerWhenHigher ? -v : v;
    }

    /// <summary>The built-in ranges (docs/tune.md), chosen around what worked on play-count data; unknown models have none.</summary>
    public static SearchSpace For(string model) => model.ToLowerInvariant() switch
    {
        "als" => new(model,
        [
            new("factors", DimensionKind.Choice, Choices: ["32", "64", "128", "192", "256"]),
            new("regularization", DimensionKind.LogUniform, 1, 300),
            new("alpha", DimensionKind.LogUniform, 0.3, 30),
            // Rendle et al. (2021): each row's penalty scaled by ((n_r + 1) / (mean n + 1))^nu; 0 is plain ALS.
            new("frequency-scaling", DimensionKind.Uniform, 0, 1),
        ], "iterations", 15)
        { ComplexityKey = "factors" },
        "bpr" => new(model,
        [
            new("factors", DimensionKind.Choice, Choices: ["32", "64", "128"]),
            new("learning-rate", DimensionKind.LogUniform, 0.005, 0.2),
            new("regularization", DimensionKind.LogUniform, 0.0001, 0.1),
        ], "iterations", 100)
        { ComplexityKey = "factors" },
        "warp" => new(model,
        [
            new("factors", DimensionKind.Choice, Choices: ["32", "64", "128", "192"]),
            new("learning-rate", DimensionKind.LogUniform, 0.01, 0.2),
            new("regularization", DimensionKind.LogUniform, 0.00001, 0.1),
            new("max-sampled", DimensionKind.IntLogUniform, 5, 200),
            new("weighting", DimensionKind.Choice, Choices: ["binary", "value"]),
        ], "iterations", 30)
        { ComplexityKey = "factors" },
        "vae" => new(model,
        [
            new("kind", DimensionKind.Choice, Choices: ["vae", "dae"]),
            new("hidden", DimensionKind.Choice, Choices: ["200", "600"]),
            new("latent", DimensionKind.Choice, Choices: ["50", "100", "200"]),
            new("dropout", DimensionKind.Uniform, 0.2, 0.7),
            new("beta", DimensionKind.Uniform, 0.05, 0.5),
            new("learning-rate", DimensionKind.LogUniform, 0.0003, 0.003),
            new("batch-size", DimensionKind.Choice, Choices: ["100", "250", "500"]),
        ], "epochs", 100)
        { ComplexityKey = "hidden" },
        "item-knn" or "user-knn" => new(model,
        [
            new("neighbours", DimensionKind.IntLogUniform, 10, 3000),
            new("shrink", DimensionKind.Uniform, 0, 50),
            new("similarity", DimensionKind.Choice, Choices: ["cosine", "bm25", "tfidf"]),
        ])
        { ComplexityKey = "neighbours" },
        // Dropout and the free diagonal: Steck 2020's EDLAE / DLAE (docs/models-ease.md); on HetRec's validation carve DLAE at
        // lambda 2000, p 0.35 beat the tuned EASE by 0.011 (bench/results/quality-hetrec.md section 18.1).
        "ease" => new(model,
        [
            new("lambda", DimensionKind.LogUniform, 10, 5000),
            new("dropout", DimensionKind.Uniform, 0, 0.6),
            new("zero-diagonal", DimensionKind.Choice, Choices: ["true", "false"]),
        ])
        { ComplexityKey = "lambda", SimplerWhenHigher = true },
        "rp3beta" => new(model,
        [
            new("alpha", DimensionKind.Uniform, 0.3, 1.5),
            new("beta", DimensionKind.Uniform, 0, 1),
            new("neighbours", DimensionKind.IntLogUniform, 20, 2000),
        ])
        { ComplexityKey = "neighbours" },
        "friends" => new(model,
        [
            new("weighting", DimensionKind.Choice, Choices: ["binary", "log1p", "value"]),
            new("taste", DimensionKind.Uniform, 0, 2),
            new("second-degree", DimensionKind.Uniform, 0, 0.7),
            new("popularity-weight", DimensionKind.LogUniform, 0.001, 1),
        ]),
        "lmf" => new(model,
        [
            new("factors", DimensionKind.Choice, Choices: ["16", "32", "64"]),
            new("learning-rate", DimensionKind.LogUniform, 0.1, 3),
            new("regularization", DimensionKind.LogUniform, 0.1, 10),
        ], "iterations", 30)
        { ComplexityKey = "factors" },
        _ => new(model, []),
    };

    /// <summary>One setting drawn with <paramref name="rng"/> (keys in dimension order).</summary>
    public Dictionary<string, string> Draw(ref Rng rng)
    {
        var setting = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in Dimensions) setting[d.Key] = d.Draw(ref rng);
        return setting;
    }
}
