using System.Buffers.Binary;
using System.Text;

namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of the files Encore reads besides source datasets (issue 12): a damaged dataset
/// snapshot read by <c>stats</c> and <c>train</c> (exit 0, 2 or 3, no model file written on failure), a
/// damaged model file read by <c>recommend</c> (0 or 3), a damaged <c>--settings</c> file (0, 1 or 2), and
/// damaged embedding files, CSV and NPY + ids (0 or 2, no snapshot written on failure). Never another code,
/// never raw runtime text.
/// </summary>
[Collection("console")]
public sealed class StoredFileFuzzTests() : TempFolderTest("encore-file-fuzz-")
{
    private const int Mutations = Fuzz.Mutations.Count;

    [Fact]
    public async Task StatsAndTrain_DamagedSnapshotFile_ExitOkBadDataOrCorrupt()
    {
        var good = await ImportAsync("ds");
        var files = Directory.GetFiles(good).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(1203);
        for (var m = 0; m < 2 * Mutations * Fuzz.Mutations.Rounds; m++)
        {
            var copy = Copy(good, $"ds{m}");
            var name = files[random.Next(files.Length)]!;
            var path = Path.Combine(copy, name);
            File.WriteAllBytes(path, Fuzz.Mutations.Apply(File.ReadAllBytes(path), m, random, out var what));
            var context = $"snapshot {name} {what}";
            var model = Path.Combine(Dir, $"m{m}.bin");

            CliOutcome.Check(await ConsoleCapture.RunAsync("stats", copy), [ExitCodes.Ok, ExitCodes.BadData, ExitCodes.BadModelFile], context + ", stats");
            var train = await ConsoleCapture.RunAsync("train", copy, "--model", "popularity", "-o", model);
            CliOutcome.Check(train, [ExitCodes.Ok, ExitCodes.BadData, ExitCodes.BadModelFile], context + ", train");
            if (train.Code != ExitCodes.Ok) CliOutcome.NothingHalfWritten(model, context + ", train");
        }
    }

