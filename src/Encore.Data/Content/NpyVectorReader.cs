using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Encore.Core.Errors;

namespace Encore.Data.Content;

/// <summary>
/// NumPy <c>.npy</c> (format versions 1-3): a C-order 2-D array of little-endian float32 (&lt;f4) or
/// float64 (&lt;f8), plus a text file with one id per row. Header layout per the NumPy format spec (NEP 1).
/// </summary>
internal static class NpyVectorReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static TrackVectorFile Read(string path, string idListPath)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic)) throw new DataFormatException(path, 0, "", "not an .npy file (magic bytes \\x93NUMPY missing).");
        var major = bytes[6];
        int headerLength, headerStart;
        if (major == 1) { headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)); headerStart = 10; }
        else if (major is 2 or 3) { headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)); headerStart = 12; }
        else throw new DataFormatException(path, 0, "version", $"unsupported .npy format version {major}.");
        if (headerStart + headerLength > bytes.Length) throw new DataFormatException(path, 0, "header", "truncated header.");
        var header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);
        var descr = Value(header, "descr", path);
        var fortran = Value(header, "fortran_order", path);
        var shape = Value(header, "shape", path);
        if (fortran.StartsWith("True", StringComparison.Ordinal)) throw new DataFormatException(path, 0, "fortran_order", "Fortran-order arrays are not supported; save with np.ascontiguousarray.");
        var width = descr.Trim('\'', '"') switch
        {
            "<f4" => 4,
            "<f8" => 8,
            var other => throw new DataFormatException(path, 0, "descr", $"expected little-endian float32 '<f4' or float64 '<f8', got {other}."),
        };
        var dims = shape.Trim('(', ')').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.Length != 2) throw new DataFormatException(path, 0, "shape", $"expected a 2-D array (rows, dimensions), got shape {shape}.");
        var rows = int.Parse(dims[0], CultureInfo.InvariantCulture);
        var columns = int.Parse(dims[1], CultureInfo.InvariantCulture);
        var dataStart = headerStart + headerLength;
        if (bytes.Length - dataStart < (long)rows * columns * width)
            throw new DataFormatException(path, 0, "data", $"file holds {bytes.Length - dataStart} data bytes, shape {rows} x {columns} of {width}-byte floats needs {(long)rows * columns * width}.");
        var ids = File.ReadAllLines(idListPath).Where(l => l.Length > 0).Select(l => l.Trim()).ToArray();
        if (ids.Length != rows) throw new DataFormatException(idListPath, 0, "", $"expected {rows} ids (the array's rows), got {ids.Length}.");
        var values = new float[rows * columns];
        var data = bytes.AsSpan(dataStart);
        for (var i = 0; i < values.Length; i++)
        {
            var v = width == 4 ? BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]) : (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
            if (!float.IsFinite(v)) throw new DataFormatException(path, 0, $"row {i / columns + 1}, column {i % columns + 1}", $"expected a finite number, got {v}.");
            values[i] = v;
        }
        return new TrackVectorFile(ids, columns, values);
    }

    // The header is a Python dict literal: {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
    private static string Value(string header, string key, string path)
    {
        var at = header.IndexOf($"'{key}'", StringComparison.Ordinal);
        if (at < 0) throw new DataFormatException(path, 0, key, "missing from the .npy header.");
        var colon = header.IndexOf(':', at);
        var rest = header[(colon + 1)..].TrimStart();
        var end = rest.StartsWith('(') ? rest.IndexOf(')', StringComparison.Ordinal) + 1 : rest.IndexOfAny([',', '}']);
        return rest[..end].Trim();
    }
}
