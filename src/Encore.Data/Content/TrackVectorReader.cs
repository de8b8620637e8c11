using Encore.Core.Errors;

namespace Encore.Data.Content;

/// <summary>
/// Reads track vectors by file extension: <c>.csv</c> / <c>.tsv</c> (id then one column per dimension),
/// <c>.parquet</c> (an id column plus one numeric column per dimension) or <c>.npy</c> (a 2-D float32 /
/// float64 array, with the ids one per line in a separate text file). Errors name file, line and field.
/// </summary>
public static class TrackVectorReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="idList"/> is required for NPY and ignored otherwise.</summary>
    /// <param name="path">Vector file.</param>
    /// <param name="idList">Text file with one track id per line (NPY only).</param>
    /// <param name="idColumn">Name of the id column (CSV with header / Parquet); null = the first column.</param>
    /// <exception cref="DataFormatException">Malformed file (the message names file, line and field).</exception>
    /// <exception cref="ArgumentException">Unknown extension, or NPY without an id list.</exception>
    public static TrackVectorFile Read(string path, string? idList = null, string? idColumn = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"vector file '{path}' does not exist.", path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => DelimitedVectorReader.Read(path, ',', idColumn),
            ".tsv" or ".txt" => DelimitedVectorReader.Read(path, '\t', idColumn),
            ".parquet" => ParquetVectorReader.Read(path, idColumn),
            ".npy" => NpyVectorReader.Read(path, idList ?? throw new ArgumentException("an .npy file holds no ids: give the id list file too (one track id per line, in row order).")),
            _ => throw new ArgumentException($"'{path}': unknown vector file type '{extension}'; expected .csv, .tsv, .parquet or .npy."),
        };
    }
}
