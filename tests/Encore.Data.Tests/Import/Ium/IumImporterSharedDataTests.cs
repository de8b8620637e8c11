using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Model;
using Encore.Tests.Shared;

namespace Encore.Data.Tests.Import.Ium;

public sealed class IumImporterSharedDataTests
{
    private static MusicDataset ImportEdition(string edition, ImportReport report) =>
        new IumImporter().Import([SharedData.Path(edition)], new ImportOptions { Mode = report.Mode }, report);

    [SharedDataFact]
    public void Import_Edition2023_MatchesProvenanceCounts()
    {
        var report = new ImportReport(ErrorMode.Strict);
        var data = ImportEdition("ium-pozytywka-2023-v2", report);

        Assert.Equal(19_348, report.Counts[IumRules.SessionRows]);
        Assert.Equal(10_229, report.Counts[IumRules.EventTypeCount + "play"]);
        Assert.Equal(3_761, report.Counts[IumRules.EventTypeCount + "skip"]);
        Assert.Equal(2_833, report.Counts[IumRules.EventTypeCount + "like"]);
        Assert.Equal(2_497, report.Counts[IumRules.EventTypeCount + "advertisement"]);
        Assert.Equal(28, report.Counts[IumRules.EventTypeCount + "buy_premium"]);
        Assert.Equal(2_497, report.Removed[IumRules.NonTrackEvent + "advertisement"]);
        Assert.Equal(28, report.Removed[IumRules.NonTrackEvent + "buy_premium"]);
        Assert.Empty(report.Faults);
        Assert.Equal(10_229 + 3_761 + 2_833, data.Events.Count);
        Assert.Equal(50, data.Users.Count);
        Assert.Equal(21_608, data.Tracks.Count);
        Assert.Equal(10_657, data.Artists.Count);
        // PROVENANCE's 4,961 distinct session track ids include "" (ads / premium rows): 4,960 real tracks.
        Assert.Equal(4_960, data.Events.Items.Distinct().Count());
        Assert.Equal(28, data.UserInfo.Premium.Count(p => p == 1));
        Assert.DoesNotContain("name", data.UserInfo.Attributes.Keys);
        Assert.Equal(50, data.UserInfo.Attributes["city"].Count(c => c is not null));
    }

    [SharedDataFact]
    public void Import_Edition2024Lenient_ReconcilesWithProvenance()
    {
        var report = new ImportReport(ErrorMode.Lenient);
        var data = ImportEdition("ium-pozytywka-2024-v1", report);

        // Null counts per field are exactly PROVENANCE's (a row may have several nulls).
        Assert.Equal(26_347, report.Counts[IumRules.SessionRows]);
        Assert.Equal(1_309, report.Counts[IumRules.RowsWithNull + "user_id"]);
        Assert.Equal(1_333, report.Counts[IumRules.RowsWithNull + "event_type"]);
        Assert.Equal(4_846, report.Counts[IumRules.RowsWithNull + "track_id"]);
        Assert.Equal(13_721, report.Counts[IumRules.EventTypeCount + "play"]);
        Assert.Equal(4_336, report.Counts[IumRules.EventTypeCount + "skip"]);
        Assert.Equal(3_417, report.Counts[IumRules.EventTypeCount + "like"]);
        Assert.Equal(3_540, report.Counts[IumRules.EventTypeCount + "advertisement"]);

        // One verdict per row, first rule that fires: user_id, then event_type, then track_id.
        Assert.Equal(1_309, report.Faults[IumRules.NullUser]);
        Assert.Equal(1_259, report.Faults[IumRules.NullEventType]);
        Assert.Equal(1_006, report.Faults[IumRules.NullTrack]);
        Assert.Equal(3_356, report.Removed[IumRules.NonTrackEvent + "advertisement"]);
        Assert.False(report.Faults.ContainsKey(IumRules.UnknownTrack));
        Assert.False(report.Faults.ContainsKey(IumRules.UnknownUser));
        Assert.False(report.Removed.ContainsKey(IumRules.DuplicateEvent));
        Assert.Equal(19_417, data.Events.Count);
        var sessionFaults = report.Faults.Where(f => f.Key.StartsWith("sessions:", StringComparison.Ordinal)).Sum(f => f.Value);
        var sessionRemovals = report.Removed.Where(f => f.Key.StartsWith("sessions:", StringComparison.Ordinal)).Sum(f => f.Value);
        Assert.Equal(26_347 - sessionFaults - sessionRemovals, data.Events.Count);
        Assert.Equal(report.Counts[IumRules.EventsKept], data.Events.Count);

        // artists.jsonl: 1,667 rows, 91 with the placeholder id -1 (PROVENANCE's "duplicates"), 1,576 real ids.
        Assert.Equal(1_667, report.Counts["artists: rows"]);
        Assert.Equal(91, report.Faults[IumRules.BadArtistId]);
        Assert.False(report.Removed.ContainsKey(IumRules.DuplicateArtist));
        Assert.Equal(76, report.Counts[IumRules.UndescribedArtists]);
        Assert.Equal(50, data.Users.Count);
        Assert.Equal(22_412, data.Tracks.Count);
        Assert.Equal(2, report.Counts["users: null favourite_genres"]);
        Assert.Equal(2, report.Counts["users: null premium_user"]);
    }

    [SharedDataFact]
    public void Import_Edition2024Strict_ThrowsAtFirstNullTrack()
    {
        var ex = Assert.Throws<DataFormatException>(() => ImportEdition("ium-pozytywka-2024-v1", new ImportReport(ErrorMode.Strict)));

        Assert.EndsWith("sessions.jsonl", ex.File, StringComparison.Ordinal);
        Assert.Equal(7, ex.Line);
        Assert.Equal("track_id", ex.Field);
        Assert.Contains("sessions.jsonl:7: field 'track_id'", ex.Message, StringComparison.Ordinal);
    }
}
