using System.Buffers.Binary;
using System.Security.Cryptography;
using Encore.Core.Errors;
using Encore.Models.Files;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// Seeded, bounded fuzzing of the model file format (issue 12 item 5): damaged headers, and damaged payloads
/// re-sealed with a valid checksum so that every model's own reader is exercised. Loading either succeeds or
/// throws <see cref="ModelFormatException"/> naming the file; nothing else, no raw runtime text.
/// </summary>
public sealed class ModelFileFuzzTests : IDisposable
{
    private const int MutationsPerModel = 60;

    private readonly string _dir = Directory.CreateTempSubdirectory("encore-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(FaultWorlds.AllModels), MemberType = typeof(FaultWorlds))]
    public void Load_DamagedFiles_FailOnlyAsCorruptModels(string model)
    {
        var path = Path.Combine(_dir, model + ".bin");
        ModelFile.Save(FaultWorlds.Train(model, FaultWorlds.DislikedFor(model)), path);
        AssertDamagedCopiesFailOnlyAsCorrupt(File.ReadAllBytes(path), new Random(1212 + model.Length), MutationsPerModel, _dir, model);
    }

    [Fact]
    public void Open_NameLengthNearIntMax_IsCorruptNotOverflow()
    {
        // The 19-byte file of issue 12: ENCOREMF, version 1, name length 0x7FFFFFFF, "als".
        var path = Path.Combine(_dir, "hostile.bin");
        File.WriteAllBytes(path, [.. "ENCOREMF"u8, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F, .. "als"u8]);

        var ex = Assert.Throws<ModelFormatException>(() => ModelLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes <paramref name="mutations"/> damaged copies of <paramref name="original"/> into <paramref name="dir"/> and
    /// loads each: it either loads or throws <see cref="ModelFormatException"/> naming the file, without raw runtime text.
    /// </summary>
    internal static void AssertDamagedCopiesFailOnlyAsCorrupt(byte[] original, Random random, int mutations, string dir, string label)
    {
        for (var m = 0; m < mutations; m++)
        {
            var damaged = Mutate(original, random, out var what);
            var target = Path.Combine(dir, $"{label}-{m}.bin");
            File.WriteAllBytes(target, damaged);
            try
            {
                _ = ModelLoader.Load(target);
            }
            catch (ModelFormatException ex)
            {
                Assert.Contains(target, ex.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("(Parameter '", ex.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("Actual value was", ex.Message, StringComparison.Ordinal);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{label}, mutation {m} ({what}): {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Rewrites the payload's SHA-256 after an edit, so the model's own reader sees the damage.</summary>
    internal static void Reseal(byte[] bytes)
    {
        var headerEnd = HeaderLength(bytes);
        var payloadLength = bytes.Length - headerEnd - 32;
        SHA256.HashData(bytes.AsSpan(headerEnd, payloadLength)).CopyTo(bytes.AsSpan(headerEnd + payloadLength));
    }

    internal static byte[] Mutate(byte[] original, Random random, out string what)
    {
        var bytes = (byte[])original.Clone();
        var headerEnd = HeaderLength(bytes);
        switch (random.Next(6))
        {
            case 0:
                what = "truncated";
                return bytes[..random.Next(bytes.Length)];
            case 1:
                what = "header byte";
                bytes[random.Next(headerEnd)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 2:
                what = "header length set to an extreme";
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), random.Next(2) == 0 ? int.MaxValue : int.MinValue + random.Next(100));
                return bytes;
            default:
                what = "payload int set to an extreme, re-sealed";
                var payloadLength = bytes.Length - headerEnd - 32;
                if (payloadLength < 4) return bytes;
                var at = headerEnd + random.Next(payloadLength - 3);
                int[] extremes = [int.MaxValue, int.MinValue, -1, 0, 1 << 30, random.Next()];
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), extremes[random.Next(extremes.Length)]);
                Reseal(bytes);
                return bytes;
        }
    }

    // magic (8) + version (4) + name length (4) + name + payload length (8)
    private static int HeaderLength(byte[] bytes) => 16 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)) + 8;
}
