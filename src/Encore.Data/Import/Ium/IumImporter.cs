using Encore.Data.Model;

namespace Encore.Data.Import.Ium;

/// <summary>
/// Imports the IUM "Pozytywka" JSON Lines logs (2023 and 2024 editions): users, tracks, listening sessions
/// and artists. Reading order is users, tracks, sessions, artists: events are checked against the first two,
/// and artist names only decorate the catalogue, so a strict import reports faults of the event log first.
/// See docs/import-ium.md for the field mapping and the fault / removal rules.
/// </summary>
public sealed class IumImporter : IDatasetImporter
{
    public string Format => "ium";

    public string Description =>
        "IUM 'Pozytywka' logs: a folder (or files) with users.jsonl, tracks.jsonl, sessions.jsonl (or sessions_user_<id>.jsonl) and artists.jsonl, optionally .gz.";

    public MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = IumInputFiles.Resolve(paths);
        var data = new MusicDatasetBuilder($"ium: {string.Join(", ", paths)}") { RemoveDuplicateEvents = true };
        foreach (var ignored in files.Ignored) report.Count($"ignored file: {Path.GetFileName(ignored)}");

        new IumUserReader(data, report).Read(files.Users, options, progress, cancellationToken);
        new IumTrackReader(data, report).Read(files.Tracks, options, progress, cancellationToken);
        var sessions = new IumSessionReader(data, report);
        foreach (var file in files.Sessions) sessions.Read(file, options, progress, cancellationToken);
        sessions.Finish();
        if (files.Artists is null) report.Warn("no artists.jsonl: artists are known only by id.");
        else new IumArtistReader(data, report).Read(files.Artists, options, progress, cancellationToken);

        CountUndescribedArtists(data, report);
        var dataset = data.Build();
        if (data.DuplicateEventsRemoved > 0)
        {
            report.Remove(IumRules.DuplicateEvent, data.DuplicateEventsRemoved);
            report.Count(IumRules.EventsKept, -data.DuplicateEventsRemoved); // kept was counted before the bulk removal
        }
        return dataset;
    }

    private static void CountUndescribedArtists(MusicDatasetBuilder data, ImportReport report)
    {
        var missing = 0;
        for (var i = 0; i < data.Artists.Count; i++)
            if (!data.ArtistInfo.Has(i)) missing++;
        if (missing == 0) return;
        report.Count(IumRules.UndescribedArtists, missing);
        report.Warn($"{missing:N0} artist ids used by tracks.jsonl have no row in artists.jsonl; they are kept without name or genres.");
    }
}
