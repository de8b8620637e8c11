using Encore.Core.Errors;
using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>
/// Maps aggregated scores s (users x items) to the values models train on. The structure (which pairs are
/// stored) never changes. Every transform maps only positive totals: a total s &lt;= 0 (a skip kept as 0, a
/// net dislike) is passed through unchanged, so it stays "seen, no positive signal" for every model.
/// Formulas and the BM25 / TF-IDF axis convention: docs/aggregation.md.
/// </summary>
public abstract class ConfidenceTransform
{
    private protected ConfidenceTransform() { }

    /// <summary>
    /// Chosen from the data: none or log1p by the distribution of the values (<see cref="ConfidenceChoice.Choose"/>).
    /// Resolve it with <see cref="ConfidenceChoice.Resolve"/> to learn and record which one was used.
    /// </summary>
    public static ConfidenceTransform Auto { get; } = new AutoConfidenceTransform();

    /// <summary>The raw scores, unchanged.</summary>
    public static ConfidenceTransform None { get; } = new ElementwiseTransform("none", static s => s);

    /// <summary>ln(1 + s): what the tuned peers fed implicit ALS on HetRec play counts.</summary>
    public static ConfidenceTransform LogPlusOne { get; } = new ElementwiseTransform("log1p", static s => (float)Math.Log(1.0 + Math.Max(s, 0f)));

    /// <summary>TF-IDF with items as documents and users as terms: sqrt(s) * idf(user).</summary>
    public static ConfidenceTransform TfIdf { get; } = new TfIdfTransform();

    /// <summary>c = 1 + alpha * s (Hu, Koren, Volinsky).</summary>
    public static ConfidenceTransform Linear(double alpha)
    {
        Guard.NonNegative(alpha);
        return new ElementwiseTransform(FormattableString.Invariant($"linear(alpha={alpha})"), s => (float)(1.0 + alpha * s));
    }

    /// <summary>c = 1 + alpha * ln(1 + s / eps) (SPEC S1; defaults alpha 40, eps 1e-8).</summary>
    public static ConfidenceTransform Log(double alpha = 40, double eps = 1e-8)
    {
        Guard.NonNegative(alpha);
        Guard.Positive(eps);
        return new ElementwiseTransform(FormattableString.Invariant($"log(alpha={alpha}, eps={eps})"),
            s => (float)(1.0 + alpha * Math.Log(1.0 + Math.Max(s, 0f) / eps)));
    }

    /// <summary>Okapi BM25 with items as documents and users as terms (defaults K1 1.2, B 0.75).</summary>
    public static ConfidenceTransform Bm25(double k1 = 1.2, double b = 0.75)
    {
        Guard.NonNegative(k1);
        Guard.InRange(b, 0.0, 1.0);
        return new Bm25Transform(k1, b);
    }

    /// <summary>A short name with parameters, for reports and model metadata.</summary>
    public abstract string Name { get; }

    /// <summary>The transformed copy of a users x items score matrix.</summary>
    public abstract CsrMatrix Apply(CsrMatrix scores);

    public override string ToString() => Name;
}
