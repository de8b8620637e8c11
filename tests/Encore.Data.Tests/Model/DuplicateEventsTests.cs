using Encore.Data.Model;

namespace Encore.Data.Tests.Model;

public sealed class DuplicateEventsTests
{
    [Fact]
    public void Build_RemoveDuplicateEvents_KeepsFirstOccurrencesInInputOrder()
    {
        var sut = new MusicDatasetBuilder("test") { RemoveDuplicateEvents = true };
        sut.Users.GetOrAdd("u");
        sut.Tracks.GetOrAdd("a");
        sut.Tracks.GetOrAdd("b");
        sut.Events.Add(0, 1, EventKind.Play, 10, 1, 2f);
        sut.Events.Add(0, 0, EventKind.Play, 11, 1);
        sut.Events.Add(0, 1, EventKind.Play, 10, 1, 2f);     // exact repeat of row 0
        sut.Events.Add(0, 1, EventKind.Play, 10, 1, 3f);     // differs in value: kept
        sut.Events.Add(0, 0, EventKind.Like, 11, 1);         // differs in kind: kept
        sut.Events.Add(0, 0, EventKind.Play, 11, 1);         // repeat of row 1

        var events = sut.Build().Events;

        Assert.Equal(2, sut.DuplicateEventsRemoved);
        Assert.Equal([1, 0, 1, 0], events.Items);
        Assert.Equal([2f, float.NaN, 3f, float.NaN], events.Values);
        Assert.Equal([EventKind.Play, EventKind.Play, EventKind.Play, EventKind.Like], events.Kinds);
    }

    [Fact]
    public void Build_WithoutRemoval_KeepsRepeats()
    {
        var sut = new MusicDatasetBuilder("test");
        sut.Users.GetOrAdd("u");
        sut.Tracks.GetOrAdd("a");
        sut.Events.Add(0, 0, EventKind.Play);
        sut.Events.Add(0, 0, EventKind.Play);
        Assert.Equal(2, sut.Build().Events.Count);
        Assert.Equal(0, sut.DuplicateEventsRemoved);
    }
}
