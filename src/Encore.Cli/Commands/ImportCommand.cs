using System.CommandLine;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Data.Import;
using Encore.Data.Import.Common;
using Encore.Data.Snapshots;

namespace Encore.Cli.Commands;

/// <summary><c>encore import &lt;format&gt; &lt;paths...&gt; -o &lt;dataset&gt;</c>: any source format into a dataset snapshot.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var formats = string.Join(", ", ImporterCatalog.All.Select(i => i.Format));
        var format = new Argument<string>("format") { Description = $"Source format: {formats}." };
        var paths = new Argument<string[]>("paths") { Description = "Input files or folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Dataset snapshot folder to write.", Required = true };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row (default: skip bad rows and report them)." };
        var settings = new Option<string[]>("--set") { Description = "Format setting key=value (e.g. user=uid item=song delimiter=tab); repeatable.", AllowMultipleArgumentsPerToken = true };
        var into = new Option<string?>("--dataset") { Description = "embeddings only: the snapshot whose tracks receive the vectors." };
        var force = new Option<bool>("--force", "--overwrite") { Description = "Replace an existing output folder that holds a different snapshot (or is not a snapshot). Without it such an import refuses (exit 1) and changes nothing." };
        var command = new Command("import", "Import a source dataset into an Encore dataset snapshot (Parquet tables + manifest).")
        {
            format, paths, output, strict, settings, into, force,
        };
        foreach (var importer in ImporterCatalog.All) command.Description += $"\n  {importer.Format,-10} {importer.Description}";
        command.Description += $"\n  {ImportEmbeddings.Format,-10} {ImportEmbeddings.Description}";
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(
            string.Equals(parse.GetValue(format), ImportEmbeddings.Format, StringComparison.OrdinalIgnoreCase)
            ? ImportEmbeddings.Run(parse.GetValue(paths)!, parse.GetValue(into), parse.GetValue(output)!, ParseSettings(parse.GetValue(settings) ?? []), ct)
            : Run(parse.GetValue(format)!, parse.GetValue(paths)!, parse.GetValue(output)!, parse.GetValue(strict), parse.GetValue(settings) ?? [], ct, parse.GetValue(force)))));
        return command;
    }

    internal static int Run(string format, string[] paths, string output, bool strict, string[] settings, CancellationToken ct, bool force = false)
    {
        var importer = ImporterCatalog.Find(format)
            ?? throw new ArgumentException($"unknown format '{format}'; known formats: {string.Join(", ", ImporterCatalog.All.Select(i => i.Format))}.");
        var options = new ImportOptions { Mode = strict ? ErrorMode.Strict : ErrorMode.Lenient, Settings = ParseSettings(settings) };
        ImporterCatalog.CheckSettings(importer, options.Settings);
        // An output that can never take the snapshot fails now, not after the import (the same-content check needs the data).
        DatasetSnapshot.CheckNewTarget(output, force);
        // An input that names nothing is a mistyped command line (exit 1), not bad data (2): said before any input is read.
        CommandLinePath.AllExisting(paths, "<paths>");
        var report = new ImportReport(options.Mode);
        var dataset = ProgressDisplay.Run($"import {importer.Format}", progress =>
            importer.Import(paths, options, report, new ImportProgressAdapter(progress), ct));
        try
        {
            EmptyImportCheck.EnsureNotEmpty(dataset, report, paths);
        }
        catch (Encore.Core.Errors.DataFormatException)
        {
            ReportPrinter.Print(report);
            throw;
        }
        var manifest = DatasetSnapshot.WriteNew(dataset, output, force, TimeProvider.System, ct);
        ReportPrinter.Print(report);
        Console.WriteLine($"wrote {Path.GetFullPath(output)} (content hash {manifest.ContentHash[..16]})");
        return ExitCodes.Ok;
    }

    internal static Dictionary<string, string> ParseSettings(string[] settings)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in settings)
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--set expects key=value, got '{s}'.");
            result[s[..eq].Trim()] = s[(eq + 1)..].Trim();
        }
        return result;
    }

    private sealed class ImportProgressAdapter(IProgress<(double Fraction, long Rows)> inner) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            inner.Report((value.TotalBytes > 0 ? (double)value.BytesRead / value.TotalBytes : 0, value.Rows));
    }
}
