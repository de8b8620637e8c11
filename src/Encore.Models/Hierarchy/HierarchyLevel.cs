namespace Encore.Models.Hierarchy;

/// <summary>The four kinds of rated entity in SPEC S4 (same numbering as the dataset's entity levels).</summary>
public enum HierarchyLevel : byte
{
    Track = 0,
    Album = 1,
    Artist = 2,
    Genre = 3,
}
