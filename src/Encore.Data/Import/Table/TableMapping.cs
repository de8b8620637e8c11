using Encore.Core.Errors;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.Table;

/// <summary>
/// The column mapping of a generic interaction table, read from <see cref="ImportOptions.Settings"/>:
/// user=, item=, value=, time=, time-unit=s|ms, kind=, kind-default=, session=, delimiter=, header=, level=.
/// </summary>
internal sealed record TableMapping
{
    public required string User { get; init; }
    public required string Item { get; init; }
    public string? Value { get; init; }
    public string? Time { get; init; }
    /// <summary>null = ISO-8601 text; false = epoch seconds; true = epoch milliseconds.</summary>
    public bool? EpochMilliseconds { get; init; }
    public string? Kind { get; init; }
    public EventKind KindDefault { get; init; } = EventKind.Play;
    public string? Session { get; init; }
    public byte? Delimiter { get; init; }
    public bool Header { get; init; } = true;
    public EntityLevel Level { get; init; } = EntityLevel.Track;

    /// <summary>Every setting <see cref="From"/> reads.</summary>
    public static readonly string[] Keys = ["user", "item", "value", "time", "time-unit", "kind", "kind-default", "session", "delimiter", "header", "level"];

    /// <summary>The mapping the settings give.</summary>
    /// <exception cref="ArgumentException">user or item not set, or a setting's value not one it takes (a command-line mistake: exit code 1).</exception>
    public static TableMapping From(ImportOptions options)
    {
        string Required(string name) => options.Setting(name) is { Length: > 0 } v ? v
            : throw new ArgumentException($"the table importer needs a column mapping: add --set {name}=<column> (e.g. --set user=user_id --set item=track_id).");
        var delimiterText = options.Setting("delimiter");
        var delimiter = Delimiters.Parse(delimiterText);
        if (delimiterText is { Length: > 0 } && delimiter is null)
            throw new ArgumentException($"--set delimiter: expected ',', 'tab', ';', '|', ':' or 'space', found '{delimiterText}'" +
                (delimiterText.Trim() == "::" ? $"; {Delimiters.DoubleColonRecipe}." : "."));
        return new TableMapping
        {
            User = Required("user"),
            Item = Required("item"),
            Value = Optional(options, "value"),
            Time = Optional(options, "time"),
            EpochMilliseconds = Optional(options, "time-unit")?.ToUpperInvariant() switch
            {
                null => null,
                "S" or "SECONDS" => false,
                "MS" or "MILLISECONDS" => true,
                var other => throw new ArgumentException($"--set time-unit: expected s or ms, found '{other}'."),
            },
            Kind = Optional(options, "kind"),
            KindDefault = Optional(options, "kind-default") is { } k ? EventKindNames.Parse(k) : EventKind.Play,
            Session = Optional(options, "session"),
            Delimiter = delimiter,
            Header = Optional(options, "header")?.ToUpperInvariant() switch
            {
                null or "TRUE" or "YES" or "1" => true,
                "FALSE" or "NO" or "0" => false,
                var other => throw new ArgumentException($"--set header: expected true or false, found '{other}'."),
            },
            Level = Optional(options, "level")?.ToUpperInvariant() switch
            {
                null or "TRACK" => EntityLevel.Track,
                "ARTIST" => EntityLevel.Artist,
                "ALBUM" => EntityLevel.Album,
                "GENRE" => EntityLevel.Genre,
                var other => throw new ArgumentException($"--set level: expected track, album, artist or genre, found '{other}'."),
            },
        };
    }

    private static string? Optional(ImportOptions options, string name) => options.Setting(name) is { Length: > 0 } v ? v.Trim() : null;
}
