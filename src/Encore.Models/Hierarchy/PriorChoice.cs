using System.Globalization;
using Encore.Core.Errors;
using Encore.Models.Files;

namespace Encore.Models.Hierarchy;

/// <summary>What <see cref="PriorSelection.Choose"/> picked and the validation accuracies of weighted+bayes+siblings behind it.</summary>
/// <param name="Settings">The chosen C per level and prior mean.</param>
/// <param name="ValidationAccuracy">Validation accuracy of weighted+bayes+siblings with <paramref name="Settings"/>.</param>
/// <param name="SpecAccuracy">The same with SPEC S4's fixed C at every level and prior mean M.</param>
/// <param name="OffAccuracy">The same with no smoothing (C = infinity everywhere, prior mean M): weighted+siblings.</param>
/// <param name="Lists">Number of validation lists.</param>
/// <param name="Curves">Validation accuracy over the C grid per (prior mean, level), from the last coordinate-ascent pass.</param>
public sealed record PriorChoice(PriorSettings Settings, double ValidationAccuracy, double SpecAccuracy, double OffAccuracy, int Lists,
    IReadOnlyList<PriorCurve> Curves)
{
    /// <summary>A choice that was not made on validation (fixed settings, no curves).</summary>
    public static PriorChoice FixedAt(PriorSettings settings) => new(settings, double.NaN, double.NaN, double.NaN, 0, []);

    /// <summary>True when the settings were chosen on validation lists.</summary>
    public bool Validated => Lists > 0;

    /// <summary>One line for logs and model summaries.</summary>
    public string Describe() => Validated
        ? string.Create(CultureInfo.InvariantCulture,
            $"Bayesian prior chosen on {Lists:N0} validation lists: {Settings.Describe()}; validation accuracy of weighted+bayes+siblings {ValidationAccuracy:0.0000} (SPEC's fixed C {SpecAccuracy:0.0000}, no smoothing {OffAccuracy:0.0000})")
            + (Settings.BayesianStepOff ? "; Bayesian step off by validation: C = inf" : "")
        : $"Bayesian prior fixed (not validated): {Settings.Describe()}";

    /// <summary>Writes the settings and the validation accuracies (model files; the curves are not kept).</summary>
    internal void Write(ModelWriter writer)
    {
        writer.WriteArray<double>([.. Settings.Strengths]);
        writer.WriteInt((int)Settings.Mean);
        writer.WriteArray<double>([ValidationAccuracy, SpecAccuracy, OffAccuracy]);
        writer.WriteInt(Lists);
    }

    /// <exception cref="ModelFormatException">Invalid strengths, prior mean, accuracies or list count.</exception>
    internal static PriorChoice Read(ModelReader reader)
    {
        var strengths = reader.ReadArray<double>();
        var mean = (PriorMean)reader.ReadInt();
        var accuracies = reader.ReadArray<double>();
        var lists = reader.ReadInt();
        if (accuracies.Length != 3 || lists < 0) throw new ModelFormatException("hierarchy model: the Bayesian prior record is invalid.");
        try
        {
            return new PriorChoice(new PriorSettings(strengths, mean), accuracies[0], accuracies[1], accuracies[2], lists, []);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"hierarchy model: invalid Bayesian prior ({Guard.PlainMessage(ex)}).");
        }
    }
}

/// <summary>Validation accuracy of weighted+bayes+siblings as one level's C runs over the grid, the other levels held at their choice.</summary>
public sealed record PriorCurve(PriorMean Mean, HierarchyLevel Level, IReadOnlyList<(double Strength, double Accuracy)> Points, double Chosen);
