namespace Encore.Data.Model;

/// <summary>
/// One track's catalogue attributes as importers produce them. Links are dense indices into the
/// dataset's id maps (<see cref="Missing.Id"/> when unknown).
/// </summary>
public sealed record TrackInfo
{
    public string? Title { get; init; }
    public int Artist { get; init; } = Missing.Id;
    public int Album { get; init; } = Missing.Id;
    public int[] Genres { get; init; } = [];
    public int DurationMs { get; init; } = -1;
    /// <summary>Release date as yyyymmdd with 00 for unknown month / day (2015 = 20150000); 0 = unknown.</summary>
    public int ReleaseDate { get; init; }
    public float Popularity { get; init; } = Missing.Value;
    public sbyte Explicit { get; init; } = Missing.Flag;
    /// <summary><see cref="AudioFeatures.Count"/> values (NaN = missing) or null.</summary>
    public float[]? Audio { get; init; }
    /// <summary>Dense embedding vector or null; all tracks of a dataset share one dimension.</summary>
    public float[]? Embedding { get; init; }
}
