namespace Encore.Models.Hierarchy;

/// <summary>
/// The classifier input of SPEC S4: per candidate the <see cref="PairFeatures"/> (Bayesian + siblings fallback),
/// the four heuristic strategy scores, the flat ALS score, the ALS and adaptive scores z-scored within the
/// candidate's list (<see cref="BlockScores.ZScores"/>), and log(1 + N_track). One layout for evaluation,
/// training and serving, so a saved classifier always sees the columns it was trained on.
/// </summary>
public static class CandidateFeatureRows
{
    /// <summary>Columns after <see cref="PairFeatures.Names"/>.</summary>
    public static readonly string[] ExtraNames =
        ["max_genre_score", "weighted_score", "weighted_bayes_score", "adaptive_score", "als_flat", "als_flat_block_z", "adaptive_block_z", "log_track_ratings"];

    /// <summary>Every column name, in order.</summary>
    public static string[] Names => [.. PairFeatures.Names, .. ExtraNames];

    /// <summary>Number of columns.</summary>
    public static int Width => PairFeatures.Width + ExtraNames.Length;

    /// <summary>Row-major rows (count x <see cref="Width"/>) for candidates stored as consecutive lists of <paramref name="blockSize"/>.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths or a ragged last list.</exception>
    public static float[] Build(ReadOnlySpan<PairFeatures> features, ReadOnlySpan<double> maxGenre, ReadOnlySpan<double> weighted,
        ReadOnlySpan<double> weightedBayes, ReadOnlySpan<double> adaptive, ReadOnlySpan<double> als, ReadOnlySpan<int> tracks,
        LevelPriors priors, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(priors);
        var n = features.Length;
        if (maxGenre.Length != n || weighted.Length != n || weightedBayes.Length != n || adaptive.Length != n || als.Length != n || tracks.Length != n)
            throw new ArgumentException($"Every column needs {n} values.");
        var width = Width;
        var rows = new float[n * width];
        var alsZ = BlockScores.ZScores(als, blockSize);
        var adaptiveZ = BlockScores.ZScores(adaptive, blockSize);
        for (var i = 0; i < n; i++)
        {
            var row = rows.AsSpan(i * width, width);
            features[i].WriteTo(row);
            var k = PairFeatures.Width;
            row[k++] = (float)maxGenre[i];
            row[k++] = (float)weighted[i];
            row[k++] = (float)weightedBayes[i];
            row[k++] = (float)adaptive[i];
            row[k++] = (float)als[i];
            row[k++] = (float)alsZ[i];
            row[k++] = (float)adaptiveZ[i];
            row[k] = MathF.Log(1 + priors.RatingCount(HierarchyLevel.Track, tracks[i]));
        }
        return rows;
    }
}
