using System.Globalization;
using Encore.Core.Errors;
using Encore.Models.Files;

namespace Encore.Models.Hierarchy;

/// <summary>What <see cref="AdaptiveScaleSelection.Choose"/> picked for adaptive, and the validation accuracies behind it.</summary>
/// <param name="Form">The chosen form (never <see cref="AdaptiveScale.Validated"/>).</param>
/// <param name="Accuracies">Validation accuracy of adaptive per form of <see cref="AdaptiveScaleNames.Forms"/>, in that order (empty when not validated).</param>
/// <param name="Lists">Number of validation lists (0 when the form was given, not chosen).</param>
public sealed record AdaptiveScaleChoice(AdaptiveScale Form, IReadOnlyList<double> Accuracies, int Lists)
{
    private const int Tag = 0x50414441; // "ADAP": the record at the end of a hierarchy model payload

    /// <summary>A form that was given, not chosen on validation.</summary>
    /// <exception cref="ArgumentException"><paramref name="form"/> is <see cref="AdaptiveScale.Validated"/> or undefined.</exception>
    public static AdaptiveScaleChoice FixedAt(AdaptiveScale form)
    {
        if (form == AdaptiveScale.Validated || !Enum.IsDefined(form)) throw new ArgumentException($"adaptive scale '{form}' is not a form.");
        return new AdaptiveScaleChoice(form, [], 0);
    }

    /// <summary>SPEC S4's raw form, not validated: what model files written before the choice existed hold.</summary>
    public static AdaptiveScaleChoice Spec { get; } = FixedAt(AdaptiveScale.Raw);

    /// <summary>True when the form was chosen on validation lists.</summary>
    public bool Validated => Lists > 0;

    /// <summary>One line for logs and model summaries.</summary>
    public string Describe() => Validated
        ? string.Create(CultureInfo.InvariantCulture,
            $"adaptive scale of the strict adaptive (lambda 0) chosen on {Lists:N0} validation lists: {Form.Name()}{(Form == AdaptiveScale.Raw ? " (SPEC S4)" : " (departs from SPEC S4)")}; validation accuracy of adaptive ")
            + string.Join(", ", AdaptiveScaleNames.Forms.Zip(Accuracies).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First.Name()} {p.Second:0.0000}")))
            + (Form == AdaptiveScale.Raw && Accuracies.Count > 0 && Accuracies.Max() > Accuracies[0] ? "; no form beat raw by one standard error" : "")
        : $"adaptive scale of the strict adaptive (lambda 0) fixed (not validated): {Form.Name()}";

    /// <summary>Appends the record (a tag, the form, the list count and the accuracies; no arrays, so no alignment).</summary>
    internal void Write(ModelWriter writer)
    {
        writer.WriteInt(Tag);
        writer.WriteInt((int)Form);
        writer.WriteInt(Lists);
        writer.WriteInt(Accuracies.Count);
        foreach (var a in Accuracies) writer.WriteDouble(a);
    }

    /// <summary>Reads the record, or <see cref="Spec"/> when the payload ends first (files written before it).</summary>
    /// <exception cref="ModelFormatException">A wrong tag, an unknown form, or invalid counts or accuracies.</exception>
    internal static AdaptiveScaleChoice Read(ModelReader reader)
    {
        if (reader.AtEnd) return Spec;
        if (reader.ReadInt() != Tag) throw new ModelFormatException("hierarchy model: the adaptive-scale record is missing or damaged.");
        var form = (AdaptiveScale)reader.ReadInt();
        var lists = reader.ReadInt();
        var count = reader.ReadInt();
        if (form == AdaptiveScale.Validated || !Enum.IsDefined(form)) throw new ModelFormatException($"hierarchy model: unknown adaptive scale {(int)form}.");
        if (lists < 0 || count < 0 || count > 16 || (lists > 0) != (count == AdaptiveScaleNames.Forms.Count))
            throw new ModelFormatException("hierarchy model: the adaptive-scale record is invalid.");
        var accuracies = new double[count];
        for (var i = 0; i < count; i++)
        {
            accuracies[i] = reader.ReadDouble();
            if (!(accuracies[i] >= 0 && accuracies[i] <= 1)) throw new ModelFormatException("hierarchy model: an adaptive-scale validation accuracy is outside [0, 1].");
        }
        return new AdaptiveScaleChoice(form, accuracies, lists);
    }
}
