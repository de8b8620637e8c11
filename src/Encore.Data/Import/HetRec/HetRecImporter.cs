using Encore.Core.Errors;
using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.HetRec;

/// <summary>
/// Last.fm HetRec 2011 (hetrec2011-lastfm-2k): a folder of tab-separated .dat files with one header line.
/// Events are user-artist play counts (<see cref="MusicDataset.ItemLevel"/> = Artist, no timestamps);
/// artist names, tags (Latin-1 file; the tag text is the tag id), dated tag assignments and friendships come along.
/// </summary>
public sealed class HetRecImporter : IDatasetImporter
{
    public string Format => "hetrec";

    public string Description => "Last.fm HetRec 2011 folder: user_artists.dat, artists.dat, tags.dat, user_taggedartists[-timestamps].dat, user_friends.dat";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = ImportPaths.Files(paths);
        var listens = ImportPaths.Find(files, "user_artists.dat")
            ?? throw new DataFormatException(string.Join(", ", paths), 0, "", "no user_artists.dat found; expected the hetrec2011-lastfm-2k folder.");
        var builder = new MusicDatasetBuilder("hetrec: " + string.Join(", ", paths)) { ItemLevel = EntityLevel.Artist };
        var ctx = new HetRecContext(builder, options, report, progress, cancellationToken);

        if (ImportPaths.Find(files, "artists.dat") is { } artists) HetRecCatalogue.ReadArtists(ctx, artists);
        var tagIds = ImportPaths.Find(files, "tags.dat") is { } tags ? HetRecCatalogue.ReadTags(ctx, tags) : null;
        HetRecInteractions.ReadListens(ctx, listens);
        if (ImportPaths.Find(files, "user_taggedartists-timestamps.dat") is { } stamped)
            HetRecTagging.Read(ctx, stamped, tagIds, epochColumn: true);
        else if (ImportPaths.Find(files, "user_taggedartists.dat") is { } dated)
            HetRecTagging.Read(ctx, dated, tagIds, epochColumn: false);
        if (ImportPaths.Find(files, "user_friends.dat") is { } friends) HetRecInteractions.ReadFriends(ctx, friends);
        return builder.Build();
    }
}
