using Encore.Data.Model;

namespace Encore.Online.Feedback;

/// <summary>The event kinds the service accepts and their spelling on the wire.</summary>
public static class FeedbackKinds
{
    private static readonly Dictionary<string, EventKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["play"] = EventKind.Play,
        ["like"] = EventKind.Like,
        ["dislike"] = EventKind.Dislike,
        ["skip"] = EventKind.Skip,
        ["rating"] = EventKind.Rating,
        ["playlist-add"] = EventKind.PlaylistAdd,
    };

    /// <summary>The accepted names, for error messages and documentation.</summary>
    public static string Names => string.Join(", ", ByName.Keys);

    public static bool TryParse(string? name, out EventKind kind)
    {
        kind = default;
        return name is not null && ByName.TryGetValue(name, out kind);
    }

    /// <summary>The kind's spelling on the wire (<see cref="EventKindText.Name"/>).</summary>
    public static string NameOf(EventKind kind) => EventKindText.Name(kind);
}
