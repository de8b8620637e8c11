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
}