    [Fact]
    public async Task Recommend_DamagedModelFile_ExitsOkOrCorrupt()
    {
        var ds = await ImportAsync("ds");
        var good = Path.Combine(Dir, "item-knn.bin");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("train", ds, "--model", "item-knn", "-o", good)).Code);
        var original = File.ReadAllBytes(good);
        var random = new Random(1205);
        for (var m = 0; m < Mutations * Fuzz.Mutations.Rounds; m++)
        {
            var path = Path.Combine(Dir, $"damaged-{m}.bin");
            File.WriteAllBytes(path, Fuzz.Mutations.Apply(original, m, random, out var what));

            var result = await ConsoleCapture.RunAsync("recommend", path, "--user", "u1", "-k", "3");

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.BadModelFile], $"model file {what}");
            if (result.Code == ExitCodes.BadModelFile) Assert.Contains(path, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Train_DamagedSettingsFile_ExitsOkBadCommandLineOrBadData()
    {
        var ds = await ImportAsync("ds");
        var original = Encoding.UTF8.GetBytes("# written by encore tune\n[als]\nfactors = 4\niterations = 2\nregularization = 0.5\n\n[data]\nconfidence = none\n");
        var random = new Random(1207);
        for (var m = 0; m < 2 * Mutations * Fuzz.Mutations.Rounds; m++)
        {
            var settings = Path.Combine(Dir, $"tuned-{m}.ini");
            File.WriteAllBytes(settings, Fuzz.Mutations.Apply(original, m, random, out var what));
            var model = Path.Combine(Dir, $"s{m}.bin");

            var result = await ConsoleCapture.RunAsync("train", ds, "--model", "als", "--settings", settings, "--threads", "1", "-o", model);

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.Usage, ExitCodes.BadData], $"settings file {what}");
            if (result.Code != ExitCodes.Ok) CliOutcome.NothingHalfWritten(model, $"settings file {what}");
        }
    }

    [Fact]
    public async Task ImportEmbeddings_DamagedCsv_ExitsOkOrBadData()
    {
        var ds = await ImportAsync("ds");
        var original = Encoding.UTF8.GetBytes("id,d0,d1,d2\nt1,0.1,0.2,0.3\nt2,-1.5,2e-3,4\nt3,0,0,1\n");
        var random = new Random(1209);
        for (var m = 0; m < 2 * Mutations * Fuzz.Mutations.Rounds; m++)
        {
            var csv = Path.Combine(Dir, $"vectors-{m}.csv");
            File.WriteAllBytes(csv, Fuzz.Mutations.Apply(original, m, random, out var what));
            var output = Path.Combine(Dir, $"emb-{m}");

            var result = await ConsoleCapture.RunAsync("import", "embeddings", csv, "--dataset", ds, "-o", output);

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.BadData], $"embeddings csv {what}");
            if (result.Code != ExitCodes.Ok) CliOutcome.NothingHalfWritten(output, $"embeddings csv {what}");
        }
    }

    [Fact]
    public async Task ImportEmbeddings_DamagedNpyOrIds_ExitsOkOrBadData()
    {
        var ds = await ImportAsync("ds");
        var npy = Npy(3, 2, [0.1f, 0.2f, 0.3f, 0.4f, -1f, 2f]);
        var ids = Encoding.UTF8.GetBytes("t1\nt2\nt3\n");
        var random = new Random(1211);
        for (var m = 0; m < 2 * Mutations * Fuzz.Mutations.Rounds; m++)
        {
            var damageIds = m % (2 * Mutations) >= Mutations;
            var vectors = Path.Combine(Dir, $"v-{m}.npy");
            var list = Path.Combine(Dir, $"ids-{m}.txt");
            var damaged = Fuzz.Mutations.Apply(damageIds ? ids : npy, m, random, out var damage);
            File.WriteAllBytes(vectors, damageIds ? npy : damaged);
            File.WriteAllBytes(list, damageIds ? damaged : ids);
            var what = $"{(damageIds ? "ids" : "npy")}: {damage}";
            var output = Path.Combine(Dir, $"npy-{m}");

            var result = await ConsoleCapture.RunAsync("import", "embeddings", vectors, list, "--dataset", ds, "-o", output);

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.BadData], what);
            if (result.Code != ExitCodes.Ok) CliOutcome.NothingHalfWritten(output, what);
        }
    }

    private async Task<string> ImportAsync(string name)
    {
        var fixture = ImportFixture.Of("table");
        var csv = Path.Combine(Dir, name + ".csv");
        File.WriteAllText(csv, fixture.Files[fixture.Target]);
        var output = Path.Combine(Dir, name);
        List<string> args = ["import", "table", csv, "-o", output];
        foreach (var s in fixture.Settings) args.AddRange(["--set", s]);
        var (code, _, error) = await ConsoleCapture.RunAsync([.. args]);
        Assert.True(code == ExitCodes.Ok, error);
        return output;
    }

    private string Copy(string folder, string name)
    {
        var copy = Directory.CreateDirectory(Path.Combine(Dir, name)).FullName;
        foreach (var file in Directory.GetFiles(folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    // NumPy format 1.0: magic, version, little-endian header length, a dict padded with spaces to 64 bytes, then C-order <f4 data.
    private static byte[] Npy(int rows, int columns, float[] values)
    {
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        var header = dict.PadRight(dict.Length + ((64 - ((10 + dict.Length + 1) % 64)) % 64)) + "\n";
        var bytes = new List<byte>([0x93, .. "NUMPY"u8, 1, 0, 0, 0]);
        BinaryPrimitives.WriteUInt16LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes).Slice(8, 2), (ushort)header.Length);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        foreach (var v in values)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(b, v);
            bytes.AddRange(b);
        }
        return [.. bytes];
    }
}
