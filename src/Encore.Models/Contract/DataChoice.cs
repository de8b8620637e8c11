namespace Encore.Models.Contract;

/// <summary>
/// A setting a trainer chose from the training data because the user left it at its automatic default (e.g. RP3beta's
/// popularity penalty), with the figures that decided it; commands print it like the confidence choice and record it in
/// the run's parameters as <c>value (auto)</c>.
/// </summary>
/// <param name="Setting">The kebab-case setting name (as in <c>--set model.setting=value</c>).</param>
/// <param name="Value">The chosen value, invariant culture.</param>
/// <param name="Reason">One line on the data figures that decided it.</param>
public sealed record DataChoice(string Setting, string Value, string Reason);

/// <summary>A fitted model that chose some of its settings from the training data (<see cref="DataChoice"/>).</summary>
public interface IDataChoices
{
    /// <summary>The settings chosen from the data during the fit, in the order they were chosen; empty when all were given.</summary>
    IReadOnlyList<DataChoice> DataChoices { get; }
}
