using System.Globalization;
using Encore.Core.Errors;
using Encore.Models.Files;

namespace Encore.Models.Hierarchy;

/// <summary>
/// Adaptive's evidence confidence lambda (<see cref="LevelScale.PriorConfidence"/>) and the form it goes with, as
/// <see cref="PriorConfidenceSelection.Choose"/> picked them or as they were given, with the validation accuracies behind the choice.
/// </summary>
/// <param name="Form">The adaptive scale form served with <paramref name="Confidence"/> (never <see cref="AdaptiveScale.Validated"/>).</param>
/// <param name="Confidence">lambda in [0, 1]; 0 is SPEC S4's strict adaptive.</param>
/// <param name="Forms">The forms tried on validation (empty when given, not chosen).</param>
/// <param name="Accuracies">Validation accuracy of adaptive per (form, lambda): one row per form of <paramref name="Forms"/>, one column per lambda of <see cref="PriorConfidenceNames.Grid"/>.</param>
/// <param name="Lists">Number of validation lists (0 when given, not chosen).</param>
/// <param name="StrictAccuracy">Validation accuracy of S4's strict adaptive (lambda 0, its own validated form); NaN when not chosen.</param>
public sealed record PriorConfidenceChoice(AdaptiveScale Form, double Confidence, IReadOnlyList<AdaptiveScale> Forms, IReadOnlyList<double> Accuracies,
    int Lists, double StrictAccuracy)
{
    private const int Tag = 0x464E4F43; // "CONF": the record after the adaptive-scale record of a hierarchy model payload

    /// <summary>A lambda (and form) that was given, not chosen on validation.</summary>
    /// <exception cref="ArgumentException"><paramref name="form"/> is <see cref="AdaptiveScale.Validated"/> or undefined.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside [0, 1].</exception>
    public static PriorConfidenceChoice FixedAt(AdaptiveScale form, double confidence)
    {
        if (form == AdaptiveScale.Validated || !Enum.IsDefined(form)) throw new ArgumentException($"adaptive scale '{form}' is not a form.");
        PriorConfidenceNames.Check(confidence);
        return new PriorConfidenceChoice(form, confidence, [], [], 0, double.NaN);
    }

    /// <summary>True when lambda was chosen on validation lists.</summary>
    public bool Validated => Lists > 0;

    /// <summary>True for SPEC S4's strict adaptive (lambda 0).</summary>
    public bool Strict => Confidence == 0;

    /// <summary>Validation accuracy of adaptive at (<paramref name="form"/>, the <paramref name="column"/>-th lambda of the grid); NaN when not tried.</summary>
    public double Accuracy(AdaptiveScale form, int column)
    {
        var row = Forms.ToList().IndexOf(form);
        return row < 0 || column < 0 || column >= PriorConfidenceNames.Grid.Count ? double.NaN : Accuracies[row * PriorConfidenceNames.Grid.Count + column];
    }

    /// <summary>One line for logs and model summaries.</summary>
    public string Describe()
    {
        var lambda = PriorConfidenceNames.Format(Confidence);
        if (!Validated)
            return $"prior confidence fixed (not validated): lambda {lambda} in the {Form.Name()} form" + (Strict ? " (SPEC S4's strict adaptive)" : " (evidence-weighted; departs from SPEC S4)");
        var chosen = Accuracy(Form, IndexOf(Confidence));
        return Strict
            ? string.Create(CultureInfo.InvariantCulture,
                $"prior confidence chosen on {Lists:N0} validation lists: lambda 0, SPEC S4's strict adaptive kept ({Form.Name()} form, validation accuracy {StrictAccuracy:0.0000}); no lambda > 0 beat it by one standard error")
            : string.Create(CultureInfo.InvariantCulture,
                $"prior confidence chosen on {Lists:N0} validation lists: lambda {lambda} in the {Form.Name()} form (evidence-weighted adaptive; departs from SPEC S4), validation accuracy {chosen:0.0000} against {StrictAccuracy:0.0000} for S4's strict adaptive (gain beats one standard error)");
    }

    private static int IndexOf(double lambda)
    {
        for (var i = 0; i < PriorConfidenceNames.Grid.Count; i++)
            if (PriorConfidenceNames.Grid[i] == lambda) return i;
        return -1;
    }

    /// <summary>Appends the record (a tag, the form, lambda, the list count, the strict accuracy, the forms tried and the accuracies).</summary>
    internal void Write(ModelWriter writer)
    {
        writer.WriteInt(Tag);
        writer.WriteInt((int)Form);
        writer.WriteDouble(Confidence);
        writer.WriteInt(Lists);
        writer.WriteDouble(StrictAccuracy);
        writer.WriteInt(Forms.Count);
        foreach (var f in Forms) writer.WriteInt((int)f);
        writer.WriteInt(Accuracies.Count);
        foreach (var a in Accuracies) writer.WriteDouble(a);
    }

    /// <summary>
    /// Reads the record, or lambda 0 in <paramref name="strict"/>'s form (SPEC S4's strict adaptive) when the payload ends first
    /// (files written before the evidence-weighted adaptive existed).
    /// </summary>
    /// <exception cref="ModelFormatException">A wrong tag, an unknown form, lambda outside [0, 1], or invalid counts or accuracies.</exception>
    internal static PriorConfidenceChoice Read(ModelReader reader, AdaptiveScaleChoice strict)
    {
        if (reader.AtEnd) return FixedAt(strict.Form, 0);
        if (reader.ReadInt() != Tag) throw new ModelFormatException("hierarchy model: the prior-confidence record is missing or damaged.");
        var form = (AdaptiveScale)reader.ReadInt();
        var confidence = reader.ReadDouble();
        var lists = reader.ReadInt();
        var strictAccuracy = reader.ReadDouble();
        if (form == AdaptiveScale.Validated || !Enum.IsDefined(form)) throw new ModelFormatException($"hierarchy model: unknown adaptive scale {(int)form} in the prior-confidence record.");
        if (!(confidence >= 0 && confidence <= 1)) throw new ModelFormatException($"hierarchy model: prior confidence {confidence} is outside [0, 1].");
        var formCount = reader.ReadInt();
        if (formCount < 0 || formCount > AdaptiveScaleNames.Forms.Count) throw new ModelFormatException("hierarchy model: the prior-confidence record is invalid.");
        var forms = new AdaptiveScale[formCount];
        for (var i = 0; i < formCount; i++)
        {
            forms[i] = (AdaptiveScale)reader.ReadInt();
            if (forms[i] == AdaptiveScale.Validated || !Enum.IsDefined(forms[i])) throw new ModelFormatException("hierarchy model: the prior-confidence record names an unknown form.");
        }
        var count = reader.ReadInt();
        if (lists < 0 || count != formCount * PriorConfidenceNames.Grid.Count || (lists > 0) != (formCount > 0))
            throw new ModelFormatException("hierarchy model: the prior-confidence record is invalid.");
        var accuracies = new double[count];
        for (var i = 0; i < count; i++)
        {
            accuracies[i] = reader.ReadDouble();
            if (!(accuracies[i] >= 0 && accuracies[i] <= 1)) throw new ModelFormatException("hierarchy model: a prior-confidence validation accuracy is outside [0, 1].");
        }
        if (lists > 0 && !(strictAccuracy >= 0 && strictAccuracy <= 1)) throw new ModelFormatException("hierarchy model: the strict adaptive's validation accuracy is outside [0, 1].");
        return new PriorConfidenceChoice(form, confidence, forms, accuracies, lists, strictAccuracy);
    }
}
