namespace Encore.Data.Import;

/// <summary>Every built-in importer, by the format name used on the command line.</summary>
public static class ImporterCatalog
{
    private static readonly IDatasetImporter[] Importers =
    [
        new Ium.IumImporter(),
        new Mpd.MpdImporter(),
        new KddCup.KddCupImporter(),
        new YahooR3.YahooR3Importer(),
        new HetRec.HetRecImporter(),
        new LastFm1K.LastFm1KImporter(),
        new Piki.PikiImporter(),
        new Table.TableImporter(),
    ];

    public static IReadOnlyList<IDatasetImporter> All => Importers;

    public static IDatasetImporter? Find(string format) =>
        Array.Find(Importers, i => string.Equals(i.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Refuses settings the importer does not read (matching ignores case), so that a typo such as
    /// <c>valu=count</c> does not import a table without its value column.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not one of <see cref="IDatasetImporter.SettingKeys"/>; the message names it and lists the valid keys.</exception>
    public static void CheckSettings(IDatasetImporter importer, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(settings);
        var keys = importer.SettingKeys;
        foreach (var key in settings.Keys)
        {
            if (keys.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            throw new ArgumentException(keys.Count == 0
                ? $"unknown setting '{key}': the {importer.Format} importer takes no --set settings."
                : $"unknown setting '{key}' for the {importer.Format} importer; valid settings: {string.Join(", ", keys)}.");
        }
    }
}
