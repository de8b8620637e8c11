using Encore.Data.Import.Table;
using Encore.Data.Model;

namespace Encore.Data.Tests.Model;

/// <summary><see cref="EventKindText"/>: one spelling per kind, the one the event API takes, and the table importer reads it back.</summary>
public sealed class EventKindTextTests
{
    [Fact]
    public void Name_PlaylistAdd_IsTheApisSpelling()
    {
        // Session 15 field fault: encore stats printed "playlistadd" where the docs and the event API say "playlist-add".
        Assert.Equal("playlist-add", EventKindText.Name(EventKind.PlaylistAdd));
        Assert.Equal("buy-premium", EventKindText.Name(EventKind.BuyPremium));
    }

    [Fact]
    public void Name_EveryKind_ParsesBackToItself()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
            Assert.Equal(kind, EventKindNames.Parse(EventKindText.Name(kind)));
    }
}
