using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Implicit ALS (Hu, Koren, Volinsky 2008) over the ratings, used by SPEC S4 for the learned fallback, as a
/// classifier feature and for the per-level blends. <see cref="FitFlat"/> puts every level into one id space
/// (tracks, then albums, artists, genres) as in KDD Cup 2011; <see cref="FitLevel"/> uses one level only.
/// Values are rating / 100 (so c = 1 + alpha r). Scores are dot products, not ratings.
/// </summary>
public sealed class CollaborativeScores
{
    private readonly AlsModel _model;
    private readonly HierarchyCatalogue _catalogue;
    private readonly HierarchyLevel? _level;

    private CollaborativeScores(AlsModel model, HierarchyCatalogue catalogue, HierarchyLevel? level)
    {
        _model = model;
        _catalogue = catalogue;
        _level = level;
    }

    /// <summary>Writes the flat model's ALS payload (model files); only the flat id space is saved.</summary>
    /// <exception cref="InvalidOperationException">This is a per-level model.</exception>
    internal void Write(Files.ModelWriter writer)
    {
        if (_level is not null) throw new InvalidOperationException("only the flat collaborative model is saved in a hierarchy model.");
        _model.WritePayload(writer);
    }

    /// <summary>Reads a flat model written by <see cref="Write"/>.</summary>
    /// <exception cref="Core.Errors.ModelFormatException">The ALS item space does not cover the four levels of <paramref name="catalogue"/>.</exception>
    internal static CollaborativeScores ReadFlat(Files.ModelReader reader, HierarchyCatalogue catalogue, int userCount)
    {
        var model = AlsModel.Read(reader);
        var items = catalogue.TrackCount + catalogue.AlbumCount + catalogue.ArtistCount + catalogue.GenreCount;
        if (model.Items.Count != items || model.Users.Count != userCount)
            throw new Core.Errors.ModelFormatException($"hierarchy model: the flat ALS model is {model.Users.Count} x {model.Items.Count}, expected {userCount} x {items}.");
        return new CollaborativeScores(model, catalogue, null);
    }

    /// <summary>The level this model covers, or null for the flat id space.</summary>
    public HierarchyLevel? Level => _level;

    /// <summary>ALS over the flat id space of all four levels.</summary>
    public static CollaborativeScores FitFlat(HierarchyCatalogue catalogue, HierarchyRatings ratings, AlsOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ratings);
        var offsets = new int[5];
        for (var l = 0; l < 4; l++) offsets[l + 1] = offsets[l] + catalogue.Count((HierarchyLevel)l);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var l = 0; l < 4; l++)
        {
            var m = ratings.At((HierarchyLevel)l);
            for (var u = 0; u < m.Rows; u++)
            {
                var idx = m.RowIndices(u);
                var v = m.RowValues(u);
                for (var j = 0; j < idx.Length; j++) { rows.Add(u); cols.Add(offsets[l] + idx[j]); vals.Add(v[j] / 100f); }
            }
        }
        var matrix = CsrMatrix.FromTriples(ratings.UserCount, offsets[4], [.. rows], [.. cols], [.. vals]);
        return new CollaborativeScores(new AlsTrainer(options).Fit(TrainingData.FromMatrix(matrix), null, ct), catalogue, null);
    }

    /// <summary>ALS over one level's ratings only.</summary>
    public static CollaborativeScores FitLevel(HierarchyCatalogue catalogue, HierarchyRatings ratings, HierarchyLevel level, AlsOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(ratings);
        var matrix = ratings.At(level).MapValues(v => v / 100f);
        return new CollaborativeScores(new AlsTrainer(options).Fit(TrainingData.FromMatrix(matrix), null, ct), catalogue, level);
    }

    /// <summary>
    /// The score of (user, track): the track's own column for the flat and track models; its album's, its
    /// artist's, or the mean over its genres' for the level models; NaN when the track has no link at that level.
    /// </summary>
    public float Score(int user, int track)
    {
        Span<float> one = stackalloc float[1];
        switch (_level)
        {
            case null or HierarchyLevel.Track:
                _model.Score(user, [track], one);
                return one[0];
            case HierarchyLevel.Album or HierarchyLevel.Artist:
                var target = _level == HierarchyLevel.Album ? _catalogue.TrackAlbums[track] : _catalogue.TrackArtists[track];
                if (target < 0) return float.NaN;
                _model.Score(user, [target], one);
                return one[0];
            default:
                var genres = _catalogue.Genres(track);
                if (genres.Length == 0) return float.NaN;
                Span<float> scores = genres.Length <= 64 ? stackalloc float[genres.Length] : new float[genres.Length];
                _model.Score(user, genres, scores);
                var sum = 0f;
                foreach (var s in scores) sum += s;
                return sum / genres.Length;
        }
    }
}
