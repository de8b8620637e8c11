using System.Buffers.Binary;
using Encore.Core.Errors;

namespace Encore.Online.Store;

/// <summary>Bandit arrays as little-endian IEEE-754 blobs (BLOB in SQLite, bytea in PostgreSQL).</summary>
internal static class BanditBlobs
{
    public static byte[] Doubles(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        return bytes;
    }

    public static byte[] Floats(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    /// <exception cref="EncoreException">The blob is not <paramref name="count"/> doubles (a corrupt row).</exception>
    public static double[] ToDoubles(byte[] bytes, int count, string what)
    {
        if (bytes.Length != count * 8) throw new EncoreException($"stored bandit {what} has {bytes.Length} bytes, expected {count * 8} ({count} doubles): the bandit tables are corrupt.");
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8));
        return values;
    }

    /// <exception cref="EncoreException">The blob length is not a multiple of 4.</exception>
    public static float[] ToFloats(byte[] bytes, string what)
    {
        if (bytes.Length % 4 != 0) throw new EncoreException($"stored bandit {what} has {bytes.Length} bytes, not a whole number of floats: the bandit tables are corrupt.");
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values;
    }
}
