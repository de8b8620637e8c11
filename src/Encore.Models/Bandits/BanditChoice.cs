namespace Encore.Models.Bandits;

/// <summary>
/// A policy's pick among candidates: the candidate's index (row of the candidate block), its predicted value
/// θ·x and the uncertainty sqrt(xᵀA⁻¹x) (the ridge posterior's standard deviation up to the noise scale).
/// </summary>
public readonly record struct BanditChoice(int Index, float Value, float Uncertainty);
