namespace Encore.Data.Model;

/// <summary>What a listener did. Values are stable: they are stored in snapshots.</summary>
public enum EventKind : byte
{
    Play = 0,
    Like = 1,
    Dislike = 2,
    Skip = 3,
    Rating = 4,
    PlaylistAdd = 5,
    Advertisement = 6,
    BuyPremium = 7,
    /// <summary>A kind the importer did not recognise; the import report names the original spelling.</summary>
    Other = 255,
}
