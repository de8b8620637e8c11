using Encore.Data.Import;
using Encore.Data.Snapshots;

namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of every importer through <c>encore import</c> (issue 12): each mutation kind of
/// <see cref="Mutations"/> hits a random file of a valid input, once strict and once lenient. The import
/// exits 0 (and then the snapshot reads and <c>stats</c> works) or 2 (and then nothing is written); never
/// another code, never raw runtime text.
/// </summary>
[Collection("console")]
public sealed class ImportFuzzTests() : TempFolderTest("encore-import-fuzz-")
{
    private const int MutationsPerFormat = 2 * Mutations.Count;

    [Fact]
    public void Fixtures_CoverEveryImporter()
    {
        Assert.Equal(ImporterCatalog.All.Select(i => i.Format).Order(), ImportFixture.All.Select(f => f.Format).Order());
    }

    [Theory]
    [MemberData(nameof(ImportFixture.Formats), MemberType = typeof(ImportFixture))]
    public async Task Import_ValidFixture_Imports(string format)
    {
        var fixture = ImportFixture.Of(format);
        var folder = Write(fixture, "valid");
        var output = Path.Combine(Dir, "valid-out");

        var result = await ConsoleCapture.RunAsync(Arguments(fixture, folder, output, strict: true));

        Assert.True(result.Code == ExitCodes.Ok, result.Error);
    }

    [Theory]
    [MemberData(nameof(ImportFixture.Formats), MemberType = typeof(ImportFixture))]
    public async Task Import_DamagedFile_ExitsOkOrBadDataAndLeavesNothingHalfWritten(string format)
    {
        var fixture = ImportFixture.Of(format);
        var random = new Random(Mutations.Seed(format));
        var names = fixture.Files.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var m = 0; m < MutationsPerFormat * Mutations.Rounds; m++)
        {
            var folder = Write(fixture, $"m{m}");
            var name = names[random.Next(names.Length)];
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, Mutations.Apply(File.ReadAllBytes(path), m, random, out var what));
            var strict = m % MutationsPerFormat < Mutations.Count;
            var output = Path.Combine(folder, "out");
            var context = $"{format} {name} {what} ({(strict ? "strict" : "lenient")})";

            var result = await ConsoleCapture.RunAsync(Arguments(fixture, folder, output, strict));

            CliOutcome.Check(result, [ExitCodes.Ok, ExitCodes.BadData], context);
            if (result.Code == ExitCodes.Ok)
            {
                _ = DatasetSnapshot.ReadManifest(output);
                CliOutcome.Check(await ConsoleCapture.RunAsync("stats", output), [ExitCodes.Ok], context + ", then stats");
            }
            else
            {
                CliOutcome.NothingHalfWritten(output, context);
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Write(ImportFixture fixture, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Dir, name)).FullName;
        foreach (var (file, text) in fixture.Files) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }

    private static string[] Arguments(ImportFixture fixture, string folder, string output, bool strict)
    {
        List<string> args = ["import", fixture.Format, Path.Combine(folder, fixture.Target), "-o", output];
        if (strict) args.Add("--strict");
        foreach (var setting in fixture.Settings) args.AddRange(["--set", setting]);
        return [.. args];
    }
}
