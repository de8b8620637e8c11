namespace Encore.Data.Model;

/// <summary>The four kinds of catalogue entity (SPEC S4's hierarchy). Values are stored in snapshots.</summary>
public enum EntityLevel : byte
{
    Track = 0,
    Album = 1,
    Artist = 2,
    Genre = 3,
}
